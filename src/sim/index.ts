// sim: the simulated cluster (components as XState actors on a virtual clock, etcd, faults, the trace); imports nothing of the app and no DOM.
export {};
