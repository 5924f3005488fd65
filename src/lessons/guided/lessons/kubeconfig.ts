// Lesson 6: kubectl on a worker (3.1.6) — refused at localhost:8080 without a
// kubeconfig, admin.conf copied from m-k8s with scp, --kubeconfig; and the API server
// as the one door every kubectl goes through.
import type { GuidedLesson, LessonVersions } from '../types';
import { MANIFESTS, on, onMaster } from './common';

export const kubeconfigLesson: GuidedLesson = {
  id: 'kubeconfig',
  title: { ko: '워커 노드에서 kubectl 쓰기', en: 'kubectl on a worker' },
  summary: {
    ko: 'kubectl 은 쿠버네티스 클러스터에 명령을 내리는 바이너리일 뿐이라 어디서든 실행할 수 있습니다. 다만 어느 클러스터에 어떤 자격으로 접속할지 알아야 합니다. w3-k8s 에서 kubectl 이 거부되는 이유를 보고, 마스터 노드의 admin.conf 를 가져와 --kubeconfig 로 지정해 봅니다.',
    en: 'kubectl is just a binary that sends commands to the cluster; it runs anywhere. But it has to know which cluster to reach and as whom. See why kubectl is refused on w3-k8s, then fetch admin.conf from the master and pass it with --kubeconfig.',
  },
  steps: [
    {
      id: 'refused',
      title: { ko: 'w3-k8s 에서 kubectl get nodes', en: 'kubectl get nodes on w3-k8s' },
      narration: {
        ko: '워커 노드 w3-k8s 에서 kubectl get nodes 를 실행합니다. m-k8s 에서는 잘 되던 명령인데 접속이 거부됩니다.',
        en: 'Run kubectl get nodes on the worker w3-k8s. The same command works on m-k8s, but here the connection is refused.',
      },
      commands: [on('w3-k8s', 'kubectl get nodes')],
      predict: {
        question: {
          ko: 'w3-k8s 의 kubectl 은 왜 localhost:8080 에 접속하려 할까요?',
          en: 'Why does kubectl on w3-k8s try localhost:8080?',
        },
        choices: [
          { ko: 'w3-k8s 에도 API 서버가 떠 있어서', en: 'w3-k8s runs an API server too' },
          {
            ko: '클러스터 정보(kubeconfig)가 없어 기본값으로 접속해서',
            en: 'It has no cluster information (kubeconfig), so it falls back to a default',
          },
          {
            ko: '워커 노드는 kubectl 을 쓸 수 없게 막혀 있어서',
            en: 'Workers are barred from using kubectl',
          },
        ],
        answer: 1,
        explain: {
          ko: 'kubectl 은 $HOME/.kube/config(또는 --kubeconfig 로 준 파일)에서 API 서버 주소와 인증서를 읽습니다. m-k8s 에는 구성할 때 admin.conf 를 복사해 두었지만 w3-k8s 에는 그 파일이 없어서, 예전부터 내려온 기본값 localhost:8080 에 접속하다 거부됩니다.',
          en: 'kubectl reads the API server address and the certificates from $HOME/.kube/config (or the file given with --kubeconfig). m-k8s got a copy of admin.conf during setup; w3-k8s has none, so kubectl tries the old default, localhost:8080, and is refused.',
        },
      },
      doneWhen: { printed: 'localhost:8080 was refused', host: 'w3-k8s' },
    },
    {
      id: 'scp',
      title: { ko: 'admin.conf 가져오기', en: 'Fetch admin.conf' },
      narration: {
        ko: '마스터 노드의 쿠버네티스 클러스터 정보(/etc/kubernetes/admin.conf)를 scp 로 w3-k8s 의 현재 디렉터리에 복사합니다. 실습 환경의 root 비밀번호는 vagrant 입니다. 파일을 열어 보면 server: https://192.168.1.10:6443 과 관리자 인증서가 들어 있습니다.',
        en: 'Copy the cluster information of the master (/etc/kubernetes/admin.conf) into the current directory of w3-k8s with scp. The lab’s root password is vagrant. Open the file: it holds server: https://192.168.1.10:6443 and the admin’s certificates.',
      },
      commands: [
        on('w3-k8s', 'scp root@192.168.1.10:/etc/kubernetes/admin.conf .'),
        on('w3-k8s', 'cat admin.conf'),
      ],
      really: {
        ko: 'admin.conf 는 클러스터의 모든 것을 할 수 있는 관리자 자격 증명입니다. 실습이라 워커 노드에 복사하지만, 실제 클러스터에서는 사용자마다 권한을 제한한 kubeconfig 를 따로 만들어 줍니다.',
        en: 'admin.conf is the credential of a cluster administrator who may do anything. Copying it to a worker is fine for a lab; a real cluster gives each user their own kubeconfig with limited rights.',
      },
      doneWhen: { printed: 'server: https://192.168.1.10:6443', host: 'w3-k8s' },
    },
    {
      id: 'kubeconfig',
      title: { ko: '--kubeconfig 로 지정', en: 'Pass it with --kubeconfig' },
      narration: {
        ko: 'kubectl get nodes 명령에 클러스터 정보를 입력받는 옵션 --kubeconfig 와 방금 받아 온 admin.conf 를 주고 실행합니다. 이제 w3-k8s 에서도 m-k8s 에서와 같은 결과가 나옵니다.',
        en: 'Run kubectl get nodes with the --kubeconfig option, which takes the cluster information, pointing at the admin.conf you just fetched. w3-k8s now gets the same answer as m-k8s.',
      },
      commands: [on('w3-k8s', 'kubectl get nodes --kubeconfig admin.conf')],
      doneWhen: {
        all: [
          { typed: '--kubeconfig admin.conf', host: 'w3-k8s' },
          { printed: 'v1.18.4', host: 'w3-k8s' },
        ],
      },
    },
    {
      id: 'stop-apiserver',
      title: { ko: 'API 서버 멈추기', en: 'Stop the API server' },
      narration: {
        ko: 'kubectl 이 어디에서 실행되든 접속하는 곳은 192.168.1.10:6443 의 API 서버 하나입니다. 이를 확인하려고 m-k8s 에서 API 서버의 매니페스트를 잠시 /tmp 로 옮깁니다. m-k8s 의 kubelet 이 매니페스트가 사라진 것을 알아채고 API 서버를 멈출 때까지 잠시 걸립니다.',
        en: 'Wherever kubectl runs, it goes to one place: the API server at 192.168.1.10:6443. To see it, move the API server’s manifest on m-k8s to /tmp for a moment. It takes a little while for the kubelet on m-k8s to notice the manifest is gone and stop the API server.',
      },
      commands: [onMaster(`mv ${MANIFESTS}/kube-apiserver.yaml /tmp`)],
      doneWhen: { component: 'apiserver', state: 'stopped' },
    },
    {
      id: 'one-door',
      title: { ko: 'API 서버라는 하나의 통로', en: 'One door: the API server' },
      narration: {
        ko: 'w3-k8s 에서 같은 명령을 다시 실행합니다. 이번에는 localhost:8080 이 아니라 192.168.1.10:6443 에서 거부됩니다.',
        en: 'Run the same command on w3-k8s again. This time the refusal comes from 192.168.1.10:6443, not localhost:8080.',
      },
      commands: [on('w3-k8s', 'kubectl get nodes --kubeconfig admin.conf')],
      predict: {
        question: {
          ko: 'API 서버가 멈춘 뒤 w3-k8s 의 kubectl 은 어떤 메시지를 보여 줄까요?',
          en: 'With the API server stopped, what does kubectl on w3-k8s print?',
        },
        choices: [
          { ko: 'localhost:8080 was refused', en: 'localhost:8080 was refused' },
          { ko: '192.168.1.10:6443 was refused', en: '192.168.1.10:6443 was refused' },
          { ko: '마지막으로 본 노드 목록', en: 'The last node list it saw' },
        ],
        answer: 1,
        explain: {
          ko: 'kubeconfig 덕분에 kubectl 은 올바른 주소를 알고 있지만, 그 주소에서 응답할 API 서버가 없습니다. kubectl 은 아무것도 저장해 두지 않으니 예전 목록을 보여 줄 수도 없습니다. 클러스터의 모든 정보는 API 서버를 통해서만 얻을 수 있습니다.',
          en: 'Thanks to the kubeconfig kubectl knows the right address, but no API server answers there. kubectl keeps nothing of its own, so it cannot show an old list either. Everything about the cluster comes through the API server.',
        },
      },
      doneWhen: { printed: '192.168.1.10:6443 was refused', host: 'w3-k8s' },
    },
    {
      id: 'restore',
      title: { ko: 'API 서버 되돌리기', en: 'Put the API server back' },
      narration: {
        ko: '옮겨 둔 매니페스트를 /etc/kubernetes/manifests 로 되돌리면 m-k8s 의 kubelet 이 API 서버를 다시 띄웁니다. 잠시 뒤 w3-k8s 에서 다시 확인합니다.',
        en: 'Move the manifest back into /etc/kubernetes/manifests and the kubelet on m-k8s starts the API server again. After a moment, check from w3-k8s once more.',
      },
      commands: [
        onMaster(`mv /tmp/kube-apiserver.yaml ${MANIFESTS}/`),
        on('w3-k8s', 'kubectl get nodes --kubeconfig admin.conf'),
      ],
      doneWhen: { component: 'apiserver', state: 'running' },
    },
  ],
};

/** The second edition's nodes are v1.36.0. */
export const kubeconfigVersions: LessonVersions = {
  '1.36': {
    steps: {
      kubeconfig: {
        doneWhen: {
          all: [
            { typed: '--kubeconfig admin.conf', host: 'w3-k8s' },
            { printed: 'v1.36.0', host: 'w3-k8s' },
          ],
        },
      },
    },
  },
};
