export * from './source-document.js';
export * from './load.js';
