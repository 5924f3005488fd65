// Lesson 3: the book's 3.2 — a bare pod (kubectl run) against a Deployment (kubectl
// create deployment): the controller manager's part, ReplicaSet names and the
// pod-template hash, scaling, and a Deployment healing itself when its pods go.
import type { GuidedLesson } from '../types';
import { onMaster } from './common';

export const deploymentLesson: GuidedLesson = {
  id: 'deployment',
  title: { ko: '디플로이먼트로 파드 관리하기', en: 'Managing pods with a Deployment' },
  summary: {
    ko: '파드 하나만 만드는 kubectl run 과 디플로이먼트를 만드는 kubectl create deployment 를 비교합니다. 컨트롤러 매니저가 레플리카셋과 파드를 만드는 과정, 이름에 붙는 해시, scale, 그리고 파드를 지웠을 때 스스로 복구되는 모습을 확인합니다.',
    en: 'Compare kubectl run, which makes one pod, with kubectl create deployment. See the controller manager create a ReplicaSet and its pods, the hashes in their names, scaling, and a Deployment healing itself when its pods are deleted.',
  },
  steps: [
    {
      id: 'run',
      title: { ko: 'kubectl run 으로 파드 하나', en: 'One pod with kubectl run' },
      narration: {
        ko: 'kubectl run 은 파드를 하나 만듭니다. 이름은 nginx-pod, 이미지는 nginx 입니다. 이렇게 만든 파드는 누구도 관리하지 않는 단독 파드(bare pod)입니다.',
        en: 'kubectl run makes one pod, here named nginx-pod from the image nginx. Nothing manages a pod made this way: it is a bare pod.',
      },
      commands: [onMaster('kubectl run nginx-pod --image=nginx'), onMaster('kubectl get pod')],
      doneWhen: { pod: 'nginx-pod', status: 'Running' },
    },
    {
      id: 'create-deployment',
      title: { ko: 'kubectl create deployment', en: 'kubectl create deployment' },
      narration: {
        ko: 'kubectl create 는 무엇을 만들지 알려 줘야 합니다. kubectl create nginx --image=nginx 처럼 종류를 빼면 --image 를 모르는 플래그로 보고 오류를 냅니다. 디플로이먼트(deployment)라고 알려 주면 dpy-nginx 가 만들어집니다.',
        en: 'kubectl create needs to be told what to create. Leave the kind out, as in kubectl create nginx --image=nginx, and it rejects --image as an unknown flag. Say deployment and dpy-nginx is created.',
      },
      commands: [
        onMaster('kubectl create nginx --image=nginx'),
        onMaster('kubectl create deployment dpy-nginx --image=nginx'),
        onMaster('kubectl get pods'),
      ],
      predict: {
        question: {
          ko: '디플로이먼트만 만들었는데 dpy-nginx 파드는 누가 만들까요?',
          en: 'You created only a Deployment. Who creates the dpy-nginx pod?',
        },
        choices: [
          { ko: 'kubectl 이 파드도 함께 보낸다', en: 'kubectl sends the pod along' },
          {
            ko: '컨트롤러 매니저가 레플리카셋을 거쳐 만든다',
            en: 'The controller manager, through a ReplicaSet',
          },
          { ko: '스케줄러가 만든다', en: 'The scheduler' },
        ],
        answer: 1,
        explain: {
          ko: '컨트롤러 매니저 안의 디플로이먼트 컨트롤러가 새 디플로이먼트를 보고 레플리카셋을 만들고, 레플리카셋 컨트롤러가 그 레플리카셋을 보고 파드를 만듭니다. 책의 3단계(컨트롤러 매니저가 파드를 생성)가 그대로 일어나는 경우가 바로 이것입니다. 스케줄러는 그다음에 노드를 고릅니다.',
          en: 'The Deployment controller inside the controller manager sees the new Deployment and creates a ReplicaSet; the ReplicaSet controller sees that and creates the pod. This is where the book’s step 3, the controller manager creating the pod, happens exactly as written. The scheduler then picks a node.',
        },
      },
      doneWhen: { podPrefix: 'dpy-nginx-', status: 'Running', count: 1 },
    },
    {
      id: 'names',
      title: { ko: '이름에 붙은 해시', en: 'The hashes in the names' },
      narration: {
        ko: '디플로이먼트, 레플리카셋, 파드를 차례로 확인합니다. 레플리카셋 이름은 dpy-nginx 뒤에 해시가 붙고, 파드 이름은 레플리카셋 이름 뒤에 다시 다섯 글자가 붙습니다. kube-system 의 coredns 이름과 같은 모양입니다.',
        en: 'Look at the Deployment, the ReplicaSet and the pods in turn. The ReplicaSet is named dpy-nginx plus a hash; each pod is named after the ReplicaSet plus five more characters. The same shape as the coredns names in kube-system.',
      },
      commands: [
        onMaster('kubectl get deployment'),
        onMaster('kubectl get replicaset'),
        onMaster('kubectl get pods'),
      ],
      predict: {
        question: {
          ko: '파드 이름 dpy-nginx-5cb6fd889f-xx8gc 에서 가운데 5cb6fd889f 는 무엇일까요?',
          en: 'In a pod name such as dpy-nginx-5cb6fd889f-xx8gc, what is the 5cb6fd889f in the middle?',
        },
        choices: [
          { ko: '파드가 배포된 노드의 번호', en: 'The number of the pod’s node' },
          {
            ko: '파드 템플릿에서 계산한 해시(pod-template-hash)',
            en: 'A hash of the pod template (pod-template-hash)',
          },
          { ko: '만든 시각', en: 'The time it was created' },
        ],
        answer: 1,
        explain: {
          ko: '디플로이먼트 컨트롤러는 파드 템플릿으로 해시를 계산해 레플리카셋 이름과 레이블에 붙입니다. 템플릿이 바뀌면(예: 이미지 변경) 해시가 다른 새 레플리카셋이 생깁니다. 끝의 다섯 글자는 파드마다 API 서버가 무작위로 붙입니다.',
          en: 'The Deployment controller hashes the pod template and puts the hash in the ReplicaSet’s name and labels. Change the template (a new image, say) and a new ReplicaSet with a different hash appears. The five characters at the end are added at random by the API server, per pod.',
        },
      },
      doneWhen: { any: [{ typed: 'get replicaset' }, { typed: 'get rs' }] },
    },
    {
      id: 'scale',
      title: { ko: 'scale: 파드를 3개로', en: 'scale: three pods' },
      narration: {
        ko: '파드를 3개로 늘려 봅니다. 단독 파드인 nginx-pod 는 늘릴 수 없어 오류가 납니다. 파드에는 개수를 정하는 값(replicas)이 없기 때문입니다. 디플로이먼트는 replicas 를 3으로 바꾸면 레플리카셋 컨트롤러가 모자란 파드 2개를 더 만듭니다.',
        en: 'Scale to three pods. The bare nginx-pod cannot be scaled and kubectl fails: a pod has no replica count. For the Deployment, setting replicas to 3 makes the ReplicaSet controller create the two missing pods.',
      },
      commands: [
        onMaster('kubectl scale pod nginx-pod --replicas=3'),
        onMaster('kubectl scale deployment dpy-nginx --replicas=3'),
        onMaster('kubectl get pods -o wide'),
      ],
      really: {
        ko: '새 파드 2개는 스케줄러가 노드마다 점수를 매겨 고른 노드로 갑니다. 보통 파드가 적은 노드가 점수가 높아 세 워커에 골고루 퍼집니다.',
        en: 'The scheduler scores the nodes for each of the two new pods; nodes with fewer pods score higher, so the pods usually spread over the three workers.',
      },
      doneWhen: { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
    },
    {
      id: 'self-heal',
      title: { ko: '파드를 모두 지우면', en: 'Delete every pod' },
      narration: {
        ko: 'default 네임스페이스의 파드를 모두 지워 봅니다. --wait=false 를 붙이면 삭제가 끝나기를 기다리지 않고 바로 돌아오니, 곧바로 kubectl get pods 로 무슨 일이 일어나는지 볼 수 있습니다.',
        en: 'Delete every pod in the default namespace. With --wait=false kubectl returns without waiting for the deletions to finish, so you can run kubectl get pods straight away and watch.',
      },
      commands: [onMaster('kubectl delete pods --all --wait=false'), onMaster('kubectl get pods')],
      predict: {
        question: {
          ko: '30초 뒤 kubectl get pods 는 무엇을 보여 줄까요?',
          en: 'What will kubectl get pods show 30 s later?',
        },
        choices: [
          { ko: '아무것도 없다 (No resources found)', en: 'Nothing (No resources found)' },
          {
            ko: '이름이 바뀐 dpy-nginx 파드 3개, nginx-pod 는 없음',
            en: 'Three dpy-nginx pods with new names, and no nginx-pod',
          },
          { ko: '원래 이름 그대로 4개 모두', en: 'All four, under their old names' },
        ],
        answer: 1,
        explain: {
          ko: '레플리카셋 컨트롤러는 추구하는 상태(파드 3개)와 현재 상태(0개)를 비교해 모자란 만큼 새 파드를 만듭니다. 새 파드라 이름 끝 다섯 글자가 다릅니다. nginx-pod 는 관리하는 컨트롤러가 없어 그대로 사라집니다. 파드는 언제라도 죽을 수 있는 존재라서, 실무에서는 파드를 디플로이먼트로 관리합니다.',
          en: 'The ReplicaSet controller compares the desired state (three pods) with the current one (none) and creates what is missing. They are new pods, so the five characters at the end differ. nginx-pod has no controller and is simply gone. Pods can die at any moment, which is why real workloads run them under a Deployment.',
        },
      },
      doneWhen: {
        all: [
          { podGone: 'nginx-pod' },
          { podPrefix: 'dpy-nginx-', count: 3 },
          { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
        ],
      },
    },
    {
      id: 'delete-deployment',
      title: { ko: '디플로이먼트 삭제', en: 'Delete the Deployment' },
      narration: {
        ko: '파드를 없애려면 파드를 관리하는 디플로이먼트를 지워야 합니다. 디플로이먼트를 지우면 그 레플리카셋과 파드도 함께 정리됩니다.',
        en: 'To get rid of the pods, delete what manages them: the Deployment. Its ReplicaSet and pods are cleaned up with it.',
      },
      commands: [onMaster('kubectl delete deployment dpy-nginx'), onMaster('kubectl get pods')],
      really: {
        ko: '레플리카셋과 파드에는 소유자(ownerReferences)가 적혀 있습니다. 디플로이먼트가 지워지면 컨트롤러 매니저의 가비지 컬렉터가 주인을 잃은 레플리카셋과 파드를 지웁니다.',
        en: 'ReplicaSets and pods record their owner (ownerReferences). When the Deployment is deleted, the garbage collector in the controller manager deletes the ReplicaSet and pods it owned.',
      },
      doneWhen: { podPrefix: 'dpy-nginx-', count: 0 },
    },
  ],
};
