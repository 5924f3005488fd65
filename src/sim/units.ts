/** Cluster time in milliseconds since the simulation started (negative: before it). */
export type SimMs = number & { readonly __brand: 'SimMs' };

export const ms = (n: number): SimMs => n as SimMs;
export const seconds = (n: number): SimMs => (n * 1000) as SimMs;
export const minutes = (n: number): SimMs => (n * 60_000) as SimMs;
