import { bigDecimalText, documentNumberText } from '../java/big-decimal.js';
import { JavaDouble, javaDoubleText } from '../java/double.js';
import type { JavaPattern } from '../java/regex/pattern.js';
import { JsonPathEvaluationError } from './errors.js';
import { deepEqual, isArray, isMap } from './json-model.js';
import { parsePermissiveJson } from './permissive-json.js';
import { unescapeJayway } from './unescape.js';

/** Jayway's ValueNode family: the operands a filter operator sees after paths are evaluated. */
export type ValueNode =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number; readonly text: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'json'; readonly value: unknown }
  /** A filter literal that is not valid JSON; reading its value fails (IllegalArgumentException). */
  | { readonly type: 'unparsed-json'; readonly text: string }
  | { readonly type: 'regex'; readonly pattern: JavaPattern }
  | { readonly type: 'undefined' };

export const UNDEFINED_NODE: ValueNode = { type: 'undefined' };

export function numberNode(value: number, text = documentNumberText(value)): ValueNode {
  return { type: 'number', value, text };
}

/** PathNode.evaluate: a path result becomes a value node. */
export function nodeFromResult(result: unknown): ValueNode {
  if (result instanceof JavaDouble) return numberNode(result.value, javaDoubleText(result.value));
  if (typeof result === 'number') return numberNode(result);
  if (typeof result === 'string') return { type: 'string', value: result };
  if (typeof result === 'boolean') return { type: 'boolean', value: result };
  if (result === null || result === undefined) return { type: 'null' };
  return { type: 'json', value: result };
}

/** ValueNode.toValueNode for the elements of a list: strings are unescaped and JSON-looking strings parsed. */
export function nodeFromListElement(element: unknown): ValueNode {
  if (typeof element !== 'string') return nodeFromResult(element);
  const trimmed = element.trim();
  if (trimmed.length > 1 && ((trimmed.startsWith('[') && trimmed.endsWith(']')) || (trimmed.startsWith('{') && trimmed.endsWith('}')))) {
    const parsed = parsePermissiveJson(trimmed);
    if (parsed.ok) return { type: 'json', value: parsed.value };
  }
  let text = element;
  if (text.length > 1 && (text[0] === "'" || text[0] === '"') && text[text.length - 1] === text[0]) text = text.slice(1, -1);
  try {
    return { type: 'string', value: unescapeJayway(text) };
  } catch {
    return { type: 'string', value: text };
  }
}

/**
 * JsonNode.asValueListNode: the elements of an array, or null when the node is not an array. Jayway's
 * ValueListNode cannot hold an object or an array, so a list with one fails the whole query.
 */
export function asValueList(node: ValueNode): ValueNode[] | null {
  if (node.type === 'unparsed-json') throw unparsedJson(node.text);
  if (node.type !== 'json' || !isArray(node.value)) return null;
  return node.value.map((element) => {
    if (isArray(element) || isMap(element)) {
      throw new JsonPathEvaluationError('JsonPathException', `Could not determine value type: a list compared in a filter holds ${isArray(element) ? 'an array' : 'an object'}`);
    }
    return nodeFromListElement(element);
  });
}

/** Jayway reads a JSON literal only when an operator needs its value, and fails then. */
export function unparsedJson(text: string): JsonPathEvaluationError {
  return new JsonPathEvaluationError('JsonPathException', `IllegalArgumentException: the filter literal ${text} is not valid JSON`);
}

/** `left.equals(right)` of Jayway's value nodes; deliberately asymmetric for numbers and strings. */
export function valueNodeEquals(left: ValueNode, right: ValueNode): boolean {
  switch (left.type) {
    case 'string':
      if (right.type === 'string') return left.value === right.value;
      if (right.type === 'number') return left.value === right.text;
      return false;
    case 'number': {
      if (right.type === 'number') return left.value === right.value;
      if (right.type !== 'string') return false;
      if (bigDecimalText(right.value.trim() === right.value ? right.value : '') === null) return false;
      return left.value === Number(right.value);
    }
    case 'boolean':
      return right.type === 'boolean' && left.value === right.value;
    case 'null':
      return right.type === 'null';
    case 'json':
      if (right.type === 'unparsed-json') throw unparsedJson(right.text);
      return right.type === 'json' && deepEqual(left.value, right.value);
    case 'unparsed-json':
      if (right.type === 'unparsed-json') throw unparsedJson(right.text);
      return false;
    case 'regex':
      // PatternNode compares java.util.regex.Pattern objects, which are equal only to themselves.
      return false;
    case 'undefined':
      return false;
  }
}

/** The text a value is matched against with `=~` (Jayway's getInput). */
export function regexInput(node: ValueNode): string {
  if (node.type === 'string') return node.value;
  if (node.type === 'number') return node.text;
  if (node.type === 'boolean') return String(node.value);
  return '';
}

export function isCollection(node: ValueNode): boolean {
  return node.type === 'json' && (isArray(node.value) || isMap(node.value));
}
