import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared reference material and corpus, laid beside the checkout (read only; never copied in). */
export const sharedDir = resolve(repoRoot, '../shared');
export const corpusDir = resolve(sharedDir, 'corpus');
