// "Why is it stuck?": for a pod that does not progress, the book step it is stuck
// at, the component that is not acting, and the first command that would show it.

import type { Localized } from '../lesson';
import type { ClusterMoment } from '../moment';

export interface Diagnosis {
  readonly step: number;
  /** The component id on the diagram that is not acting. */
  readonly component: string;
  readonly why: Localized;
  /** Host and command line that would show it. */
  readonly host: string;
  readonly command: string;
}

function state(c: ClusterMoment, id: string) {
  return c.components().find((x) => x.id === id)?.state;
}

/** `runtime`: the container runtime's unit on the lab's machines (docker, or containerd under 1.36). */
export function diagnose(
  c: ClusterMoment,
  name: string,
  namespace = 'default',
  runtime = 'docker',
): Diagnosis | undefined {
  const pod = c.pod(namespace, name);
  const view = c.pods().find((p) => p.name === name && p.namespace === namespace);
  if (!pod || !view) return undefined;
  const describe = `kubectl describe pod ${name}`;
  // The commands are typed on the API server's machine: the book's m-k8s, or cp-k8s in the second edition's lab.
  const master = c.components().find((x) => x.id === 'apiserver')?.host ?? 'm-k8s';
  if (state(c, 'apiserver') !== 'running')
    return {
      step: 1,
      component: 'apiserver',
      host: master,
      command: 'kubectl get pods',
      why: {
        ko: 'API 서버가 멈춰 있어 어떤 요청도 받을 수 없습니다.',
        en: 'The API server is down: no request gets through.',
      },
    };
  if (state(c, 'etcd') !== 'running')
    return {
      step: 2,
      component: 'etcd',
      host: master,
      command: 'kubectl get pods',
      why: {
        ko: 'etcd 가 멈춰 있어 API 서버가 아무것도 기록하지 못합니다.',
        en: 'etcd is down: the API server cannot record anything.',
      },
    };
  const node = pod.spec.nodeName;
  const deleting = pod.metadata.deletionTimestamp !== undefined;
  if (deleting && node && state(c, `kubelet@${node}`) !== 'running')
    return {
      step: 5,
      component: `kubelet@${node}`,
      host: master,
      command: 'kubectl get nodes',
      why: {
        ko: `${node} 의 kubelet 이 멈춰 있어 컨테이너를 정리하고 삭제를 마무리할 주체가 없습니다.`,
        en: `The kubelet on ${node} is down: nobody stops the containers and finishes the deletion.`,
      },
    };
  if (!node) {
    if (state(c, 'scheduler') !== 'running')
      return {
        step: 4,
        component: 'scheduler',
        host: master,
        command: describe,
        why: {
          ko: '스케줄러가 멈춰 있어 파드에 노드가 할당되지 않습니다(Events 에 Scheduled 가 없습니다).',
          en: 'The scheduler is down: no node is picked for the pod (no Scheduled event).',
        },
      };
    return {
      step: 4,
      component: 'scheduler',
      host: master,
      command: describe,
      why: {
        ko: '조건에 맞는 노드가 없습니다. Events 의 FailedScheduling 메시지를 보세요.',
        en: 'No node fits the pod: see the FailedScheduling event.',
      },
    };
  }
  if (view.status === 'Running' && view.ready === '1/1') return undefined;
  const host = c.host(node);
  if (!host?.powered || host.booting || state(c, `kubelet@${node}`) !== 'running')
    return {
      step: 5,
      component: `kubelet@${node}`,
      host: master,
      command: 'kubectl get nodes',
      why: {
        ko: `${node} 의 kubelet 이 동작하지 않아 파드를 받아 갈 주체가 없습니다.`,
        en: `The kubelet on ${node} is not running: nobody takes the pod.`,
      },
    };
  if (state(c, `runtime@${node}`) !== 'running')
    return {
      step: 6,
      component: `runtime@${node}`,
      host: node,
      command: `systemctl status ${runtime}`,
      why: {
        ko: `${node} 의 컨테이너 런타임(${runtime})이 멈춰 있어 컨테이너를 만들 수 없습니다.`,
        en: `The container runtime (${runtime}) on ${node} is down: no container can be made.`,
      },
    };
  if (!host.cniInstalled)
    return {
      step: 6,
      component: 'cni',
      host: master,
      command: describe,
      why: {
        ko: `${node} 에 네트워크 플러그인 설정이 없어 파드 샌드박스에 IP 를 줄 수 없습니다(FailedCreatePodSandBox).`,
        en: `No network plugin config on ${node}: the pod sandbox gets no IP (FailedCreatePodSandBox).`,
      },
    };
  if (view.status === 'ErrImagePull' || view.status === 'ImagePullBackOff')
    return {
      step: 6,
      component: `runtime@${node}`,
      host: master,
      command: describe,
      why: {
        ko: '이미지를 받을 수 없습니다. Events 의 Failed to pull image 를 보세요.',
        en: 'The image cannot be pulled: see the "Failed to pull image" event.',
      },
    };
  if (view.status === 'CrashLoopBackOff' || view.restarts > 0)
    return {
      step: 7,
      component: `pods@${node}`,
      host: master,
      command: describe,
      why: {
        ko: '컨테이너가 시작하자마자 종료되어 kubelet 이 간격을 늘려 가며 다시 시작하고 있습니다.',
        en: 'The container exits right after it starts; the kubelet restarts it with growing back-off.',
      },
    };
  return undefined;
}
