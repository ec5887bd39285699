import { JavaDouble, isJavaNumber, numberValue, type JavaNumber } from './java-double.js';
import { compileJavaRegex } from './java-regex.js';
import { javaText, markJavaArray } from './java-text.js';
import { JavaMethodError } from './render-error.js';
import { isVelocityTool } from './tools/velocity-tool.js';

export const METHOD_NOT_FOUND: unique symbol = Symbol('method not found');
type Result = unknown | typeof METHOD_NOT_FOUND;

export function isJavaMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isVelocityTool(value) && !(value instanceof JavaDouble);
}

export function javaEquals(a: unknown, b: unknown): boolean {
  if (isJavaNumber(a) && isJavaNumber(b)) return numberValue(a) === numberValue(b) && (a instanceof JavaDouble) === (b instanceof JavaDouble);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => javaEquals(item, b[i]));
  if (isJavaMap(a) && isJavaMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && javaEquals(a[key], b[key]));
  }
  return a === b;
}

function index(value: unknown): number {
  if (!isJavaNumber(value)) throw new JavaMethodError('argument is not an int');
  return Math.trunc(numberValue(value));
}

function checkRange(text: string, begin: number, end: number): void {
  if (begin < 0 || end > text.length || begin > end) throw new JavaMethodError(`String index out of range: ${begin}, ${end}`);
}

/** `String.split(regex, limit)` as a Java `String[]`: trailing empty strings dropped when limit is 0. */
function javaSplit(text: string, pattern: unknown, limitArg?: unknown): string[] {
  const limit = limitArg === undefined ? 0 : index(limitArg);
  return markJavaArray(compileJavaRegex(javaText(pattern)).split(text, limit));
}

function stringMethod(text: string, name: string, args: unknown[]): Result {
  const [a, b] = args;
  const arity = args.length;
  switch (`${name}/${arity}`) {
    case 'length/0': return text.length;
    case 'isEmpty/0': return text.length === 0;
    case 'isBlank/0': return text.trim() === '';
    case 'toString/0': case 'intern/0': return text;
    case 'trim/0': return text.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
    case 'strip/0': return text.trim();
    case 'toLowerCase/0': return text.toLowerCase();
    case 'toUpperCase/0': return text.toUpperCase();
    case 'charAt/1': {
      const i = index(a);
      if (i < 0 || i >= text.length) throw new JavaMethodError(`String index out of range: ${i}`);
      return text[i];
    }
    case 'contains/1': return a !== undefined && text.includes(javaText(a));
    case 'startsWith/1': return text.startsWith(javaText(a));
    case 'startsWith/2': return text.startsWith(javaText(a), index(b));
    case 'endsWith/1': return text.endsWith(javaText(a));
    case 'equals/1': return typeof a === 'string' && a === text;
    case 'equalsIgnoreCase/1': return typeof a === 'string' && a.toLowerCase() === text.toLowerCase();
    case 'compareTo/1': return compareStrings(text, javaText(a));
    case 'compareToIgnoreCase/1': return compareStrings(text.toLowerCase(), javaText(a).toLowerCase());
    case 'indexOf/1': return text.indexOf(javaText(a));
    case 'indexOf/2': return text.indexOf(javaText(a), index(b));
    case 'lastIndexOf/1': return text.lastIndexOf(javaText(a));
    case 'substring/1': { const begin = index(a); checkRange(text, begin, text.length); return text.slice(begin); }
    case 'substring/2': { const begin = index(a); const end = index(b); checkRange(text, begin, end); return text.slice(begin, end); }
    case 'concat/1': return text + javaText(a);
    case 'replace/2': return text.split(javaText(a)).join(javaText(b));
    case 'replaceAll/2': return compileJavaRegex(javaText(a)).replaceAll(text, javaText(b));
    case 'replaceFirst/2': return compileJavaRegex(javaText(a)).replaceFirst(text, javaText(b));
    case 'matches/1': return compileJavaRegex(javaText(a)).matches(text);
    case 'split/1': return javaSplit(text, a);
    case 'split/2': return javaSplit(text, a, b);
    case 'repeat/1': return text.repeat(index(a));
    case 'hashCode/0': return javaHashCode(text);
    default: return METHOD_NOT_FOUND;
  }
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}

function javaHashCode(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

function listMethod(list: unknown[], name: string, args: unknown[]): Result {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case 'size/0': return list.length;
    case 'isEmpty/0': return list.length === 0;
    case 'get/1': {
      const i = index(a);
      if (i < 0 || i >= list.length) throw new JavaMethodError(`Index ${i} out of bounds for length ${list.length}`);
      return list[i];
    }
    case 'contains/1': return list.some((item) => javaEquals(item, a));
    case 'indexOf/1': return list.findIndex((item) => javaEquals(item, a));
    case 'add/1': list.push(a); return true;
    case 'subList/2': return list.slice(index(a), index(b));
    case 'toString/0': return javaText(list);
    case 'equals/1': return javaEquals(list, a);
    default: return METHOD_NOT_FOUND;
  }
}

function mapMethod(map: Record<string, unknown>, name: string, args: unknown[]): Result {
  const [a, b] = args;
  const key = a === undefined ? '' : javaText(a);
  switch (`${name}/${args.length}`) {
    case 'get/1': return Object.hasOwn(map, key) ? map[key] : undefined;
    case 'containsKey/1': return Object.hasOwn(map, key);
    case 'keySet/0': return Object.keys(map);
    case 'values/0': return Object.values(map);
    case 'size/0': return Object.keys(map).length;
    case 'isEmpty/0': return Object.keys(map).length === 0;
    case 'put/2': {
      const previous = Object.hasOwn(map, key) ? map[key] : undefined;
      Object.defineProperty(map, key, { value: b, writable: true, enumerable: true, configurable: true });
      return previous;
    }
    case 'remove/1': {
      const previous = Object.hasOwn(map, key) ? map[key] : undefined;
      delete map[key];
      return previous;
    }
    case 'toString/0': return javaText(map);
    case 'equals/1': return javaEquals(map, a);
    default: return METHOD_NOT_FOUND;
  }
}

function numberMethod(value: JavaNumber, name: string, args: unknown[]): Result {
  const n = numberValue(value);
  switch (`${name}/${args.length}`) {
    case 'toString/0': return javaText(value);
    case 'intValue/0': case 'longValue/0': return Math.trunc(n);
    case 'doubleValue/0': return new JavaDouble(n);
    case 'equals/1': return javaEquals(value, args[0]);
    case 'compareTo/1': return isJavaNumber(args[0]) ? Math.sign(n - numberValue(args[0])) : METHOD_NOT_FOUND;
    default: return METHOD_NOT_FOUND;
  }
}

/** Calls `name(args)` on a value as Java reflection would find it; never reaches JS prototypes. */
export function invokeJavaMethod(target: unknown, name: string, args: unknown[]): Result {
  if (typeof target === 'string') return stringMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (isJavaNumber(target)) return numberMethod(target, name, args);
  if (typeof target === 'boolean') {
    if (name === 'toString' && args.length === 0) return String(target);
    if (name === 'booleanValue' && args.length === 0) return target;
    if (name === 'equals' && args.length === 1) return args[0] === target;
    return METHOD_NOT_FOUND;
  }
  if (isVelocityTool(target)) {
    const method = target.methods[name];
    if (method) return method(...args);
    const getter = /^(get|is)([A-Z].*)$/.exec(name);
    const property = getter?.[2] ? getter[2].charAt(0).toLowerCase() + getter[2].slice(1) : undefined;
    if (property !== undefined && args.length === 0 && property in target.properties) return target.properties[property];
    return METHOD_NOT_FOUND;
  }
  if (isJavaMap(target)) return mapMethod(target, name, args);
  return METHOD_NOT_FOUND;
}

/** `$value.name`: a map entry, a tool property, or `isEmpty()` through the `empty` property. */
export function readJavaProperty(target: unknown, name: string): unknown {
  if (isVelocityTool(target)) return target.properties[name];
  if (isJavaMap(target)) return Object.hasOwn(target, name) ? target[name] : undefined;
  if (name === 'empty' && (typeof target === 'string' || Array.isArray(target))) return target.length === 0;
  return undefined;
}

/** `$value[key]`. */
export function readJavaIndex(target: unknown, key: unknown): unknown {
  if (Array.isArray(target) && isJavaNumber(key)) {
    const i = numberValue(key);
    return i >= 0 ? target[i] : target[target.length + i];
  }
  if (isJavaMap(target) && key !== undefined) {
    const name = javaText(key);
    return Object.hasOwn(target, name) ? target[name] : undefined;
  }
  return undefined;
}
