// Lesson 7: etcd holds all the cluster's state — the key behind a pod, a snapshot
// saved and restored around a deleted pod, etcd stopped (the API fails, running pods
// keep serving), and why three members survive one loss but not two.
import type { GuidedLesson, LessonVersions } from '../types';
import { MANIFESTS, NGINX_POD_COMMAND, NGINX_POD_DELETE, onMaster, predictionOf, stepOf } from './common';

/** kubeadm's etcd holds etcdctl; the hosts of the book's lab have none. */
const ETCDCTL = 'kubectl exec -n kube-system etcd-m-k8s -- etcdctl';
/** The client certificates kubeadm made for etcd (etcd runs with --client-cert-auth=true). */
const ETCD_CERTS = [
  '--endpoints=https://127.0.0.1:2379',
  '--cacert=/etc/kubernetes/pki/etcd/ca.crt',
  '--cert=/etc/kubernetes/pki/etcd/server.crt',
  '--key=/etc/kubernetes/pki/etcd/server.key',
].join(' ');
/** etcd's data directory, a hostPath volume of the etcd pod. */
const SNAPSHOT_FILE = '/var/lib/etcd/snapshot.db';

export const etcdLesson: GuidedLesson = {
  id: 'etcd',
  title: { ko: '모든 상태 값이 저장되는 곳, etcd', en: 'etcd, where all the state lives' },
  summary: {
    ko: 'etcd 는 구성 요소들의 상태 값이 모두 저장되는 곳입니다. 파드 하나가 etcd 에 어떻게 저장되는지 보고, 스냅샷으로 백업했다가 지운 파드를 되살려 봅니다. etcd 를 멈추면 무엇이 안 되고 무엇이 계속 되는지, etcd 를 3대로 운영하면 몇 대까지 장애를 견디는지도 알아봅니다.',
    en: 'etcd is where every component’s state is stored. See how one pod is kept in etcd, back it up with a snapshot and bring a deleted pod back from it. Then stop etcd to see what fails and what keeps working, and learn how many failures a three-member etcd survives.',
  },
  steps: [
    {
      id: 'keys',
      title: { ko: '파드 뒤에 있는 etcd 의 키', en: 'The etcd key behind a pod' },
      narration: {
        ko: 'nginx-pod 를 배포하고 -o yaml 로 API 서버가 가진 파드의 전체 내용을 봅니다. 이 내용은 etcd 의 /registry/pods/default/nginx-pod 키에 저장돼 있고, metadata.resourceVersion 은 그 키가 마지막으로 바뀐 etcd 의 리비전입니다. 화면의 etcd 키 인스펙터에서 키가 생기고 리비전이 올라가는 것을 확인해 보세요.',
        en: 'Deploy nginx-pod and look at everything the API server holds about it with -o yaml. It is stored in etcd under the key /registry/pods/default/nginx-pod, and metadata.resourceVersion is the etcd revision at which that key last changed. Watch the key appear and its revision climb in the etcd keys inspector.',
      },
      commands: [onMaster(NGINX_POD_COMMAND), onMaster('kubectl get pod nginx-pod -o yaml')],
      predict: {
        question: {
          ko: 'nginx-pod 의 상태가 바뀔 때마다 etcd 에 기록하는 구성 요소는 누구일까요?',
          en: 'Each time nginx-pod’s state changes, which component writes it to etcd?',
        },
        choices: [
          {
            ko: '바뀐 것을 알게 된 구성 요소가 각자 직접',
            en: 'Whichever component learned of the change, directly',
          },
          { ko: 'API 서버만', en: 'Only the API server' },
          { ko: 'w2-k8s 의 kubelet', en: 'The kubelet on w2-k8s' },
        ],
        answer: 1,
        explain: {
          ko: '스케줄러의 노드 배정도, kubelet 의 상태 보고도 모두 API 서버에 전달되고, API 서버가 etcd 에 기록합니다. etcd 와 직접 통신하는 것은 API 서버뿐이고, 다른 구성 요소는 상태 값을 관리하지 않습니다. 그래서 etcd 의 정보만 백업돼 있으면 클러스터를 복구할 수 있습니다.',
          en: 'The scheduler’s choice of node and the kubelet’s status reports all go to the API server, and the API server writes them to etcd. Only the API server talks to etcd; no other component keeps state of its own. That is why a backup of etcd is enough to recover the cluster.',
        },
      },
      doneWhen: {
        all: [
          { pod: 'nginx-pod', status: 'Running' },
          { typed: '-o yaml', host: 'm-k8s' },
        ],
      },
    },
    {
      id: 'snapshot-save',
      title: { ko: '스냅샷으로 백업', en: 'Back up with a snapshot' },
      narration: {
        ko: 'etcd 의 데이터 전체를 snapshot.db 파일로 저장합니다. 책의 스크립트는 호스트에 etcdctl 을 설치하지 않습니다. kubeadm 으로 만든 클러스터에서 etcdctl 은 etcd 컨테이너 안에 있으므로, kubectl exec 로 etcd 파드(etcd-m-k8s) 안에서 실행합니다. etcd 는 클라이언트 인증서를 요구하므로 --cacert, --cert, --key 로 m-k8s 에서 마운트된 /etc/kubernetes/pki/etcd 의 인증서를 줍니다. etcd 3.4 의 etcdctl 은 v3 API 가 기본이라 ETCDCTL_API=3 은 필요 없습니다. 파일은 etcd 파드의 /var/lib/etcd 에 저장되고, 지금 이 순간의 nginx-pod 도 들어 있습니다.',
        en: 'Save all of etcd’s data to the file snapshot.db. The book’s scripts never install etcdctl on the hosts: in a kubeadm cluster etcdctl lives in the etcd container, so run it inside the etcd pod (etcd-m-k8s) with kubectl exec. etcd requires client certificates, so give it the ones in /etc/kubernetes/pki/etcd, mounted from m-k8s, with --cacert, --cert and --key. etcd 3.4’s etcdctl speaks the v3 API by default, so ETCDCTL_API=3 is no longer needed. The file goes to the etcd pod’s /var/lib/etcd and holds nginx-pod too, as it is at this moment.',
      },
      commands: [
        onMaster(`${ETCDCTL} ${ETCD_CERTS} snapshot save ${SNAPSHOT_FILE}`),
        onMaster('kubectl exec -n kube-system etcd-m-k8s -- ls /var/lib/etcd'),
      ],
      really: {
        ko: '인증서 옵션을 빼면 etcd 가 TLS 연결을 받아 주지 않아서, etcdctl 은 5초를 기다린 뒤 "Error: context deadline exceeded" 를 출력합니다.',
        en: 'Leave out the certificate flags and etcd refuses the TLS connection: etcdctl waits 5 s, then prints "Error: context deadline exceeded".',
      },
      doneWhen: { printed: `Snapshot saved at ${SNAPSHOT_FILE}`, host: 'm-k8s' },
    },
    {
      id: 'delete',
      title: { ko: '파드 삭제', en: 'Delete the pod' },
      narration: {
        ko: '이제 nginx-pod 를 삭제합니다. etcd 에서 /registry/pods/default/nginx-pod 키가 사라지고 kubectl get pod 에도 나오지 않습니다.',
        en: 'Now delete nginx-pod. The key /registry/pods/default/nginx-pod leaves etcd and kubectl get pod no longer lists it.',
      },
      commands: [onMaster('kubectl delete pod nginx-pod'), onMaster('kubectl get pod')],
      doneWhen: { podGone: 'nginx-pod' },
    },
    {
      id: 'snapshot-restore',
      title: { ko: '스냅샷으로 복구', en: 'Restore the snapshot' },
      narration: {
        ko: '저장해 둔 snapshot.db 로 etcd 를 되돌립니다. 이번에도 etcd 컨테이너 안의 etcdctl 을 씁니다. etcdctl snapshot restore 는 파일만 읽고 etcd 에 접속하지 않으므로 인증서가 필요 없습니다. 그리고 파드를 확인합니다.',
        en: 'Put etcd back to the saved snapshot.db, again with the etcdctl in the etcd container. restore only reads the file and does not connect to etcd, so it needs no certificates. Then look at the pods.',
      },
      commands: [onMaster(`${ETCDCTL} snapshot restore ${SNAPSHOT_FILE}`), onMaster('kubectl get pod')],
      predict: {
        question: {
          ko: '복구한 뒤 kubectl get pod 는 무엇을 보여 줄까요?',
          en: 'After the restore, what does kubectl get pod show?',
        },
        choices: [
          {
            ko: 'No resources found: 지운 파드는 돌아오지 않는다',
            en: 'No resources found: a deleted pod stays deleted',
          },
          { ko: 'nginx-pod 가 다시 나온다', en: 'nginx-pod is back' },
          { ko: 'API 서버가 오류를 낸다', en: 'The API server returns an error' },
        ],
        answer: 1,
        explain: {
          ko: '쿠버네티스가 아는 모든 것은 etcd 에 있습니다. etcd 가 스냅샷 시점으로 돌아가면 클러스터도 그 시점의 추구하는 상태로 돌아가고, w2-k8s 의 kubelet 은 다시 나타난 파드를 보고 컨테이너를 다시 띄웁니다.',
          en: 'Everything Kubernetes knows is in etcd. When etcd goes back to the snapshot, the cluster’s desired state goes back with it, and the kubelet on w2-k8s sees the pod reappear and starts its container again.',
        },
      },
      really: {
        ko: '실제 복구는 snapshot restore 로 새 데이터 디렉터리(--data-dir)를 만들고, /etc/kubernetes/manifests/etcd.yaml 이 그 디렉터리를 쓰도록 고친 뒤 etcd 를 다시 띄우는 순서입니다. etcd 3.5 부터는 etcdutl snapshot restore 를 씁니다.',
        en: 'A real restore builds a new data directory with snapshot restore (--data-dir), edits /etc/kubernetes/manifests/etcd.yaml to use it, and lets etcd start again. From etcd 3.5 the command is etcdutl snapshot restore.',
      },
      doneWhen: { pod: 'nginx-pod', status: 'Running' },
    },
    {
      id: 'stop-etcd',
      title: { ko: 'etcd 멈추기', en: 'Stop etcd' },
      narration: {
        ko: 'etcd 도 kubeadm 이 만든 정적 파드입니다. etcd 의 매니페스트를 /tmp 로 옮기면 m-k8s 의 kubelet 이 etcd 를 멈춥니다. 이 실습 환경의 etcd 는 m-k8s 에 하나뿐입니다.',
        en: 'etcd is one of the static pods kubeadm created. Move its manifest to /tmp and the kubelet on m-k8s stops etcd. The lab has a single etcd, on m-k8s.',
      },
      commands: [onMaster(`mv ${MANIFESTS}/etcd.yaml /tmp`)],
      doneWhen: { component: 'etcd', state: 'stopped' },
    },
    {
      id: 'api-fails',
      title: { ko: 'API 는 실패하고, 파드는 응답한다', en: 'The API fails; the pod still answers' },
      narration: {
        ko: '파드를 조회해 보고, nginx-pod 의 IP(이 실습 환경에서는 172.16.103.129)로 curl 을 실행해 봅니다.',
        en: 'List the pods, then curl nginx-pod’s IP (172.16.103.129 in this lab).',
      },
      commands: [onMaster('kubectl get pod'), onMaster('curl 172.16.103.129')],
      predict: {
        question: {
          ko: 'etcd 가 멈춘 지금, curl 172.16.103.129 는 응답할까요?',
          en: 'With etcd stopped, does curl 172.16.103.129 get an answer?',
        },
        choices: [
          { ko: '응답한다', en: 'Yes' },
          { ko: '응답하지 않는다', en: 'No' },
        ],
        answer: 0,
        explain: {
          ko: 'kubectl get pod 는 API 서버가 etcd 에서 읽어 와야 하니 etcdserver: request timed out 으로 실패합니다. 하지만 이미 떠 있는 컨테이너는 w2-k8s 의 docker 가 실행하고, 통신은 노드의 네트워크가 처리합니다. etcd 가 없으면 클러스터를 바꿀 수 없을 뿐, 돌고 있는 파드는 계속 응답합니다.',
          en: 'kubectl get pod needs the API server to read from etcd, so it fails with etcdserver: request timed out. But the running container is run by docker on w2-k8s and its traffic is carried by the node’s network. Without etcd nothing in the cluster can change; the pods already running keep answering.',
        },
      },
      doneWhen: {
        all: [
          { printed: 'etcdserver', host: 'm-k8s' },
          { printed: 'Welcome to nginx!', host: 'm-k8s' },
        ],
      },
    },
    {
      id: 'start-etcd',
      title: { ko: 'etcd 되돌리기', en: 'Bring etcd back' },
      narration: {
        ko: '매니페스트를 되돌리면 kubelet 이 etcd 를 다시 띄우고, API 서버도 다시 응답합니다. etcd 의 데이터는 디스크(/var/lib/etcd)에 남아 있으니 그동안의 상태도 그대로입니다.',
        en: 'Put the manifest back; the kubelet starts etcd again and the API server answers again. etcd’s data stayed on disk (/var/lib/etcd), so nothing of the state was lost.',
      },
      commands: [onMaster(`mv /tmp/etcd.yaml ${MANIFESTS}/`), onMaster('kubectl get pod')],
      doneWhen: { component: 'etcd', state: 'running' },
    },
    {
      id: 'quorum',
      title: { ko: 'etcd 를 3대로 운영하면', en: 'Running three etcd members' },
      narration: {
        ko: 'etcd 는 분산 저장이 가능한 키-값 저장소라서, 여러 대에 복제해 두면 하나의 etcd 에 장애가 나더라도 시스템의 가용성을 확보할 수 있습니다. 다만 etcd 는 과반수(쿼럼)가 동의해야 값을 기록합니다. 멤버가 N 대이면 (N-1)/2 대까지의 장애를 견딥니다.',
        en: 'etcd is a distributed key-value store: replicate it on several machines and the system stays available when one etcd fails. But etcd writes a value only when a majority (a quorum) of members agrees. With N members it tolerates (N-1)/2 failures.',
      },
      predict: {
        question: {
          ko: '3대로 구성한 etcd 에서 2대가 동시에 멈추면 어떻게 될까요?',
          en: 'A three-member etcd loses two members at once. What happens?',
        },
        choices: [
          { ko: '남은 1대로 계속 읽고 쓴다', en: 'The last member keeps reading and writing' },
          {
            ko: '쿼럼을 잃어 더 이상 기록할 수 없고, API 서버도 쓸 수 없다',
            en: 'Quorum is lost: nothing can be written, and the API server is unusable',
          },
          { ko: '1대만 멈춘 것과 같다', en: 'The same as losing one' },
        ],
        answer: 1,
        explain: {
          ko: '3대의 과반수는 2대입니다. 1대가 멈추면 남은 2대가 과반수라 계속 동작하지만, 2대가 멈추면 남은 1대로는 과반수가 되지 않아 리더를 뽑지 못하고 기록을 받지 않습니다. 그래서 etcd 는 3대, 5대처럼 홀수로 구성합니다. 4대는 3대와 똑같이 1대까지만 견딥니다.',
          en: 'A majority of three is two. Lose one and the remaining two still form a majority, so etcd carries on; lose two and the last one alone is no majority: no leader can be elected and no write is accepted. That is why etcd runs with an odd number of members, three or five; four survives only one failure, just like three.',
        },
      },
    },
    {
      id: 'clean-up',
      title: { ko: '정리', en: 'Clean up' },
      narration: {
        ko: '실습에 쓴 nginx-pod 를 삭제합니다.',
        en: 'Delete the nginx-pod used in this lesson.',
      },
      commands: [onMaster(NGINX_POD_DELETE)],
      doneWhen: { podGone: 'nginx-pod' },
    },
  ],
};

/** The second edition's workers run their containers with containerd. */
export const etcdVersions: LessonVersions = {
  '1.36': {
    steps: {
      'api-fails': {
        predict: predictionOf(stepOf(etcdLesson, 'api-fails'), {
          explain: {
            ko: 'kubectl get pod 는 API 서버가 etcd 에서 읽어 와야 하니 etcdserver: request timed out 으로 실패합니다. 하지만 이미 떠 있는 컨테이너는 w2-k8s 의 containerd 가 실행하고, 통신은 노드의 네트워크가 처리합니다. etcd 가 없으면 클러스터를 바꿀 수 없을 뿐, 돌고 있는 파드는 계속 응답합니다.',
            en: 'kubectl get pod needs the API server to read from etcd, so it fails with etcdserver: request timed out. But the running container is run by containerd on w2-k8s and its traffic is carried by the node’s network. Without etcd nothing in the cluster can change; the pods already running keep answering.',
          },
        }),
      },
    },
  },
};
