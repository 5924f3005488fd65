// sim: the simulated cluster (components as XState actors on a virtual clock, etcd, faults, the trace); imports nothing of the app and no DOM.
export type * from './api';
export { Cluster, createCluster, kubectlId, shellId } from './cluster';
export type { FaultId, FaultRef, FaultSpec } from './faults';
export { faultCatalog, faultLabel, faultSpec, formatFaultList, parseFaultList } from './faults';
export type { ClusterInput, ControlPlaneManifest, HostName, HostService } from './inputs';
export { addonTemplates, calicoObjects, kubeadmAddons } from './labs/addons';
export { MAX_WORKERS } from './limits';
export * from './objects';
export { podReadyText, podRestarts, podStatusText } from './podStatus';
export { nginxWelcome, TCP_CONNECT_TIMEOUT_MS } from './probes';
export type { ApiRequest, ApiResponse, ApiStatusReason, Verb, WatchAction } from './protocol';
export type { BookStep, ComponentId, Envelope } from './trace';
export { Trace } from './trace';
export type { SimMs } from './units';
export { minutes, ms, seconds } from './units';
