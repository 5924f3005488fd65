// The rows measured in Node (the simulation, the recording, the big scale), gathered in
// one module that bench/run.ts bundles before it runs them (bench/bundleNodeRows.ts).
export { schoolDay } from './recording8h';
export { scalePrompt } from './scalePrompt';
export { simHour } from './simHour';
export { simScale } from './simScale';
