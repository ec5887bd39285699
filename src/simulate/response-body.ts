import { toJsonText } from '../jsonpath/index.js';

/** dactl's own safety limits; the platform's maximum response size is not documented. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const MAX_RESPONSE_DEPTH = 5_000;

export type ResponseDocument =
  | { ok: true; document: unknown; empty: boolean; bytes: number; rawResult: () => string }
  | { ok: false; message: string };

/**
 * The body as the translation map sees it: raw text is parsed as JSON (an empty body is no document);
 * a JSON value is taken as is. Oversized, too deep or non-JSON bodies are refused with a reason.
 */
export function readResponseDocument(body: unknown): ResponseDocument {
  if (typeof body === 'string') return fromText(body);
  if (body === undefined) return { ok: true, document: undefined, empty: true, bytes: 0, rawResult: () => '' };
  if (depthOf(body) > MAX_RESPONSE_DEPTH) return tooDeep();
  let text: string;
  try {
    text = toJsonText({ found: true, value: body });
  } catch {
    return tooLarge(Infinity);
  }
  if (text.length > MAX_RESPONSE_BYTES) return tooLarge(text.length);
  return { ok: true, document: body, empty: false, bytes: Buffer.byteLength(text), rawResult: () => text };
}

/** Parses a body the way `dactl query` and the simulator share. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const read = fromText(text);
  if (!read.ok) return read;
  if (read.empty) return { ok: false, message: 'the text is empty, not JSON' };
  return { ok: true, value: read.document };
}

function fromText(text: string): ResponseDocument {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short texts need no measuring.
  if (text.length * 3 > MAX_RESPONSE_BYTES) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_RESPONSE_BYTES) return tooLarge(bytes);
  }
  if (text.trim() === '') return { ok: true, document: undefined, empty: true, bytes: 0, rawResult: () => text };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: notJson(text, error as Error) };
  }
  if (depthOf(document) > MAX_RESPONSE_DEPTH) return tooDeep();
  return { ok: true, document, empty: false, bytes: Buffer.byteLength(text), rawResult: () => text };
}

function notJson(text: string, error: Error): string {
  const start = text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
  const looksLikeHtml = /^<(!doctype|html|\?xml|[a-z])/i.test(start);
  const what = looksLikeHtml ? 'HTML or XML' : 'not JSON';
  return `the response body is ${what} (it starts with ${JSON.stringify(start)}), so the translation map cannot read it: ${error.message}`;
}

function tooLarge(bytes: number): ResponseDocument {
  const size = Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MB` : 'too large to measure';
  return {
    ok: false,
    message: `the response body is ${size}; dactl refuses bodies over ${MAX_RESPONSE_BYTES / 1048576} MB (record a smaller response)`,
  };
}

function tooDeep(): ResponseDocument {
  return {
    ok: false,
    message: `the response body is nested more than ${MAX_RESPONSE_DEPTH.toLocaleString('en-US')} levels deep; dactl refuses documents this deep`,
  };
}

/** Nesting depth, computed without recursion; Infinity once past the limit. */
export function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_RESPONSE_DEPTH) return Infinity;
    const children = Array.isArray(current) ? current : Object.values(current as object);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}
