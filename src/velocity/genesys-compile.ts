import { Helper } from 'velocityjs';
import { JavaDouble, isJavaNumber, numberValue } from './java-double.js';
import { METHOD_NOT_FOUND, invokeJavaMethod, isJavaMap, javaEquals, readJavaIndex, readJavaProperty } from './java-methods.js';
import { javaClassName, javaText } from './java-text.js';
import { JavaMethodError, VelocityRenderError } from './render-error.js';
import { positionAt } from './source-positions.js';
import { TemplateSyntaxError, cachedParse, type ParsedTemplate } from './template-parser.js';
import { CompileBase, type Leveled, type VtlAttribute, type VtlNode } from './velocityjs-internals.js';

export interface CompileSettings {
  strict: boolean;
  templateName: string;
  maxIterations: number;
  maxOutputLength: number;
  maxMacroDepth: number;
}

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const LOGICAL = new Set(['&&', '||', 'not']);
let loopIds = 0;

function isNull(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * velocityjs's evaluator with Java Velocity 1.7 semantics: Java values and methods, integer
 * arithmetic, null handling, `#set` to null keeping the old value, `#break`, strict references, and
 * limits. Offsets in errors point into the top-level template.
 */
export class GenesysCompile extends CompileBase {
  private readonly frames: { base: number; node?: VtlNode }[] = [{ base: 0 }];
  private iterations = 0;
  private macroDepth = 0;
  private bareConditionReference: VtlNode | undefined;

  constructor(
    private readonly template: ParsedTemplate,
    private readonly settings: CompileSettings,
  ) {
    super(template.asts, {});
  }

  private get frame(): { base: number; node?: VtlNode } {
    return this.frames[this.frames.length - 1] as { base: number; node?: VtlNode };
  }

  private nodeOffset(node: VtlNode | undefined): number {
    const frame = this.frame;
    if (node?.span) return frame.base + node.span.start;
    const current = frame.node;
    const start = current?.span ? frame.base + current.span.start : frame.base;
    if (node && node.type === 'references') {
      const found = this.template.source.indexOf(Helper.getRefText(node as never), start);
      if (found >= 0) return found;
    }
    return start;
  }

  private fail(message: string, kind: VelocityRenderError['kind'], node: VtlNode | undefined): never {
    const offset = this.nodeOffset(node);
    const { line, column } = positionAt(this.template.lineStarts, offset);
    const where = kind === 'limit' ? '' : ` at ${this.settings.templateName}[line ${line}, column ${column}]`;
    throw new VelocityRenderError(`${message}${where}`, kind, offset);
  }

  private countIteration(node: VtlNode | undefined): void {
    if (++this.iterations > this.settings.maxIterations) {
      this.fail(`Template stopped after ${this.settings.maxIterations} loop iterations and macro calls`, 'limit', node);
    }
  }

  private sourceText(node: VtlNode): string {
    if (!node.span) return Helper.getRefText(node as never);
    const base = this.frame.base;
    return this.template.source.slice(base + node.span.start, base + node.span.end);
  }

  override renderAstList(asts: Leveled[] = this.asts, contextId?: string): string {
    if (contextId) {
      if (contextId !== this.contextId && !this.conditions.includes(contextId)) this.conditions.unshift(contextId);
      this.contextId = contextId;
    } else this.contextId = '';
    let out = '';
    for (const ast of asts) {
      if (this.runState.stop || this.runState.break) break;
      if (typeof ast === 'string') out += ast;
      else if (Array.isArray(ast)) {
        this.frame.node = ast[0] as VtlNode;
        out += this.getBlock(ast);
      } else {
        this.frame.node = ast;
        out += this.renderNode(ast);
      }
      if (out.length > this.settings.maxOutputLength) {
        this.fail(`Template output exceeds ${this.settings.maxOutputLength} characters`, 'limit', this.frame.node);
      }
    }
    return out;
  }

  private renderNode(ast: VtlNode): string {
    switch (ast.type) {
      case 'references':
        return javaText(this.getReferences(ast, true));
      case 'set':
        this.setValue(ast);
        return '';
      case 'break':
        this.runState.break = true;
        return '';
      case 'macro_call':
        return this.getMacro(ast);
      case 'comment':
        return '';
      case 'raw':
        return String(ast.value);
      default:
        return '';
    }
  }

  override getReferences(ast: VtlNode, isVal?: boolean): unknown {
    const id = ast.id ?? '';
    const bare = this.bareConditionReference === ast;
    this.bareConditionReference = undefined;
    const local = this.getLocal(ast);
    let value: unknown;
    if (local.isLocal) value = local.value;
    else if (Object.hasOwn(this.context, id)) value = this.context[id];
    else if (this.settings.strict && !bare) this.fail(`Variable $${id} has not been set`, 'unset-variable', ast);
    for (const attribute of ast.path ?? []) {
      if (isNull(value)) {
        if (this.settings.strict) this.fail(`Attempted to access '${this.attributeName(attribute)}' on a null value`, 'runtime', ast);
        value = undefined;
        break;
      }
      value = this.readAttribute(attribute, value, ast);
    }
    if (value === null) value = undefined;
    if (isVal && value === undefined) {
      if (ast.leader === '$!') return '';
      if (this.settings.strict) this.fail(`Reference ${this.sourceText(ast)} evaluated to null when attempting to render`, 'runtime', ast);
      return this.sourceText(ast);
    }
    return value;
  }

  private attributeName(attribute: VtlAttribute): string {
    return typeof attribute.id === 'string' ? attribute.id : javaText(this.getLiteral(attribute.id));
  }

  private readAttribute(attribute: VtlAttribute, target: unknown, ast: VtlNode): unknown {
    if (attribute.type === 'property') return readJavaProperty(target, String(attribute.id));
    if (attribute.type === 'index') return readJavaIndex(target, this.getLiteral(attribute.id as VtlNode));
    const name = String(attribute.id);
    const args = (attribute.args || []).map((arg) => this.getLiteral(arg));
    let result: unknown;
    try {
      result = invokeJavaMethod(target, name, args);
    } catch (error) {
      if (error instanceof JavaMethodError) this.fail(`Invocation of method '${name}' in ${javaClassName(target)} threw exception ${error.message}`, 'runtime', ast);
      throw error;
    }
    if (result === METHOD_NOT_FOUND) {
      if (this.settings.strict) this.fail(`Object '${javaClassName(target)}' does not contain method ${name}()`, 'runtime', ast);
      return undefined;
    }
    return result;
  }

  override getPropMethod(property: VtlAttribute, baseRef: unknown, ast: VtlNode): unknown {
    return this.readAttribute(property, baseRef, ast);
  }

  override getAttributes(property: VtlAttribute, baseRef: unknown, ast: VtlNode): unknown {
    return isNull(baseRef) ? undefined : this.readAttribute(property, baseRef, ast);
  }

  override getLiteral(ast: VtlNode): unknown {
    switch (ast.type) {
      case 'integer':
        return Number.parseInt(String(ast.value), 10);
      case 'decimal':
        return new JavaDouble(Number.parseFloat(String(ast.value)));
      case 'bool':
        return ast.value === 'true' ? true : ast.value === 'false' ? false : undefined;
      case 'string':
        return ast.isEval && /[$#]/.test(String(ast.value)) ? this.evalStr(String(ast.value)) : String(ast.value);
      case 'map': {
        const map = Object.create(null) as Record<string, unknown>;
        for (const [key, valueAst] of Object.entries((ast.value ?? {}) as Record<string, VtlNode>)) {
          defineOwn(map, key, this.getLiteral(valueAst));
        }
        return map;
      }
      case 'array':
        return ast.isRange ? this.range(ast) : ((ast.value ?? []) as VtlNode[]).map((item) => this.getLiteral(item));
      case 'math':
        return this.getExpression(ast);
      default:
        return this.getReferences(ast);
    }
  }

  private range(ast: VtlNode): number[] | undefined {
    const [from, to] = ((ast.value ?? []) as (VtlNode | string | number)[]).map((end) => {
      if (typeof end === 'number') return end;
      if (typeof end === 'string') return Number.parseInt(end, 10);
      const value = this.getLiteral(end);
      return isJavaNumber(value) ? Math.trunc(numberValue(value)) : Number.NaN;
    });
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) return undefined;
    const size = Math.abs(to - from) + 1;
    if (size > this.settings.maxIterations) this.fail(`Range [${from}..${to}] exceeds the iteration limit`, 'limit', this.frame.node);
    const step = from <= to ? 1 : -1;
    return Array.from({ length: size }, (_, i) => from + i * step);
  }

  override evalStr(text: string): string {
    let parsed: ParsedTemplate;
    const frame = this.frame;
    const nodeStart = frame.node?.span ? frame.base + frame.node.span.start : frame.base;
    const found = this.template.source.indexOf(`"${text}"`, nodeStart);
    const base = found >= 0 ? found + 1 : nodeStart;
    try {
      parsed = cachedParse(text);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) throw new TemplateSyntaxError(error.message, base + error.offset);
      throw error;
    }
    this.frames.push({ base });
    try {
      return this.renderAstList(parsed.asts, this.contextId);
    } finally {
      this.frames.pop();
    }
  }

  override getExpression(ast: VtlNode): unknown {
    if (ast.type !== 'math') return this.getLiteral(ast);
    const operands = ast.expression ?? [];
    const [left, right] = operands as [VtlNode, VtlNode];
    const operator = ast.operator ?? '';
    if (LOGICAL.has(operator)) {
      if (operator === 'not') return !this.condition(left);
      if (operator === '&&') return this.condition(left) && this.condition(right);
      return this.condition(left) || this.condition(right);
    }
    if (operator === 'parenthesis') return this.getExpression(left);
    if (operator === 'minus') {
      const value = this.getExpression(left);
      if (!isJavaNumber(value)) return undefined;
      return value instanceof JavaDouble ? new JavaDouble(-value.value) : -value;
    }
    const a = this.getExpression(left);
    const b = this.getExpression(right);
    if (COMPARISONS.has(operator)) return this.compare(operator, a, b);
    return this.arithmetic(operator, a, b);
  }

  private compare(operator: string, a: unknown, b: unknown): boolean {
    if (operator === '==' || operator === '!=') {
      const equal = this.javaEqualsOperator(a, b);
      return operator === '==' ? equal : !equal;
    }
    if (!isJavaNumber(a) || !isJavaNumber(b)) return false;
    const x = numberValue(a);
    const y = numberValue(b);
    if (operator === '<') return x < y;
    if (operator === '>') return x > y;
    if (operator === '<=') return x <= y;
    return x >= y;
  }

  /** Velocity 1.7 `==`: numbers by value, same classes by `equals`, otherwise by `toString()`. */
  private javaEqualsOperator(a: unknown, b: unknown): boolean {
    if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
    if (isJavaNumber(a) && isJavaNumber(b)) return numberValue(a) === numberValue(b);
    if (javaClassName(a) === javaClassName(b)) return javaEquals(a, b);
    return javaText(a) === javaText(b);
  }

  private arithmetic(operator: string, a: unknown, b: unknown): unknown {
    if (isNull(a) || isNull(b)) return undefined;
    if (!isJavaNumber(a) || !isJavaNumber(b)) {
      return operator === '+' && (typeof a === 'string' || typeof b === 'string') ? javaText(a) + javaText(b) : undefined;
    }
    const double = a instanceof JavaDouble || b instanceof JavaDouble || !Number.isInteger(a) || !Number.isInteger(b);
    const x = numberValue(a);
    const y = numberValue(b);
    let result: number;
    switch (operator) {
      case '+': result = x + y; break;
      case '-': result = x - y; break;
      case '*': result = x * y; break;
      case '/':
        if (y === 0) return undefined;
        result = double ? x / y : Math.trunc(x / y);
        break;
      case '%':
        if (y === 0) return undefined;
        result = x % y;
        break;
      default:
        return undefined;
    }
    return double ? new JavaDouble(result) : result;
  }

  /** Java `Node.evaluate`: a reference is true unless null or `false`; literals are false. */
  private condition(ast: VtlNode | undefined): boolean {
    if (!ast) return false;
    if (ast.type === 'references') {
      if (!ast.path || ast.path.length === 0) this.bareConditionReference = ast;
      const value = this.getReferences(ast);
      return !isNull(value) && value !== false;
    }
    if (ast.type === 'bool') return ast.value === 'true';
    if (ast.type === 'math') {
      if (ast.operator === 'parenthesis') return this.condition(ast.expression?.[0]);
      const value = this.getExpression(ast);
      return value === true;
    }
    return false;
  }

  override setValue(ast: VtlNode): void {
    const [ref, valueAst] = ast.equal as [VtlNode, VtlNode];
    const value = valueAst.type === 'math' ? this.getExpression(valueAst) : this.getLiteral(valueAst);
    if (isNull(value)) return;
    if (typeof value === 'string' && value.length > this.settings.maxOutputLength) {
      this.fail(`#set value exceeds ${this.settings.maxOutputLength} characters`, 'limit', ast);
    }
    const id = ref.id ?? '';
    let context = this.getContext(id);
    if (this.contextId.startsWith('macro:')) context = this.context;
    const keys = this.getPathKeys(ref);
    if (keys.length === 0) {
      if (id !== '__proto__') defineOwn(context, id, value);
      return;
    }
    let target: unknown = Object.hasOwn(context, id) ? context[id] : undefined;
    for (const key of keys.slice(0, -1)) target = readJavaProperty(target, key);
    const last = keys[keys.length - 1] as string;
    if (isJavaMap(target)) defineOwn(target, last, value);
  }

  override getContext(id: string): Record<string, unknown> {
    for (const condition of this.conditions) {
      const local = this.local[condition];
      if (local && Object.hasOwn(local, id)) return local;
    }
    return this.context;
  }

  override getBlock(block: Leveled[]): string {
    const head = block[0] as VtlNode;
    if (head.type === 'foreach') return this.renderForeach(head, block.slice(1));
    if (head.type === 'if') return this.renderIf(block);
    return super.getBlock(block);
  }

  private renderIf(block: Leveled[]): string {
    let chosen: Leveled[] | undefined;
    let current: Leveled[] | undefined;
    for (const item of block) {
      if (typeof item === 'object' && !Array.isArray(item) && (item.type === 'if' || item.type === 'elseif' || item.type === 'else')) {
        if (chosen) break;
        this.frame.node = item;
        if (item.type === 'else' || this.condition(item.condition)) {
          current = [];
          chosen = current;
        }
        continue;
      }
      current?.push(item);
    }
    return chosen ? this.renderAstList(chosen, this.contextId) : '';
  }

  private renderForeach(head: VtlNode, body: Leveled[]): string {
    const source = head.from ? this.getLiteral(head.from) : undefined;
    const items = Array.isArray(source)
      ? source
      : isJavaMap(source)
        ? Object.values(source)
        : [];
    if (items.length === 0) return '';
    const contextId = `foreach:${++loopIds}`;
    const variable = head.to ?? 'item';
    let out = '';
    try {
      for (let i = 0; i < items.length; i++) {
        this.countIteration(head);
        const local = Object.create(null) as Record<string, unknown>;
        defineOwn(local, variable, items[i]);
        const scope = Object.create(null) as Record<string, unknown>;
        Object.assign(scope, { count: i + 1, index: i, hasNext: i + 1 < items.length, first: i === 0, last: i + 1 === items.length });
        local['foreach'] = scope;
        local['velocityCount'] = i + 1;
        this.local[contextId] = local;
        out += this.renderAstList(body, contextId);
        if (out.length > this.settings.maxOutputLength) this.fail(`Template output exceeds ${this.settings.maxOutputLength} characters`, 'limit', head);
        if (this.runState.break || this.runState.stop) break;
      }
    } finally {
      this.runState.break = false;
      this.local[contextId] = {};
      this.conditions.shift();
      this.contextId = this.conditions[0] ?? '';
    }
    return out;
  }

  override getMacro(ast: VtlNode, bodyContent?: string): string {
    const id = ast.id ?? '';
    if (!this.macrosStore[id]) return this.sourceText(ast);
    this.countIteration(ast);
    if (++this.macroDepth > this.settings.maxMacroDepth) {
      this.fail(`Max calling depth of ${this.settings.maxMacroDepth} was exceeded in macro '${id}'`, 'limit', ast);
    }
    this.frames.push({ base: 0 });
    try {
      return super.getMacro(ast, bodyContent);
    } finally {
      this.frames.pop();
      this.macroDepth--;
    }
  }
}
