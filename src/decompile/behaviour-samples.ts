import type { DataActionExport } from '../export/data-action-export.js';
import { isJsonObject } from '../json/json-values.js';
import type { RecordedResponse } from '../simulate/types.js';

/** Values that break templates which do not escape: quotes, backslashes, unicode, new lines; and "unset". */
const stringValues = ['plain', 'say "hi"', 'back\\slash', 'ünïcödé ✓', 'two\nlines', 'a&b=c d/e?'];
const integerValues = [7, 0, -3, 123456];
const numberValues = [2.5, 0, -1.25];
const booleanValues = [true, false];

/**
 * Input sets for the input contract: each case gives every input its next value, and every optional input is
 * left unset in one case of its own.
 */
export function sampleInputs(schema: Record<string, unknown>): Array<Record<string, unknown>> {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const names = Object.keys(properties);
  const cases: Array<Record<string, unknown>> = [];
  for (let i = 0; i < stringValues.length; i++) {
    const input: Record<string, unknown> = {};
    for (const name of names) input[name] = valueFor(properties[name], i);
    cases.push(input);
  }
  for (const name of names) {
    if (required.has(name)) continue;
    const input: Record<string, unknown> = {};
    for (const other of names) if (other !== name) input[other] = valueFor(properties[other], 0);
    cases.push(input);
  }
  return cases;
}

function valueFor(property: unknown, i: number): unknown {
  const type = isJsonObject(property) ? property.type : 'string';
  const enumValues = isJsonObject(property) && Array.isArray(property.enum) ? property.enum : undefined;
  if (enumValues?.length) return enumValues[i % enumValues.length];
  const pick = <T>(values: readonly T[]) => values[i % values.length] as T;
  if (type === 'integer') return pick(integerValues);
  if (type === 'number') return pick(numberValues);
  if (type === 'boolean') return pick(booleanValues);
  return pick(stringValues);
}

/**
 * Responses shaped by the translation map: one where every path of the simple kind (`$.a.b[0].c`, `$['x']`)
 * that feeds a typed output finds a value of that type, one where they find values with quotes and new lines,
 * and an empty one where every path falls back to its default. Types are read where translation keys are
 * named after their outputs (as dactl compiles them); other paths are left to the empty response.
 */
export function sampleResponses(exported: DataActionExport): RecordedResponse[] {
  const outputTypes = flatOutputTypes(exported.contract.output.successSchema);
  const documents = [0, 1].map((variant) => {
    let document: unknown = {};
    for (const [key, path] of Object.entries(exported.config.response.translationMap)) {
      const segments = simplePath(path);
      const type = outputTypes.get(key);
      if (!segments || type === undefined) continue;
      document = place(document, segments, sampleValue(type, variant));
    }
    return document;
  });
  return [...documents.map((body) => ({ status: 200, body })), { status: 200, body: {} }];
}

function sampleValue(type: string | undefined, variant: number): unknown {
  switch (type) {
    case 'integer':
      return variant ? 0 : 42;
    case 'number':
      return variant ? -0.5 : 3.25;
    case 'boolean':
      return variant === 0;
    case 'array':
      return variant ? [] : ['one', 'two "2"'];
    case 'object':
      return { nested: variant ? 'x\ny' : 'value' };
    default:
      return variant ? 'quote " and \\ and\nnew line' : 'value';
  }
}

/** Output property types by translation key as the compiler names them (`parent_child` for nested members). */
function flatOutputTypes(schema: Record<string, unknown>, prefix = '', into = new Map<string, string>()): Map<string, string> {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isJsonObject(property)) continue;
    if (typeof property.type === 'string') into.set(`${prefix}${name}`, property.type);
    if (property.type === 'object') flatOutputTypes(property, `${prefix}${name}_`, into);
  }
  return into;
}

type Segment = string | number;

function simplePath(path: string): Segment[] | undefined {
  const text = path.trim();
  if (!text.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  const token = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\['([^'\]]+)'\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < text.length) {
    const match = token.exec(text);
    if (!match) return undefined;
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (match[3] as string)));
  }
  return segments.length ? segments : undefined;
}

function place(document: unknown, segments: Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  if (typeof head === 'number') {
    const array = Array.isArray(document) ? [...document] : [];
    while (array.length <= head) array.push({});
    array[head] = place(array[head], rest, value);
    return array;
  }
  const object: Record<string, unknown> = isJsonObject(document) ? { ...document } : {};
  Object.defineProperty(object, head, { value: place(object[head], rest, value), enumerable: true, writable: true, configurable: true });
  return object;
}
