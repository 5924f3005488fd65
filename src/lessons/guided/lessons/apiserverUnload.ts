// Lesson 9: the second edition's 3.1.6 experiment — unloading kube-apiserver by moving
// its static pod manifest out of /etc/kubernetes/manifests (the book's
// ch3/3.1.6/unload-kube-apiserver.sh) and back (load-kube-apiserver.sh). The master's
// kubelet, not the API server, runs the static pods: it sees the file gone and stops
// the container, kubectl is refused, and with the file back the kubelet starts it again.
// The first edition had no such experiment, but its lab works the same way, so the
// lesson is offered in both labs; only the second edition's lab has the scripts.
import type { GuidedLesson, LessonVersions } from '../types';
import { MANIFESTS, onMaster, stepOf } from './common';

const MANIFEST = `${MANIFESTS}/kube-apiserver.yaml`;
/** The two lines of ch3/3.1.6/unload-kube-apiserver.sh that act (the rest are echo). */
const UNLOAD = [
  `cp ${MANIFEST} /tmp/kube-apiserver-backup.yaml`,
  `mv ${MANIFEST} /tmp/kube-apiserver.yaml`,
] as const;
/** The line of ch3/3.1.6/load-kube-apiserver.sh that acts. */
const LOAD = `mv /tmp/kube-apiserver.yaml ${MANIFEST}`;
const SCRIPTS = '~/_Book_k8sInfra/ch3/3.1.6';
/** The runtime's list of the API server's container: `docker ps` in the book's lab, crictl's in the second edition's (the profile maps it). */
const RUNTIME_PS = 'docker ps | grep kube-apiserver';
const REFUSED = '192.168.1.10:6443 was refused';

export const apiserverUnloadLesson: GuidedLesson = {
  id: 'apiserver-unload',
  title: {
    ko: 'API 서버 내렸다 올리기',
    en: 'Unloading the API server and loading it back',
  },
  summary: {
    ko: 'API 서버는 m-k8s 의 kubelet 이 /etc/kubernetes/manifests 의 매니페스트로 실행하는 정적 파드입니다. 매니페스트를 옮겨 API 서버를 내리고, kubectl 이 거부되는 것을 본 뒤, 되돌려서 kubelet 이 다시 띄우는 것을 확인합니다. 책 2판의 3.1.6 실습입니다.',
    en: 'The API server is a static pod: the kubelet on m-k8s runs it from a manifest in /etc/kubernetes/manifests. Move the manifest away to unload the API server, see kubectl refused, then move it back and watch the kubelet start it again. This is the second edition’s 3.1.6 experiment.',
  },
  steps: [
    {
      id: 'static-pod',
      title: { ko: 'API 서버도 파드다', en: 'The API server is a pod too' },
      narration: {
        ko: 'kubeadm 은 API 서버, etcd, 컨트롤러 매니저, 스케줄러를 정적 파드로 만듭니다. 매니페스트 파일이 /etc/kubernetes/manifests 에 있고, m-k8s 의 kubelet 이 이 폴더를 읽어 컨테이너를 실행합니다. 파일 목록과 kube-system 의 kube-apiserver-m-k8s, 그리고 컨테이너 런타임이 실행 중인 API 서버의 컨테이너를 확인합니다.',
        en: 'kubeadm makes the API server, etcd, the controller manager and the scheduler static pods: their manifests are files in /etc/kubernetes/manifests, and the kubelet on m-k8s reads that folder and runs their containers. List the files, find kube-apiserver-m-k8s in kube-system, and see the API server’s container that the container runtime runs.',
      },
      commands: [
        onMaster(`ls ${MANIFESTS}`),
        onMaster('kubectl get pods -n kube-system -o wide | grep kube-apiserver'),
        onMaster(RUNTIME_PS),
      ],
      doneWhen: {
        all: [
          { typed: 'docker ps', host: 'm-k8s' },
          { printed: 'kube-apiserver', host: 'm-k8s' },
        ],
      },
    },
    {
      id: 'unload',
      title: { ko: '매니페스트 옮기기', en: 'Move the manifest away' },
      narration: {
        ko: '책의 unload-kube-apiserver.sh 가 하는 일을 그대로 입력합니다. 매니페스트를 /tmp 에 백업으로 복사해 두고, 원본을 /tmp 로 옮깁니다. 폴더에서 파일이 사라지면 kubelet 이 다음에 폴더를 읽을 때 API 서버를 멈춥니다.',
        en: 'Type what the book’s unload-kube-apiserver.sh does: copy the manifest to /tmp as a backup, then move the original to /tmp. With the file gone from the folder, the kubelet stops the API server the next time it reads the folder.',
      },
      commands: UNLOAD.map(onMaster),
      predict: {
        question: {
          ko: '매니페스트를 옮긴 뒤 API 서버는 언제 멈출까요?',
          en: 'Once the manifest is moved, when does the API server stop?',
        },
        choices: [
          { ko: 'mv 를 입력한 바로 그 순간', en: 'The moment mv returns' },
          {
            ko: 'kubelet 이 폴더를 다시 읽을 때 (20초 안에)',
            en: 'When the kubelet next reads the folder (within 20 s)',
          },
          { ko: '멈추지 않는다: API 서버가 스스로를 지킨다', en: 'Never: the API server protects itself' },
        ],
        answer: 1,
        explain: {
          ko: '정적 파드는 API 서버가 아니라 각 노드의 kubelet 이 관리합니다. kubelet 은 매니페스트 폴더를 주기적으로(기본 20초마다, fileCheckFrequency) 읽고, 사라진 파일의 파드를 멈춥니다. 그래서 책의 스크립트도 “잠시 기다리라”고 안내합니다.',
          en: 'Static pods are looked after by each node’s kubelet, not by the API server. The kubelet reads the manifest folder periodically (every 20 s by default, fileCheckFrequency) and stops the pods whose files are gone. That is why the book’s script tells you to wait a moment.',
        },
      },
      doneWhen: { component: 'apiserver', state: 'stopped' },
    },
    {
      id: 'refused',
      title: { ko: '접속이 거부된다', en: 'The connection is refused' },
      narration: {
        ko: 'kubectl 로 kube-system 의 파드를 조회하면 192.168.1.10:6443 에 접속이 거부됩니다. 컨테이너 런타임에서도 API 서버의 컨테이너를 찾아봅니다.',
        en: 'Ask kubectl for the pods of kube-system: the connection to 192.168.1.10:6443 is refused. Look for the API server’s container in the container runtime too.',
      },
      commands: [onMaster('kubectl get pods -n kube-system'), onMaster(RUNTIME_PS)],
      predict: {
        question: {
          ko: '지금 컨테이너 런타임의 목록에 kube-apiserver 컨테이너가 있을까요?',
          en: 'Is a kube-apiserver container in the runtime’s list now?',
        },
        choices: [
          { ko: '있다: API 서버가 응답하지 않을 뿐이다', en: 'Yes: the API server just does not answer' },
          { ko: '없다: kubelet 이 컨테이너를 멈췄다', en: 'No: the kubelet stopped the container' },
        ],
        answer: 1,
        explain: {
          ko: 'kubelet 이 매니페스트가 사라진 것을 보고 API 서버의 컨테이너와 샌드박스를 멈췄으니 목록에 없습니다(grep 은 아무것도 출력하지 않습니다). 6443 포트에서 기다리는 프로세스가 없으니 kubectl 은 곧바로 거부됩니다. 반면 kubelet 과 런타임은 API 서버 없이도 돌고 있습니다.',
          en: 'The kubelet saw the manifest gone and stopped the API server’s container and its sandbox, so neither is listed (grep prints nothing). Nothing listens on port 6443, so kubectl is refused at once. The kubelet and the runtime, meanwhile, run on without the API server.',
        },
      },
      doneWhen: { printed: REFUSED, host: 'm-k8s' },
    },
    {
      id: 'load',
      title: { ko: '매니페스트 되돌리기', en: 'Move the manifest back' },
      narration: {
        ko: '책의 load-kube-apiserver.sh 처럼 매니페스트를 /etc/kubernetes/manifests 로 되돌립니다. kubelet 이 다음에 폴더를 읽으면 API 서버를 다시 띄웁니다. 그 전까지는 kubectl 이 계속 거부됩니다.',
        en: 'As the book’s load-kube-apiserver.sh does, move the manifest back into /etc/kubernetes/manifests. The next time the kubelet reads the folder it starts the API server again; until then kubectl is still refused.',
      },
      commands: [onMaster(LOAD)],
      doneWhen: { component: 'apiserver', state: 'running' },
    },
    {
      id: 'back',
      title: { ko: '다시 뜬 API 서버', en: 'The API server is back' },
      narration: {
        ko: 'kubectl 이 다시 응답합니다. kube-system 의 파드 목록에서 kube-apiserver-m-k8s 를 찾고, 컨테이너 런타임에서 API 서버의 컨테이너가 언제 만들어졌는지 봅니다.',
        en: 'kubectl gets answers again. Find kube-apiserver-m-k8s among the pods of kube-system, and see in the container runtime when the API server’s container was created.',
      },
      commands: [onMaster('kubectl get pods -n kube-system'), onMaster(RUNTIME_PS)],
      predict: {
        question: {
          ko: 'API 서버의 컨테이너는 언제 만들어진 것으로 나올까요?',
          en: 'When does the runtime say the API server’s container was created?',
        },
        choices: [
          { ko: '파드의 AGE 와 같은 29분 전', en: '29 minutes ago, the pod’s AGE' },
          { ko: '몇 초 전: 새 컨테이너다', en: 'Seconds ago: it is a new container' },
        ],
        answer: 1,
        explain: {
          ko: 'kubelet 은 매니페스트가 돌아온 것을 보고 샌드박스와 컨테이너를 새로 만들었습니다. 컨테이너 ID 도 처음과 다릅니다. 반면 kube-apiserver-m-k8s 파드 오브젝트의 AGE 는 그대로입니다. API 서버가 멈춰 있는 동안에는 kubelet 이 이 미러 파드를 지울 수 없었고, 파드의 UID 는 매니페스트 내용으로 정해지므로 같은 오브젝트를 그대로 씁니다.',
          en: 'The kubelet saw the manifest back and made a new sandbox and a new container: the container ID differs from the first one too. The AGE of the pod object kube-apiserver-m-k8s, on the other hand, does not change: while the API server was down the kubelet could not delete this mirror pod, and the pod’s UID comes from the manifest’s content, so the same object is used again.',
        },
      },
      doneWhen: {
        all: [
          { pod: 'kube-apiserver-m-k8s', namespace: 'kube-system', status: 'Running' },
          { typed: 'kubectl get pods -n kube-system', host: 'm-k8s' },
        ],
      },
    },
  ],
};

const load = stepOf(apiserverUnloadLesson, 'load');

/**
 * The second edition's lab has the scripts in ~/_Book_k8sInfra/ch3/3.1.6: the student reads
 * each before typing what it does (Podscope's shell runs no scripts), and the lesson says so.
 */
export const apiserverUnloadVersions: LessonVersions = {
  '1.36': {
    steps: {
      unload: {
        narration: {
          ko: '책은 ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh 를 실행합니다. 스크립트를 열어 보고, 그 안의 두 줄을 그대로 입력합니다. 매니페스트를 /tmp 에 백업으로 복사해 두고, 원본을 /tmp 로 옮깁니다. 폴더에서 파일이 사라지면 kubelet 이 다음에 폴더를 읽을 때 API 서버를 멈춥니다.',
          en: 'The book runs ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh. Open the script and type its two lines that act: copy the manifest to /tmp as a backup, then move the original to /tmp. With the file gone from the folder, the kubelet stops the API server the next time it reads the folder.',
        },
        commands: [onMaster(`cat ${SCRIPTS}/unload-kube-apiserver.sh`), ...UNLOAD.map(onMaster)],
      },
      load: {
        narration: {
          ko: '책의 ~/_Book_k8sInfra/ch3/3.1.6/load-kube-apiserver.sh 를 열어 보고, 그 안의 mv 를 입력해 매니페스트를 /etc/kubernetes/manifests 로 되돌립니다. kubelet 이 다음에 폴더를 읽으면 API 서버를 다시 띄웁니다. 그 전까지는 kubectl 이 계속 거부됩니다. (이 스크립트의 for 문은 do 뒤의 ; 때문에 bash 가 6번째 줄에서 문법 오류를 냅니다. mv 는 그 전에 실행되므로 실습에는 지장이 없습니다.)',
          en: 'Open the book’s ~/_Book_k8sInfra/ch3/3.1.6/load-kube-apiserver.sh and type its mv, moving the manifest back into /etc/kubernetes/manifests. The next time the kubelet reads the folder it starts the API server again; until then kubectl is still refused. (The script’s for loop has a ; right after do, which bash rejects as a syntax error on line 6; the mv has run by then, so the experiment works.)',
        },
        commands: [onMaster(`cat ${SCRIPTS}/load-kube-apiserver.sh`), ...(load.commands ?? [])],
      },
    },
  },
};
