import { suggestion } from '../../diagnostics/did-you-mean.js';
import type { ExpressionNode, ExpressionProblem, Span } from './ast.js';
import { arityOf, describeSignature, functionNames, functionOverloads, type FunctionSignature } from './functions.js';
import { ExpressionSyntaxError, parseExpression } from './parser.js';
import { anyType, assignable, collectionOf, isCollectionType, isNumeric, itemType, typeProperties, type ExpressionType } from './types.js';

/** What a variable reference resolves to: its type, or why it does not resolve. */
export type VariableLookup = { type: ExpressionType } | { problem: string };

export interface ExpressionEnvironment {
  /** Resolves `Scope.Name` (the scope as written; matching is the environment's business, usually without case). */
  variable(scope: string, name: string, span: Span): VariableLookup;
}

export interface VariableReference {
  scope: string;
  name: string;
  span: Span;
}

export interface ExpressionCheck {
  /** The expression's type; `any` when it cannot be known offline. */
  type: ExpressionType;
  problems: ExpressionProblem[];
  references: VariableReference[];
  ast: ExpressionNode | undefined;
}

/**
 * Parses and type-checks one Architect expression. Problems carry the span inside the expression text;
 * `expected` is the type the setting needs (`boolean` for a decision), when it has one.
 */
export function checkExpression(text: string, environment: ExpressionEnvironment, expected?: ExpressionType): ExpressionCheck {
  let ast: ExpressionNode;
  try {
    ast = parseExpression(text);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    return { type: anyType, problems: [{ code: 'syntax', message: error.message, span: error.span }], references: [], ast: undefined };
  }
  const checker = new TypeChecker(environment);
  const type = checker.typeOf(ast);
  if (expected && !assignable(type, expected)) {
    checker.problems.push({ code: 'type', message: `the expression is ${article(type)} but ${article(expected)} is needed here`, span: ast.span });
  }
  return { type, problems: checker.problems, references: checker.references, ast };
}

class TypeChecker {
  readonly problems: ExpressionProblem[] = [];
  readonly references: VariableReference[] = [];

  constructor(private readonly environment: ExpressionEnvironment) {}

  typeOf(node: ExpressionNode): ExpressionType {
    switch (node.kind) {
      case 'literal':
        return node.literal === 'notSet' ? anyType : node.literal;
      case 'opaque':
        return anyType;
      case 'name':
        this.problem('undeclared-variable', `"${node.name}" is not a variable; variables are written Scope.Name (Flow.${node.name}, Task.${node.name}, …)`, node.span);
        return anyType;
      case 'member':
        return this.memberType(node);
      case 'index': {
        const object = this.typeOf(node.object);
        const index = this.typeOf(node.index);
        if (!assignable(index, 'integer')) this.problem('type', `a collection index is an integer, not ${article(index)}`, node.index.span);
        if (object === anyType || object === 'json') return object;
        if (!isCollectionType(object)) {
          this.problem('type', `[] reads an item of a collection, and this is ${article(object)}`, node.object.span);
          return anyType;
        }
        return itemType(object);
      }
      case 'list': {
        const types = node.items.map((item) => this.typeOf(item));
        const first = types.find((t) => t !== anyType) ?? anyType;
        return collectionOf(first);
      }
      case 'call':
        return this.callType(node);
      case 'unary':
        return this.unaryType(node.operator, this.typeOf(node.operand), node.operand.span);
      case 'binary':
        return this.binaryType(node);
    }
  }

  private memberType(node: Extract<ExpressionNode, { kind: 'member' }>): ExpressionType {
    if (node.object.kind === 'name') {
      if (node.opaque) return anyType;
      const span = { offset: node.object.span.offset, length: node.propertySpan.offset + node.propertySpan.length - node.object.span.offset };
      this.references.push({ scope: node.object.name, name: node.property, span });
      const found = this.environment.variable(node.object.name, node.property, span);
      if ('problem' in found) {
        this.problem('undeclared-variable', found.problem, span);
        return anyType;
      }
      return found.type;
    }
    const object = this.typeOf(node.object);
    if (node.opaque || object === anyType) return anyType;
    return typeProperties[object]?.[node.property] ?? anyType;
  }

  private callType(node: Extract<ExpressionNode, { kind: 'call' }>): ExpressionType {
    const args = node.args.map((arg) => this.typeOf(arg));
    const overloads = functionOverloads(node.callee);
    if (!overloads) {
      this.problem('unknown-function', `Architect has no function "${node.callee}"${suggestion(node.callee, functionNames())}`, node.calleeSpan);
      return anyType;
    }
    const byArity = overloads.filter((o) => {
      const { min, max } = arityOf(o);
      return args.length >= min && args.length <= max;
    });
    if (!byArity.length) {
      const { min, max } = arityOf(overloads[0]!);
      const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      this.problem('arguments', `${overloads[0]!.name} takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${args.length}: ${overloads.map(describeSignature).join(' or ')}`, node.span);
      return overloads[0]!.returns.startsWith('T') ? anyType : overloads[0]!.returns;
    }
    let firstMismatch: { index: number; expected: ExpressionType; actual: ExpressionType } | undefined;
    for (const overload of byArity) {
      const result = matchOverload(overload, args);
      if ('returns' in result) return result.returns;
      firstMismatch ??= result;
    }
    const mismatch = firstMismatch!;
    this.problem(
      'arguments',
      `argument ${mismatch.index + 1} of ${byArity[0]!.name} is ${article(mismatch.actual)} but ${article(mismatch.expected)} is needed: ${byArity.map(describeSignature).join(' or ')}`,
      node.args[mismatch.index]!.span,
    );
    return anyType;
  }

  private unaryType(operator: string, operand: ExpressionType, span: Span): ExpressionType {
    if (operator === '!') {
      if (!assignable(operand, 'boolean')) this.problem('type', `! negates a boolean, not ${article(operand)}`, span);
      return 'boolean';
    }
    if (operand !== anyType && !isNumeric(operand) && operand !== 'duration') this.problem('type', `${operator} needs a number, not ${article(operand)}`, span);
    return operator === '~' ? 'integer' : operand;
  }

  private binaryType(node: Extract<ExpressionNode, { kind: 'binary' }>): ExpressionType {
    const left = this.typeOf(node.left);
    const right = this.typeOf(node.right);
    const unknown = left === anyType || right === anyType;
    switch (node.operator) {
      case 'and':
      case 'or':
        for (const [type, side] of [[left, node.left], [right, node.right]] as const) {
          if (!assignable(type, 'boolean')) this.problem('type', `${node.operator} joins booleans; this is ${article(type)}`, side.span);
        }
        return 'boolean';
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (!unknown && !comparable(left, right)) {
          this.problem('type', `${article(left)} cannot be compared with ${article(right)}`, node.operatorSpan);
        }
        return 'boolean';
      case '+':
        if (left === 'string' || right === 'string') return 'string';
        return this.arithmetic(node, left, right);
      default:
        return this.arithmetic(node, left, right);
    }
  }

  private arithmetic(node: Extract<ExpressionNode, { kind: 'binary' }>, left: ExpressionType, right: ExpressionType): ExpressionType {
    if (left === anyType || right === anyType) return anyType;
    if (isNumeric(left) && isNumeric(right)) {
      return node.operator === '/' || left !== 'integer' || right !== 'integer' ? 'decimal' : 'integer';
    }
    const temporal = temporalResult(node.operator, left, right);
    if (temporal) return temporal;
    this.problem('type', `${node.operator} cannot combine ${article(left)} and ${article(right)}`, node.operatorSpan);
    return anyType;
  }

  private problem(code: ExpressionProblem['code'], message: string, span: Span): void {
    this.problems.push({ code, message, span });
  }
}

function matchOverload(
  overload: FunctionSignature,
  args: readonly ExpressionType[],
): { returns: ExpressionType } | { index: number; expected: ExpressionType; actual: ExpressionType } {
  let bound: ExpressionType = anyType;
  const resolve = (type: ExpressionType): ExpressionType => (type === 'T' ? bound : type === 'TCollection' ? collectionOf(bound) : type);
  for (let i = 0; i < args.length; i++) {
    const param = overload.params[Math.min(i, overload.params.length - 1)]!;
    const actual = args[i]!;
    if (bound === anyType && actual !== anyType) {
      if (param.type === 'T') bound = actual;
      else if (param.type === 'TCollection' && isCollectionType(actual)) bound = itemType(actual);
    }
    const expected = resolve(param.type);
    if (!assignable(actual, expected) && !(param.type === 'T' && assignable(expected, actual))) return { index: i, expected, actual };
  }
  return { returns: resolve(overload.returns) };
}

function comparable(a: ExpressionType, b: ExpressionType): boolean {
  return assignable(a, b) || assignable(b, a) || (isNumeric(a) && isNumeric(b));
}

function temporalResult(operator: string, left: ExpressionType, right: ExpressionType): ExpressionType | undefined {
  if (operator === '+' && left === 'dateTime' && right === 'duration') return 'dateTime';
  if (operator === '+' && left === 'duration' && right === 'dateTime') return 'dateTime';
  if (operator === '-' && left === 'dateTime' && right === 'duration') return 'dateTime';
  if (operator === '-' && left === 'dateTime' && right === 'dateTime') return 'duration';
  if ((operator === '+' || operator === '-') && left === 'duration' && right === 'duration') return 'duration';
  if ((operator === '*' || operator === '/') && left === 'duration' && isNumeric(right)) return 'duration';
  return undefined;
}

export function article(type: ExpressionType): string {
  if (type === anyType) return 'a value of unknown type';
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;
}
