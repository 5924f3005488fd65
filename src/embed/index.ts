// embed: URL parameters, the custom element and the postMessage bridge; may import every layer above.
export {};
