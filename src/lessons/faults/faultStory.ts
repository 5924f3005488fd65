// What a fault means for the class, in Korean and English: what broke, what
// kubectl will show, and what happens next and when — the times read off the
// cluster (the node's last status, the lab's grace period, the 300 s tolerations).
import type { FaultRef } from '../../sim';
import type { Profile } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import type { Localized } from '../lesson';
import type { ClusterMoment } from '../moment';

export interface FaultStory {
  readonly what: Localized;
  readonly observe: Localized;
  readonly next: Localized;
}

/** The default tolerations' seconds (node-monitor-grace-period is the lab's: 40 s in 1.18, 50 s in 1.36). */
const TOLERATION_S = 300;

function secondsFromNow(cluster: ClusterMoment, at: number): number {
  return Math.max(0, Math.round((at - cluster.now) / 1000));
}

/**
 * When the node lifecycle controller will give up on a silent node: the grace period after its last
 * heartbeat, the kubelet's last renewal of its Lease (or its last status, if later).
 */
function notReadyIn(cluster: ClusterMoment, node: string, graceS: number): number {
  const ready = cluster
    .nodes()
    .find((n) => n.metadata.name === node)
    ?.status.conditions.find((c) => c.type === 'Ready');
  const renewed = cluster.leases().find((l) => l.metadata.name === node)?.spec.renewTime;
  const beats = [ready?.lastHeartbeatTime, renewed].filter((t) => t !== undefined) as number[];
  const last = beats.length > 0 ? Math.max(...beats) : cluster.now;
  return secondsFromNow(cluster, last + graceS * 1000);
}

/** Whether the node lifecycle controller has already given up on the node at this moment. */
function notReady(cluster: ClusterMoment, node: string): boolean {
  const ready = cluster
    .nodes()
    .find((n) => n.metadata.name === node)
    ?.status.conditions.find((c) => c.type === 'Ready');
  return ready !== undefined && ready.status !== 'True';
}

function podsOn(cluster: ClusterMoment, node: string): string[] {
  return cluster
    .pods()
    .filter((p) => p.node === node && p.namespace === 'default')
    .map((p) => p.name);
}

function list(names: string[], lang: 'ko' | 'en'): string {
  if (names.length === 0)
    return lang === 'ko'
      ? '(지금은 default 네임스페이스의 파드가 없습니다)'
      : '(no pods of the default namespace there now)';
  return (
    names.slice(0, 3).join(', ') +
    (names.length > 3 ? (lang === 'ko' ? ` 외 ${names.length - 3}개` : ` and ${names.length - 3} more`) : '')
  );
}

export function faultStory(
  ref: FaultRef,
  cluster: ClusterMoment,
  profile: Profile = profileOf(undefined),
): FaultStory {
  const node = ref.target ?? 'w2-k8s';
  const master = profile.master.name;
  const graceS = profile.controllerManager.nodeMonitorGraceMs / 1000;
  switch (ref.id) {
    case 'kubelet':
    case 'power': {
      const n = notReadyIn(cluster, node, graceS);
      const pods = podsOn(cluster, node);
      const off = ref.id === 'power';
      return {
        what: off
          ? {
              ko: `${node} 의 전원이 꺼졌습니다. kubelet 도, 컨테이너도 모두 멈췄습니다.`,
              en: `${node} is powered off: its kubelet and every container on it are gone.`,
            }
          : {
              ko: `${node} 의 kubelet 이 멈췄습니다. 노드의 상태를 보고하는 주체가 없어졌지만, 이미 실행 중인 컨테이너는 계속 동작합니다.`,
              en: `The kubelet on ${node} has stopped. Nobody reports the node's status any more, but the containers already running keep running.`,
            },
        observe: {
          ko: `kubectl get pods 는 여전히 Running 을 보여 줍니다. kubectl get nodes 는 유예 시간이 끝날 때까지 ${node} 를 Ready 로 보여 줍니다. 이 상태에서 파드를 지우면 Terminating 에서 멈춥니다.`,
          en: `kubectl get pods still says Running, and kubectl get nodes shows ${node} Ready until the grace period ends. A pod deleted now hangs in Terminating.`,
        },
        next: notReady(cluster, node)
          ? {
              ko: `${node} 는 이미 NotReady 이고 unreachable 테인트가 붙어 있습니다. 테인트가 붙은 지 ${TOLERATION_S}초가 지나면 그 노드의 파드(${list(pods, 'ko')})가 축출됩니다. 디플로이먼트의 파드는 다른 노드에 다시 만들어지지만, 단독 파드는 다시 만들어지지 않습니다.`,
              en: `${node} is NotReady already and has the unreachable taints; ${TOLERATION_S} s after they came, its pods (${list(pods, 'en')}) are evicted. A Deployment's pods are recreated elsewhere; a bare pod is not.`,
            }
          : {
              ko: `약 ${n}초 뒤(마지막 하트비트 후 ${graceS}초) ${node} 는 NotReady 가 되고 unreachable 테인트가 붙습니다. 그로부터 ${TOLERATION_S}초 뒤 그 노드의 파드(${list(pods, 'ko')})가 축출됩니다. 디플로이먼트의 파드는 다른 노드에 다시 만들어지지만, 단독 파드는 다시 만들어지지 않습니다.`,
              en: `In about ${n} s (${graceS} s after its last heartbeat) ${node} turns NotReady and gets the unreachable taints; ${TOLERATION_S} s after that its pods (${list(pods, 'en')}) are evicted. A Deployment's pods are recreated elsewhere; a bare pod is not.`,
            },
      };
    }
    case 'docker':
      return {
        what: {
          ko: `${node} 의 컨테이너 런타임(docker)이 멈췄습니다. 그 노드의 컨테이너가 모두 종료되었습니다.`,
          en: `The container runtime (docker) on ${node} has stopped, and every container on the node died with it.`,
        },
        observe: {
          ko: `kubelet 이 10초 안에 ${node} 를 NotReady 로 보고합니다. 그 노드 파드의 IP 로는 응답이 없습니다.`,
          en: `Within 10 s the kubelet reports ${node} NotReady; the pods' IPs on it stop answering.`,
        },
        next: {
          ko: `not-ready 테인트가 붙고 ${TOLERATION_S}초 뒤 파드가 축출됩니다. docker 를 다시 시작하면 kubelet 이 컨테이너를 다시 만들고 RESTARTS 가 1 늘어납니다.`,
          en: `The not-ready taint evicts its pods ${TOLERATION_S} s later. Start docker again and the kubelet recreates the containers: RESTARTS goes up by 1.`,
        },
      };
    case 'br_netfilter':
      return {
        what: {
          ko: `${node} 에서 br_netfilter 모듈이 제거되었습니다. 브리지를 지나는 트래픽이 iptables 를 거치지 않게 됩니다.`,
          en: `The br_netfilter module is gone from ${node}: bridged traffic no longer passes through iptables.`,
        },
        observe: {
          ko: `책에서처럼 이어서 systemctl restart network 를 하면 그 노드 파드로의 curl 이 연결 시간 초과(약 127초)로 실패합니다. kubectl get pods 는 여전히 Running 입니다.`,
          en: `As in the book, after systemctl restart network a curl to the node's pods times out (after about 127 s), while kubectl get pods still says Running.`,
        },
        next: {
          ko: '재부팅하면 모듈이 다시 올라오고, 파드는 새 IP 를 받아 RESTARTS 1 로 돌아옵니다. (실제로 Calico 는 L3 로 라우팅하므로, 시간 초과의 진짜 원인은 네트워크 재시작이 tunl0 경로를 흐트러뜨린 것으로 보입니다.)',
          en: "A reboot loads it again; the pod comes back with a new IP and RESTARTS 1. (Calico routes at L3, so the real cause of the timeout is most likely the network restart disturbing the tunl0 routes — the book's explanation is kept as it is.)",
        },
      };
    case 'apiserver':
      return {
        what: {
          ko: 'API 서버가 멈췄습니다. 클러스터의 중심 통로가 끊겼습니다.',
          en: 'The API server has stopped: the hub of the cluster is gone.',
        },
        observe: {
          ko: 'kubectl 명령은 모두 "The connection to the server 192.168.1.10:6443 was refused" 로 실패합니다. 이미 실행 중인 파드는 계속 응답합니다.',
          en: 'Every kubectl command fails with "The connection to the server 192.168.1.10:6443 was refused". Pods already running keep serving.',
        },
        next: {
          ko: `매니페스트를 되돌리면 ${master} 의 kubelet 이 20초 안에 API 서버를 다시 띄우고, 각 구성 요소가 다시 감시(watch)를 엽니다.`,
          en: `Put the manifest back and the kubelet on ${master} starts the API server within 20 s; every component re-opens its watches.`,
        },
      };
    case 'etcd':
    case 'etcd-corrupt':
      return {
        what:
          ref.id === 'etcd'
            ? {
                ko: 'etcd 가 멈췄습니다. 클러스터의 상태를 저장하는 곳이 사라졌습니다.',
                en: 'etcd has stopped: the store of the whole cluster state is gone.',
              }
            : {
                ko: 'etcd 의 데이터가 손상되어 etcd 가 계속 재시작에 실패합니다.',
                en: "etcd's data is corrupt: etcd fails at every restart.",
              },
        observe: {
          ko: 'API 서버가 읽고 쓰지 못하므로 kubectl 은 "etcdserver: request timed out" 오류를 냅니다. 실행 중인 파드는 계속 응답합니다.',
          en: 'The API server can neither read nor write: kubectl gets "etcdserver: request timed out". Running pods keep serving.',
        },
        next: {
          ko: 'etcd 가 돌아오기 전까지 아무것도 바뀌지 않습니다. 백업(etcdctl snapshot save)이 있다면 그 시점으로 복구할 수 있습니다.',
          en: 'Nothing changes until etcd is back. With a backup (etcdctl snapshot save) the cluster can be restored to that moment.',
        },
      };
    case 'scheduler':
      return {
        what: {
          ko: '스케줄러가 멈췄습니다. 새 파드에 노드를 정해 줄 주체가 없습니다.',
          en: 'The scheduler has stopped: nobody picks a node for new pods.',
        },
        observe: {
          ko: '새로 만든 파드는 NODE 가 <none> 인 Pending 에 머뭅니다. 이미 실행 중인 파드는 영향이 없습니다.',
          en: 'New pods stay Pending with NODE <none>; pods already running are not affected.',
        },
        next: {
          ko: '스케줄러가 돌아오면 기다리던 파드가 바로 노드에 할당됩니다.',
          en: 'When the scheduler is back, the waiting pods are bound at once.',
        },
      };
    case 'controller-manager':
      return {
        what: {
          ko: '컨트롤러 매니저가 멈췄습니다. 디플로이먼트, 레플리카셋, 노드 컨트롤러가 모두 일을 멈췄습니다.',
          en: 'The controller manager has stopped: the Deployment, ReplicaSet and node controllers are idle.',
        },
        observe: {
          ko: '단독 파드는 여전히 만들어지고 실행됩니다. 하지만 디플로이먼트의 파드를 지우면 다시 생기지 않고, kubectl scale 도 반영되지 않습니다. 죽은 노드도 NotReady 로 바뀌지 않습니다.',
          en: 'Bare pods are still created and run. But a deleted Deployment pod is not replaced, scale does nothing, and a dead node is not marked NotReady.',
        },
        next: {
          ko: '돌아오면 바라는 상태와 현재 상태를 다시 비교해 그 차이를 한꺼번에 메웁니다.',
          en: 'When it is back it compares desired and current state again and closes the gap at once.',
        },
      };
    case 'cni':
      return {
        what: {
          ko: `${node} 에서 네트워크 플러그인(Calico CNI) 설정이 사라졌습니다.`,
          en: `The network plugin (Calico CNI) config is gone from ${node}.`,
        },
        observe: {
          ko: `${node} 에 새로 배치되는 파드는 IP 를 받지 못해 ContainerCreating 에 머물고 FailedCreatePodSandBox 이벤트가 쌓입니다. 10초 안에 노드가 NotReady 가 됩니다.`,
          en: `New pods on ${node} get no IP and stay ContainerCreating with FailedCreatePodSandBox events; the node turns NotReady within 10 s.`,
        },
        next: {
          ko: `not-ready 테인트 때문에 새 파드는 다른 노드로 갑니다. 그 노드의 파드는 ${TOLERATION_S}초 뒤 축출됩니다.`,
          en: `The not-ready taint sends new pods elsewhere; the node's pods are evicted ${TOLERATION_S} s later.`,
        },
      };
    case 'coredns':
      return {
        what: { ko: 'CoreDNS 가 응답하지 않습니다.', en: 'CoreDNS does not answer.' },
        observe: {
          ko: '서비스 이름(kubernetes.default 등)으로의 이름 풀이가 시간 초과로 실패합니다. 파드 IP 로 직접 접속하는 것은 그대로 됩니다.',
          en: 'Resolving service names (kubernetes.default, ...) times out; connecting to a pod IP still works.',
        },
        next: {
          ko: 'CoreDNS 가 돌아오면 바로 이름 풀이가 됩니다.',
          en: 'Names resolve again as soon as CoreDNS is back.',
        },
      };
    case 'image-pull':
      return {
        what: {
          ko: '이미지 레지스트리에서 이미지를 받을 수 없습니다.',
          en: 'Images cannot be pulled from the registry.',
        },
        observe: {
          ko: '새 파드는 ErrImagePull 이 되었다가 ImagePullBackOff 로 바뀝니다. 이미 실행 중인 파드는 영향이 없습니다.',
          en: 'New pods show ErrImagePull, then ImagePullBackOff; running pods are not affected.',
        },
        next: {
          ko: 'kubelet 은 10초, 20초, 40초… 최대 300초 간격으로 다시 시도합니다. 복구되면 다음 시도에서 실행됩니다.',
          en: 'The kubelet retries after 10 s, 20 s, 40 s … up to 300 s; once healed, the next try runs the pod.',
        },
      };
    case 'crash':
      return {
        what: {
          ko: '새로 시작하는 컨테이너가 곧바로 오류로 종료됩니다.',
          en: 'Newly started containers exit with an error right away.',
        },
        observe: {
          ko: 'RESTARTS 가 늘어나고 STATUS 가 CrashLoopBackOff 로 바뀝니다.',
          en: 'RESTARTS goes up and STATUS shows CrashLoopBackOff.',
        },
        next: {
          ko: 'kubelet 은 10초, 20초, 40초… 최대 5분 간격으로 다시 시작합니다.',
          en: 'The kubelet restarts it after 10 s, 20 s, 40 s … up to 5 minutes.',
        },
      };
  }
}
