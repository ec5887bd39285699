import type { ComparisonExpression, EmbeddedPath, FilterExpression, FilterValue } from './ast.js';
import { bigDecimalText } from '../java/big-decimal.js';
import { PATH_NOT_FOUND } from './definite-lookup.js';
import { JsonPathEvaluationError } from './errors.js';
import { compileJavaPattern, JavaRegexLimitError } from '../java/regex/pattern.js';
import { isArray, isMap } from './json-model.js';
import {
  asValueList,
  nodeFromResult,
  numberNode,
  regexInput,
  UNDEFINED_NODE,
  unparsedJson,
  type ValueNode,
  valueNodeEquals,
} from './value-nodes.js';

/** How a filter evaluates the paths it contains; supplied by the path evaluator. */
export interface FilterHost {
  /** Jayway getValue() of `path` on `item` (for `@`) or the root (for `$`); PATH_NOT_FOUND where Jayway throws PathNotFound. */
  readPath(path: EmbeddedPath, item: unknown, requireProperties: boolean): unknown;
}

export function acceptItem(expression: FilterExpression, item: unknown, host: FilterHost): boolean {
  switch (expression.kind) {
    case 'or':
      return expression.operands.some((operand) => acceptItem(operand, item, host));
    case 'and':
      return expression.operands.every((operand) => acceptItem(operand, item, host));
    case 'not':
      return !acceptItem(expression.operand, item, host);
    case 'exists':
      return exists(expression.path, item, host) !== expression.negated;
    case 'comparison':
      return compare(expression, resolve(expression.left, item, host), resolve(expression.right, item, host));
  }
}

function exists(path: EmbeddedPath, item: unknown, host: FilterHost): boolean {
  return host.readPath(path, item, true) !== PATH_NOT_FOUND;
}

function resolve(value: FilterValue, item: unknown, host: FilterHost): ValueNode {
  switch (value.kind) {
    case 'path': {
      const result = host.readPath(value.path, item, false);
      if (result === PATH_NOT_FOUND) return UNDEFINED_NODE;
      if (isArray(result) && endsWithKeys(value.path)) {
        // keys() gives a Java Set, which PathNode cannot turn into a value node.
        throw new JsonPathEvaluationError('JsonPathException', `Could not convert the key set of ${value.path.source} to a ValueNode`);
      }
      return nodeFromResult(result);
    }
    case 'string':
      return { type: 'string', value: value.value };
    case 'number':
      return numberNode(value.value, bigDecimalText(value.text) ?? value.text);
    case 'boolean':
      return { type: 'boolean', value: value.value };
    case 'null':
      return { type: 'null' };
    case 'json':
      return { type: 'json', value: value.value };
    case 'unparsed-json':
      return { type: 'unparsed-json', text: value.text };
    case 'regex':
      return { type: 'regex', pattern: compileJavaPattern(value.pattern, value.flags) };
  }
}

function endsWithKeys(path: EmbeddedPath): boolean {
  const last = path.ast[path.ast.length - 1];
  return last?.kind === 'function' && last.name === 'keys';
}

function invalid(message: string): JsonPathEvaluationError {
  return new JsonPathEvaluationError('InvalidPathException', message);
}

/** A list operand: a JSON array, or (for a non-array JSON node) undefined, or an error for anything else. */
function listOperand(node: ValueNode): ValueNode[] | 'undefined' {
  if (node.type === 'json' || node.type === 'unparsed-json') return asValueList(node) ?? 'undefined';
  throw invalid('expected a list of values');
}

function contains(list: readonly ValueNode[], node: ValueNode): boolean {
  return list.some((element) => valueNodeEquals(node, element));
}

function compare(expression: ComparisonExpression, left: ValueNode, right: ValueNode): boolean {
  if (expression.operator === 'type' || expression.operator === 'matches') return false;
  switch (expression.operator) {
    case '==':
      return valueNodeEquals(left, right);
    case '!=':
      return !valueNodeEquals(left, right);
    case '===':
      return left.type === right.type && valueNodeEquals(left, right);
    case '!==':
      return !(left.type === right.type && valueNodeEquals(left, right));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return relational(expression.operator, left, right);
    case '=~':
      return regexMatch(left, right);
    case 'in':
    case 'nin': {
      const list = listOperand(right);
      const found = list !== 'undefined' && contains(list, left);
      return expression.operator === 'in' ? found : !found;
    }
    case 'subsetof': {
      const rightList = listOperand(right);
      const leftList = listOperand(left);
      if (rightList === 'undefined' || leftList === 'undefined') return false;
      return leftList.every((node) => contains(rightList, node));
    }
    case 'anyof':
    case 'noneof': {
      const rightList = listOperand(right);
      const leftList = listOperand(left);
      if (rightList === 'undefined' || leftList === 'undefined') return false;
      const any = leftList.some((node) => contains(rightList, node));
      return expression.operator === 'anyof' ? any : !any;
    }
    case 'all': {
      const required = listOperand(right);
      if (left.type !== 'json') return false;
      const have = asValueList(left);
      if (have === null || required === 'undefined') return true;
      return required.every((node) => contains(have, node));
    }
    case 'contains': {
      if (left.type === 'string' && right.type === 'string') return left.value.includes(right.value);
      if (left.type === 'unparsed-json') throw unparsedJson(left.text);
      if (left.type !== 'json') return false;
      const list = asValueList(left);
      return list !== null && contains(list, right);
    }
    case 'size': {
      if (right.type !== 'number') return false;
      const expected = Math.trunc(right.value);
      if (left.type === 'string') return left.value.length === expected;
      if (left.type === 'unparsed-json') throw unparsedJson(left.text);
      if (left.type === 'json') return (isArray(left.value) ? left.value.length : -1) === expected;
      return false;
    }
    case 'empty': {
      if (right.type !== 'boolean') throw invalid('empty expects true or false');
      if (left.type === 'string') return (left.value.length === 0) === right.value;
      if (left.type === 'unparsed-json') throw unparsedJson(left.text);
      if (left.type === 'json') {
        const value = left.value;
        // Jayway 2.9 casts the value to a Collection, which a Map is not.
        if (isMap(value)) throw new JsonPathEvaluationError('JsonPathException', 'ClassCastException: empty cannot be applied to an object');
        const isEmpty = isArray(value) ? value.length === 0 : typeof value === 'string' ? value.length === 0 : true;
        return isEmpty === right.value;
      }
      return false;
    }
    case 'exists':
      if (left.type !== 'boolean' && right.type !== 'boolean') throw new JsonPathEvaluationError('JsonPathException', 'failed to evaluate exists expression');
      return left.type === 'boolean' && right.type === 'boolean' && left.value === right.value;
  }
}

function relational(operator: '<' | '<=' | '>' | '>=', left: ValueNode, right: ValueNode): boolean {
  let order: number;
  if (left.type === 'number' && right.type === 'number') order = Math.sign(left.value - right.value);
  else if (left.type === 'string' && right.type === 'string') order = left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
  else return false;
  switch (operator) {
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
  }
}

function regexMatch(left: ValueNode, right: ValueNode): boolean {
  if ((left.type === 'regex') === (right.type === 'regex')) return false;
  const pattern = left.type === 'regex' ? left : right;
  const subject = left.type === 'regex' ? right : left;
  if (pattern.type !== 'regex') return false;
  const inputs = subject.type === 'json' && isArray(subject.value) ? (asValueList(subject) ?? []).map(regexInput) : [regexInput(subject)];
  try {
    return inputs.some((input) => pattern.pattern.matches(input));
  } catch (error) {
    if (error instanceof JavaRegexLimitError) throw new JsonPathEvaluationError('JsonPathException', error.message);
    throw error;
  }
}
