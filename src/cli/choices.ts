import type { Severity } from '../diagnostics/diagnostic.js';

/** The values an enumerated option takes: Commander refuses any other, and the command modules get the union. */
export const failSeverities = ['error', 'warn', 'info'] as const satisfies readonly Severity[];
export const testFormats = ['text', 'json', 'junit'] as const;
export const runFormats = ['text', 'json'] as const;
export const diffFormats = ['tree', 'json', 'markdown', 'html'] as const;

export type TestFormat = (typeof testFormats)[number];
export type RunFormat = (typeof runFormats)[number];
export type DiffFormat = (typeof diffFormats)[number];
