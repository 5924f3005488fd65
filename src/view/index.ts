// view: React components (diagram, terminal, narration, controls, faults, inspectors); may import sim, shell, lessons and player.
export { App } from './App';
