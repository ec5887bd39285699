export * from './diagnostic.js';
export * from './location.js';
export * from './errors.js';
export * from './did-you-mean.js';
