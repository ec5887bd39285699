import { JavaRegexLimitError } from '../java/regex/pattern.js';
import { javaArithmetic, javaCompareNumbers } from './java-arithmetic.js';
import { JavaDouble, isJavaNumber, numberValue, type JavaNumber } from './java-double.js';
import { METHOD_NOT_FOUND, invokeJavaMethod, isJavaMap, javaEquals, readJavaProperty } from './java-methods.js';
import { javaClassName, javaText } from './java-text.js';
import { JavaMethodError, VelocityRenderError } from './render-error.js';
import { positionAt } from './source-positions.js';
import { defineTool } from './tools/velocity-tool.js';
import type { RenderErrorKind } from './types.js';
import type { Expression, MacroDefinition, Reference, ReferencePart, TemplateNode, TemplateTree } from './vtl-ast.js';
import { TemplateSyntaxError, parseVtlAt } from './vtl-parser.js';

export interface RenderSettings {
  strict: boolean;
  templateName: string;
  maxIterations: number;
  maxOutputLength: number;
  maxMacroDepth: number;
}

/**
 * A macro call's view of the context, as Velocity 1.7's ProxyVMContext: arguments are passed by name
 * (a reference argument is evaluated again in the caller's context at each use), and `#set` writes
 * through to the caller's context as well (`velocimacro.context.localscope = false`).
 */
interface MacroFrame {
  locals: Map<string, unknown>;
  byName: Map<string, Expression>;
  /** The caller's text of each by-name argument, printed when the argument is null. */
  callerText: Map<string, string>;
  caller: MacroFrame | undefined;
  /** A #foreach over a null item renders its body in Velocity's NullHolderContext: this name stays null. */
  nullName?: string;
}

class BreakSignal {}
class StopSignal {}

/** `#define`: a block rendered each time the reference is used. */
class DefinedBlock {
  constructor(
    readonly nodes: TemplateNode[],
    readonly frame: MacroFrame | undefined,
  ) {}
}

const ASSIGN = { value: undefined, writable: true, enumerable: true, configurable: true };

function isNull(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** Renders a parsed template with Velocity 1.7's semantics over one flat context, as Java does. */
export class VtlRenderer {
  private readonly global: Map<string, unknown>;
  private iterations = 0;
  private macroDepth = 0;
  private outputLength = 0;

  constructor(
    private readonly lineStarts: number[],
    private readonly tree: TemplateTree,
    context: Record<string, unknown>,
    private readonly settings: RenderSettings,
  ) {
    this.global = new Map(Object.entries(context));
  }

  render(): string {
    const out: string[] = [];
    try {
      this.renderNodes(this.tree.nodes, undefined, out, true);
    } catch (signal) {
      if (!(signal instanceof BreakSignal) && !(signal instanceof StopSignal)) throw signal;
    }
    return out.join('');
  }

  private fail(message: string, kind: RenderErrorKind, offset: number): never {
    const { line, column } = positionAt(this.lineStarts, offset);
    const where = kind === 'limit' ? '' : ` at ${this.settings.templateName}[line ${line}, column ${column}]`;
    throw new VelocityRenderError(`${message}${where}`, kind, offset);
  }

  private write(out: string[], text: string, counted: boolean, offset: number): void {
    if (text === '') return;
    out.push(text);
    if (!counted) return;
    this.outputLength += text.length;
    if (this.outputLength > this.settings.maxOutputLength) this.fail(`Template output exceeds ${this.settings.maxOutputLength} characters`, 'limit', offset);
  }

  private countIteration(offset: number): void {
    if (++this.iterations > this.settings.maxIterations) {
      this.fail(`Template stopped after ${this.settings.maxIterations} loop iterations and macro calls`, 'limit', offset);
    }
  }

  // The context, seen through the macro frames.

  private get(name: string, frame: MacroFrame | undefined): unknown {
    for (let f = frame; f; f = f.caller) {
      if (f.nullName === name) return undefined;
      const local = f.locals.get(name);
      if (local !== undefined) return local;
      const argument = f.byName.get(name);
      if (argument) return this.value(argument, f.caller);
    }
    return this.global.get(name);
  }

  private has(name: string, frame: MacroFrame | undefined): boolean {
    for (let f = frame; f; f = f.caller) if (f.locals.get(name) !== undefined || f.byName.has(name)) return true;
    return this.global.has(name);
  }

  private put(name: string, value: unknown, frame: MacroFrame | undefined): void {
    for (let f = frame; f; f = f.caller) f.locals.set(name, value);
    this.global.set(name, value);
  }

  private remove(name: string, frame: MacroFrame | undefined): void {
    for (let f = frame; f; f = f.caller) {
      f.locals.delete(name);
      f.byName.delete(name);
    }
    this.global.delete(name);
  }

  private callerText(literal: string, frame: MacroFrame | undefined): string {
    for (let f = frame; f; f = f.caller) {
      const text = f.callerText.get(literal);
      if (text !== undefined) return text;
    }
    return literal;
  }

  // Nodes.

  private renderNodes(nodes: TemplateNode[], frame: MacroFrame | undefined, out: string[], counted: boolean): void {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          this.write(out, node.text, counted, 0);
          break;
        case 'reference':
          this.write(out, this.renderReference(node.reference, node.escapes, frame), counted, node.reference.offset);
          break;
        case 'set':
          this.set(node.target, node.value, frame);
          break;
        case 'if': {
          const branch = node.branches.find((b) => b.condition === undefined || this.condition(b.condition, frame));
          if (branch) this.renderNodes(branch.body, frame, out, counted);
          break;
        }
        case 'foreach':
          this.foreach(node, frame, out, counted);
          break;
        case 'macro-call':
          this.callMacro(node, frame, out, counted);
          break;
        case 'define':
          if (node.target.parts.length === 0 && !node.target.uncomputable) this.put(node.target.root, new DefinedBlock(node.body, frame), frame);
          break;
        case 'evaluate':
          this.evaluate(node.argument, node.offset, frame, out, counted);
          break;
        case 'load':
          this.fail(`Unable to find resource for #${node.directive}: dactl renders single templates without a resource loader`, 'runtime', node.offset);
          break;
        case 'break':
          throw new BreakSignal();
        case 'stop':
          throw new StopSignal();
      }
    }
  }

  private renderReference(reference: Reference, escapes: number, frame: MacroFrame | undefined): string {
    const value = this.referenceValue(reference, frame, 'render');
    // Velocity reads no escape before an uncomputable reference: its backslashes are text.
    if (reference.uncomputable) return '\\'.repeat(escapes) + (isNull(value) ? reference.root : javaText(value));
    const prefix = '\\'.repeat(escapes >> 1);
    if (escapes % 2 === 1) return isNull(value) ? `${prefix}\\${reference.literal}` : prefix + reference.literal;
    if (!isNull(value)) return prefix + javaText(value);
    if (this.settings.strict) {
      if (reference.silent) return '';
      this.fail(`Reference ${reference.literal} evaluated to null when attempting to render`, 'runtime', reference.offset);
    }
    return prefix + prefix + (reference.silent ? '' : this.callerText(reference.literal, frame));
  }

  /** `purpose`: a bare `$x` used as a condition may be undefined even in strict mode. */
  private referenceValue(reference: Reference, frame: MacroFrame | undefined, purpose: 'render' | 'value' | 'condition'): unknown {
    let value = this.get(reference.root, frame);
    if (value === undefined && this.settings.strict && !(purpose === 'condition' && reference.parts.length === 0) && !this.has(reference.root, frame)) {
      this.fail(`Variable $${reference.root} has not been set`, 'unset-variable', reference.offset);
    }
    for (const part of reference.parts) {
      if (isNull(value)) {
        if (this.settings.strict) this.fail(`Attempted to access '${partName(part)}' on a null value`, 'runtime', part.offset);
        return undefined;
      }
      value = this.applyPart(part, value, reference, frame);
    }
    if (value instanceof DefinedBlock) {
      const out: string[] = [];
      this.renderNodes(value.nodes, value.frame, out, false);
      return out.join('');
    }
    return value === null ? undefined : value;
  }

  private applyPart(part: ReferencePart, target: unknown, reference: Reference, frame: MacroFrame | undefined): unknown {
    if (part.kind === 'property') return readJavaProperty(target, part.name);
    if (part.kind === 'index') return this.index(target, this.value(part.index, frame), part.offset);
    const args = part.args.map((arg) => this.value(arg, frame));
    let result: unknown;
    try {
      result = invokeJavaMethod(target, part.name, args);
    } catch (error) {
      if (error instanceof JavaMethodError) {
        this.fail(`Invocation of method '${part.name}' in ${javaClassName(target)} threw exception ${error.message}`, 'runtime', reference.offset);
      }
      if (error instanceof JavaRegexLimitError) this.fail(`Template stopped in ${part.name}(): ${error.message}`, 'limit', reference.offset);
      throw error;
    }
    if (result === METHOD_NOT_FOUND) {
      if (this.settings.strict) this.fail(`Object '${javaClassName(target)}' does not contain method ${part.name}()`, 'runtime', part.offset);
      return undefined;
    }
    return result;
  }

  /** Velocity's ASTIndex: `get(i)` on a list (negative counts from the end), `get(key)` on a map. */
  private index(target: unknown, key: unknown, offset: number): unknown {
    if (Array.isArray(target)) {
      if (!isJavaNumber(key) || key instanceof JavaDouble) return undefined;
      let i = numberValue(key);
      if (i < 0) i += target.length;
      if (i < 0 || i >= target.length) this.fail(`Error invoking method 'get(${javaClassName(key)})' in java.util.ArrayList`, 'runtime', offset);
      return target[i];
    }
    if (isJavaMap(target) && !isNull(key)) {
      const name = javaText(key);
      return Object.hasOwn(target, name) ? target[name] : undefined;
    }
    return undefined;
  }

  private set(target: Reference, expression: Expression, frame: MacroFrame | undefined): void {
    if (target.parts.length > 0 && this.settings.strict && this.get(target.root, frame) === undefined && !this.has(target.root, frame)) {
      this.fail(`Variable $${target.root} has not been set`, 'unset-variable', target.offset);
    }
    const value = this.value(expression, frame);
    if (target.formal || target.uncomputable) return;
    if (isNull(value)) {
      // With strict references Velocity stores the null: the variable is then set, to null.
      if (this.settings.strict && target.parts.length === 0) this.put(target.root, null, frame);
      return;
    }
    if (typeof value === 'string' && value.length > this.settings.maxOutputLength) {
      this.fail(`#set value exceeds ${this.settings.maxOutputLength} characters`, 'limit', target.offset);
    }
    if (target.parts.length === 0) {
      this.put(target.root, value, frame);
      return;
    }
    let object = this.get(target.root, frame);
    const parts = target.parts;
    for (const part of parts.slice(0, -1)) {
      if (isNull(object)) return;
      object = this.applyPart(part, object, target, frame);
    }
    const last = parts[parts.length - 1] as ReferencePart;
    if (last.kind === 'property' && isJavaMap(object)) Object.defineProperty(object, last.name, { ...ASSIGN, value });
    else if (last.kind === 'index') {
      const key = this.value(last.index, frame);
      if (Array.isArray(object) && isJavaNumber(key)) {
        let i = numberValue(key);
        if (i < 0) i += object.length;
        if (i < 0 || i >= object.length) this.fail(`Error invoking method 'set(${javaClassName(key)})' in java.util.ArrayList`, 'runtime', last.offset);
        object[i] = value;
      } else if (isJavaMap(object) && !isNull(key)) Object.defineProperty(object, javaText(key), { ...ASSIGN, value });
    }
  }

  private foreach(node: Extract<TemplateNode, { kind: 'foreach' }>, frame: MacroFrame | undefined, out: string[], counted: boolean): void {
    const source = this.value(node.iterable, frame);
    const items = Array.isArray(source) ? source : isJavaMap(source) ? Object.values(source) : undefined;
    if (!items) {
      if (this.settings.strict && !isNull(source)) {
        this.fail(`#foreach parameter is of type ${javaClassName(source)} and is either of wrong type or cannot be iterated.`, 'runtime', node.offset);
      }
      return;
    }
    const saved = ['velocityCount', 'velocityHasNext', 'foreach', node.variable].map((key) => [key, this.get(key, frame)] as const);
    const parent = saved[2]?.[1];
    try {
      for (let i = 0; i < items.length; i++) {
        this.countIteration(node.offset);
        const hasNext = i + 1 < items.length;
        this.put('velocityCount', i + 1, frame);
        this.put('velocityHasNext', hasNext, frame);
        const item = items[i];
        if (item === undefined || item === null) this.remove(node.variable, frame);
        else this.put(node.variable, item, frame);
        this.put('foreach', foreachScope(i, hasNext, parent), frame);
        const bodyFrame = isNull(item) ? { locals: new Map(), byName: new Map(), callerText: new Map(), caller: frame, nullName: node.variable } : frame;
        try {
          this.renderNodes(node.body, bodyFrame, out, counted);
        } catch (signal) {
          if (signal instanceof BreakSignal) break;
          throw signal;
        }
      }
    } finally {
      for (const [key, value] of saved) {
        if (value === undefined) this.remove(key, frame);
        else this.put(key, value, frame);
      }
    }
  }

  private callMacro(node: Extract<TemplateNode, { kind: 'macro-call' }>, frame: MacroFrame | undefined, out: string[], counted: boolean): void {
    const macro: MacroDefinition | undefined = this.tree.macros.get(node.name);
    // A word argument (`#m(bar)`) is refused once the macro exists; strict mode refuses it while parsing.
    const word = node.args.find((arg): arg is Extract<Expression, { kind: 'word' }> => arg.kind === 'word');
    if (word && (macro || this.settings.strict)) {
      this.fail(`Invalid arg '${word.value}' in macro #${node.name}`, this.settings.strict ? 'syntax' : 'runtime', word.offset);
    }
    if (!macro) {
      // A bare `#name` is text in strict mode too, unless Velocity's lexer read its start as `#end` (`#endx`).
      if (this.settings.strict && (!node.bare || node.name.startsWith('end'))) this.fail(`Macro '#${node.name}' is not defined`, 'runtime', node.offset);
      this.write(out, node.literal, counted, node.offset);
      return;
    }
    this.countIteration(node.offset);
    if (this.macroDepth >= this.settings.maxMacroDepth) {
      this.fail(`Max calling depth of ${this.settings.maxMacroDepth} was exceeded in macro '${node.name}'`, 'limit', node.offset);
    }
    const callee: MacroFrame = { locals: new Map(), byName: new Map(), callerText: new Map(), caller: frame };
    macro.parameters.forEach((parameter, i) => {
      const argument = node.args[i];
      if (!argument || parameter === '') return;
      if (argument.kind === 'integer' || argument.kind === 'double' || argument.kind === 'boolean') {
        callee.locals.set(parameter, this.value(argument, frame));
      } else {
        callee.byName.set(parameter, argument);
        if (argument.kind === 'reference') callee.callerText.set(`$${parameter}`, argument.reference.literal);
      }
    });
    this.macroDepth++;
    try {
      this.renderNodes(macro.body, callee, out, counted);
    } catch (signal) {
      if (!(signal instanceof BreakSignal)) throw signal;
    } finally {
      this.macroDepth--;
    }
  }

  private evaluate(argument: Expression, offset: number, frame: MacroFrame | undefined, out: string[], counted: boolean): void {
    const text = this.value(argument, frame);
    if (isNull(text)) return;
    if (this.macroDepth >= this.settings.maxMacroDepth) this.fail(`#evaluate is nested more than ${this.settings.maxMacroDepth} levels deep`, 'limit', offset);
    const nodes = parseVtlAt(javaText(text), offset, this.tree.macros);
    this.macroDepth++;
    try {
      this.renderNodes(nodes, frame, out, counted);
    } catch (signal) {
      if (!(signal instanceof BreakSignal)) throw signal;
    } finally {
      this.macroDepth--;
    }
  }

  // Expressions.

  /** Velocity's `Node.value()`. */
  private value(expression: Expression, frame: MacroFrame | undefined): unknown {
    switch (expression.kind) {
      case 'string':
        return expression.template ? this.interpolate(expression.template.nodes, frame) : expression.value;
      case 'integer':
      case 'boolean':
        return expression.value;
      case 'double':
        return new JavaDouble(expression.value);
      case 'word':
        return undefined;
      case 'reference':
        return this.referenceValue(expression.reference, frame, 'value');
      case 'list':
        return expression.items.map((item) => this.value(item, frame));
      case 'range':
        return this.range(expression, frame);
      case 'map': {
        const map = Object.create(null) as Record<string, unknown>;
        for (const [keyExpression, valueExpression] of expression.entries) {
          const key = this.value(keyExpression, frame);
          Object.defineProperty(map, javaText(key), { ...ASSIGN, value: this.value(valueExpression, frame) });
        }
        return map;
      }
      case 'group':
        return this.value(expression.inner, frame);
      case 'not':
        return !this.condition(expression.operand, frame);
      case 'binary':
        return this.binary(expression, frame);
    }
  }

  private interpolate(nodes: TemplateNode[], frame: MacroFrame | undefined): string {
    const out: string[] = [];
    this.renderNodes(nodes, frame, out, false);
    const text = out.join('');
    if (text.length > this.settings.maxOutputLength) this.fail(`A string exceeds ${this.settings.maxOutputLength} characters`, 'limit', 0);
    return text;
  }

  private range(expression: Extract<Expression, { kind: 'range' }>, frame: MacroFrame | undefined): number[] | undefined {
    const from = this.value(expression.from, frame);
    const to = this.value(expression.to, frame);
    if (!isJavaNumber(from) || !isJavaNumber(to)) return undefined;
    const a = javaIntValue(from);
    const b = javaIntValue(to);
    const size = Math.abs(b - a) + 1;
    if (size > this.settings.maxIterations) this.fail(`Range [${a}..${b}] exceeds the iteration limit of ${this.settings.maxIterations}`, 'limit', expression.offset);
    const step = a <= b ? 1 : -1;
    return Array.from({ length: size }, (_, i) => a + i * step);
  }

  private binary(expression: Extract<Expression, { kind: 'binary' }>, frame: MacroFrame | undefined): unknown {
    const { operator, left, right } = expression;
    if (operator === '&&' || operator === '||' || operator === '==' || operator === '!=' || operator === '<' || operator === '>' || operator === '<=' || operator === '>=') {
      return this.condition(expression, frame);
    }
    const a = this.value(left, frame);
    const b = this.value(right, frame);
    if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) {
      return (isNull(a) ? literalText(left) : javaText(a)) + (isNull(b) ? literalText(right) : javaText(b));
    }
    // Strict references do not make math strict (that is `runtime.strict.math`, off by default).
    if (!isJavaNumber(a) || !isJavaNumber(b)) return undefined;
    return javaArithmetic(operator, a, b);
  }

  /** Velocity's `Node.evaluate()`: references are true unless null or false; other literals are false. */
  private condition(expression: Expression, frame: MacroFrame | undefined): boolean {
    switch (expression.kind) {
      case 'reference': {
        const value = this.referenceValue(expression.reference, frame, 'condition');
        return !isNull(value) && value !== false;
      }
      case 'boolean':
        return expression.value;
      case 'group':
        return this.condition(expression.inner, frame);
      case 'not':
        return !this.condition(expression.operand, frame);
      case 'binary':
        break;
      default:
        return false;
    }
    const { operator, left, right } = expression;
    if (operator === '&&') return this.condition(left, frame) && this.condition(right, frame);
    if (operator === '||') return this.condition(left, frame) || this.condition(right, frame);
    if (operator === '==' || operator === '!=') {
      const equal = velocityEquals(this.value(left, frame), this.value(right, frame));
      return operator === '==' ? equal : !equal;
    }
    if (operator === '<' || operator === '>' || operator === '<=' || operator === '>=') {
      const a = this.value(left, frame);
      const b = this.value(right, frame);
      if (!isJavaNumber(a) || !isJavaNumber(b)) {
        if (this.settings.strict) {
          const side = !isJavaNumber(a) ? 'Left' : 'Right';
          const detail = isNull(!isJavaNumber(a) ? a : b) ? 'has null value' : 'is not a Number';
          this.fail(`${side} side of '${operator}' operation ${detail}`, 'runtime', expression.offset);
        }
        return false;
      }
      const order = javaCompareNumbers(a, b);
      if (operator === '<') return order < 0;
      if (operator === '>') return order > 0;
      if (operator === '<=') return order <= 0;
      return order >= 0;
    }
    // Arithmetic nodes keep SimpleNode's evaluate(): false, without evaluating the operands.
    return false;
  }
}

/** `Number.intValue()`: a Long wraps to 32 bits, a Double saturates. */
function javaIntValue(value: JavaNumber): number {
  if (value instanceof JavaDouble || (typeof value === 'number' && !Number.isInteger(value))) {
    const n = Math.trunc(numberValue(value));
    return Number.isNaN(n) ? 0 : Math.max(-2147483648, Math.min(2147483647, n));
  }
  return Number(BigInt.asIntN(32, BigInt(value as number | bigint)));
}

function partName(part: ReferencePart): string {
  if (part.kind === 'index') return '[]';
  return part.name;
}

/** What Velocity's `+` prints for a null operand beside a string: the node's `literal()`. */
function literalText(expression: Expression): string {
  if (expression.kind === 'reference') return expression.reference.literal;
  return expression.kind === 'binary' || expression.kind === 'group' ? expression.literal : '';
}

/** Velocity 1.7 `==`: numbers by value, same classes by `equals`, otherwise by `toString()`. */
function velocityEquals(a: unknown, b: unknown): boolean {
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (isJavaNumber(a) && isJavaNumber(b)) return javaCompareNumbers(a, b) === 0;
  if (javaClassName(a) === javaClassName(b)) return javaEquals(a, b);
  return javaText(a) === javaText(b);
}

/** `$foreach`: Velocity 1.7's ForeachScope. */
function foreachScope(index: number, hasNext: boolean, parent: unknown) {
  const properties = { index, count: index + 1, hasNext, first: index === 0, last: !hasNext, parent, topmost: parent ?? undefined };
  return defineTool('org.apache.velocity.runtime.directive.ForeachScope', { hasNext: () => hasNext }, properties);
}

export { TemplateSyntaxError };
