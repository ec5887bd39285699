import type { RenderedRequest } from './types.js';

/** `${input.x}`, `$!{input.x}`, `$input.x`: Velocity prints a reference to an unset value as its own text. */
const inputReference = /\$!?\{?input\.[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*\}?/g;

/** Where the rendered request still holds input references the platform would send as written. */
export function unrenderedReferences(request: RenderedRequest): string[] {
  const parts: Array<[string, string]> = [['URL', request.url], ...Object.entries(request.headers).map(([name, value]): [string, string] => [`header ${name}`, value])];
  if (request.method !== 'GET') parts.push(['body', request.body]);
  return parts.flatMap(([where, text]) => [...new Set(text.match(inputReference) ?? [])].map((reference) => `${where}: ${reference}`));
}

/** The input names a reference list reads, for a did-you-mean against the contract. */
export function referencedInputs(found: readonly string[]): string[] {
  return [...new Set(found.map((f) => /input\.([A-Za-z_]\w*)/.exec(f)?.[1]).filter((name): name is string => name !== undefined))];
}
