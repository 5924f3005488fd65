// The inspectors: kubectl's tables, etcd's keys and a component's messages at the player's now,
// for the page to place beside the cluster. Each table also stands alone.
export type { ComponentDetailProps } from './ComponentDetail';
export { ComponentDetail } from './ComponentDetail';
export type { EtcdKeysTableProps } from './EtcdKeysTable';
export { EtcdKeysTable } from './EtcdKeysTable';
export type { EventsTableProps } from './EventsTable';
export { EventsTable } from './EventsTable';
export type { InspectorsProps, InspectorTab } from './Inspectors';
export { INSPECTOR_TABS, Inspectors } from './Inspectors';
export type { NodesTableProps } from './NodesTable';
export { NodesTable } from './NodesTable';
export type { PodsTableProps } from './PodsTable';
export { PodsTable } from './PodsTable';
export type { EventRow, MessageRow, NodeRow, PodRow } from './rows';
export { componentMessages, eventRows, isNodeHeartbeat, nodeRows, podRows, recentKeys } from './rows';
export type { InspectorText } from './text';
export { inspectorText } from './text';
