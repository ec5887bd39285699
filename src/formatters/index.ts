import type { Formatter } from './format-context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export const formatNames = Object.keys(formatters) as FormatName[];

export type { FormatContext, Formatter } from './format-context.js';
export { formatCompact } from './compact.js';
export { formatGithub, formatJson, formatJunit, formatSarif, formatStylish };
