// The lab's size limits, in a file of their own: the page's first paint reads them (the
// address's `workers`) without loading the simulation.

/** The most workers a lab may have (a demo at scale). */
export const MAX_WORKERS = 200;
