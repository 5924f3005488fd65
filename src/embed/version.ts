// The build's version (package version + commit), set by `define` in the Vite configs.
declare const __PODSCOPE_VERSION__: string;

export const version: string = typeof __PODSCOPE_VERSION__ === 'string' ? __PODSCOPE_VERSION__ : 'dev';
