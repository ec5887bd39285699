import type { EmbeddedPath, FilterExpression } from './ast.js';
import { PATH_NOT_FOUND, readDefiniteLookup } from './definite-lookup.js';
import { JsonPathEvaluationError, pathNotFound } from './errors.js';
import { type PathPlan, type PlanToken, planFor, withTrailingWildcard } from './evaluation-plan.js';
import { acceptItem, type FilterHost } from './filter-evaluator.js';
import { type ArgumentValue, describeValue, invokeFunction } from './functions.js';
import { hasProperty, isArray, isMap, type JsonMap, propertyKeys, readProperty, setProperty, UNDEFINED } from './json-model.js';

/** Upper bound on visited nodes per query, so nested deep scans over a large document stay bounded. */
export const MAX_STEPS = 5_000_000;

/**
 * The normalised path of a visited value, kept as a linked list of raw steps: deep walks neither copy
 * strings nor quote names unless a message needs the path.
 */
interface Trail {
  readonly parent: Trail | undefined;
  /** A property name or an array index; the first link holds the root symbol. */
  readonly step: string | number;
}

function extend(trail: Trail | undefined, step: string | number): Trail {
  return { parent: trail, step };
}

export function renderTrail(trail: Trail | undefined): string {
  const segments: string[] = [];
  for (let at = trail; at; at = at.parent) {
    const step = at.step;
    segments.push(typeof step === 'number' ? `[${step}]` : at.parent ? nameSegment(step) : step);
  }
  return segments.reverse().join('') || '$';
}

function nameSegment(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** State shared by the main query and the paths its filters and functions evaluate. */
interface Shared {
  readonly root: unknown;
  readonly upstreamIndex: Map<PlanToken, number>;
  /** Results of `$` paths inside filters, which are the same for every item. */
  readonly rootPathCache: Map<EmbeddedPath, { value: unknown } | { error: unknown }>;
  steps: number;
}

interface Options {
  readonly requireProperties: boolean;
}

/** Evaluates `plan` on `document` and returns Jayway's getValue(): a bare value, a list, or a PathNotFound error. */
export function evaluatePlan(plan: PathPlan, document: unknown): unknown {
  const shared: Shared = { root: document, upstreamIndex: new Map(), rootPathCache: new Map(), steps: 0 };
  return getValue(new Run(plan, shared, { requireProperties: false }), document);
}

function getValue(run: Run, document: unknown): unknown {
  run.evaluate(0, undefined, document);
  if (!run.plan.definite) return run.results;
  if (run.results.length === 0) {
    throw pathNotFound(run.lastMiss ? `no results for path ${run.plan.source}: ${run.lastMiss()}` : `no results for path ${run.plan.source}`);
  }
  return run.results[run.results.length - 1];
}

class Run implements FilterHost {
  readonly results: unknown[] = [];
  /** Why the last step found nothing; a function because misses are common and the message rarely shown. */
  lastMiss: (() => string) | undefined;

  constructor(
    readonly plan: PathPlan,
    private readonly shared: Shared,
    private readonly options: Options,
  ) {}

  private tick(): void {
    if (++this.shared.steps > MAX_STEPS) {
      throw new JsonPathEvaluationError('JsonPathException', `the query visited more than ${MAX_STEPS} values; simplify the path`);
    }
  }

  private readonly visit = (): void => this.tick();

  readPath(path: EmbeddedPath, item: unknown, requireProperties: boolean): unknown {
    const plan = planFor(path.ast, path.source);
    const isRootPath = path.ast[0]?.kind === 'root' && path.ast[0].symbol === '$';
    if (!isRootPath || requireProperties) return this.readSubPath(plan, isRootPath ? this.shared.root : item, requireProperties);
    let cached = this.shared.rootPathCache.get(path);
    if (!cached) {
      try {
        cached = { value: this.readSubPath(plan, this.shared.root, requireProperties) };
      } catch (error) {
        cached = { error };
      }
      this.shared.rootPathCache.set(path, cached);
    }
    if ('error' in cached) throw cached.error;
    return cached.value;
  }

  private readSubPath(plan: PathPlan, start: unknown, requireProperties: boolean): unknown {
    if (plan.lookup) return readDefiniteLookup(plan.lookup, start, this.visit);
    try {
      return getValue(new Run(plan, this.shared, { requireProperties }), start);
    } catch (error) {
      if (error instanceof JsonPathEvaluationError && error.exception === 'PathNotFoundException') return PATH_NOT_FOUND;
      throw error;
    }
  }

  evaluate(index: number, trail: Trail | undefined, model: unknown): void {
    this.tick();
    const token = this.plan.tokens[index];
    if (!token) return;
    const node = token.node;
    switch (node.kind) {
      case 'root': {
        const here = extend(undefined, node.symbol);
        if (token.leaf) this.results.push(model);
        else this.evaluate(index + 1, here, model);
        return;
      }
      case 'property': {
        if (!isMap(model)) {
          if (!token.upstreamDefinite) return;
          throw pathNotFound(`expected an object with property '${node.names.join("', '")}' at ${renderTrail(trail)} but found ${describeValue(model)}`);
        }
        if (node.names.length === 1 || token.leaf) this.handleObjectProperty(index, trail, model, node.names);
        else for (const name of node.names) this.handleObjectProperty(index, trail, model, [name]);
        return;
      }
      case 'wildcard': {
        if (isMap(model)) {
          for (const key of propertyKeys(model)) this.handleObjectProperty(index, trail, model, [key]);
        } else if (isArray(model)) {
          for (let i = 0; i < model.length; i++) {
            try {
              this.handleArrayIndex(index, trail, model, i);
            } catch (error) {
              if (this.options.requireProperties || !(error instanceof JsonPathEvaluationError) || error.exception !== 'PathNotFoundException') throw error;
            }
          }
        }
        return;
      }
      case 'index': {
        if (!this.checkArray(token, trail, model)) return;
        for (const i of node.indexes) this.handleArrayIndex(index, trail, model, i);
        return;
      }
      case 'slice': {
        if (!this.checkArray(token, trail, model)) return;
        for (const i of sliceIndexes(node.from, node.to, model.length)) this.handleArrayIndex(index, trail, model, i);
        return;
      }
      case 'scan':
        this.walk(index + 1, trail, model);
        return;
      case 'filter': {
        if (isMap(model)) {
          if (this.accepts(node.expression, model)) {
            if (token.leaf) this.results.push(model);
            else this.evaluate(index + 1, trail, model);
          }
        } else if (isArray(model)) {
          for (let i = 0; i < model.length; i++) {
            if (this.accepts(node.expression, model[i])) this.handleArrayIndex(index, trail, model, i);
          }
        } else if (token.upstreamDefinite) {
          throw new JsonPathEvaluationError('InvalidPathException', `a filter cannot be applied to ${describeValue(model)} at ${renderTrail(trail)}`);
        }
        return;
      }
      case 'function': {
        const result = invokeFunction(node.name, model, token.args.map((arg) => this.argumentValue(arg)));
        this.results.push(result);
        if (!token.leaf) this.evaluate(index + 1, trail, result);
        return;
      }
    }
  }

  /** PredicatePathToken.accept: an InvalidPathException while testing an item rejects that item. */
  private accepts(expression: FilterExpression, item: unknown): boolean {
    try {
      return acceptItem(expression, item, this);
    } catch (error) {
      if (error instanceof JsonPathEvaluationError && error.exception === 'InvalidPathException') return false;
      throw error;
    }
  }

  private argumentValue(arg: PlanToken['args'][number]): ArgumentValue {
    if (arg.kind === 'json') return { kind: 'json', value: () => arg.value };
    const root = this.shared.root;
    return {
      kind: 'path',
      value: () => getValue(new Run(arg.plan, this.shared, { requireProperties: false }), root),
      children: (model: unknown) => getValue(new Run(withTrailingWildcard(arg.plan), this.shared, { requireProperties: false }), model),
    };
  }

  private miss(message: () => string): void {
    this.lastMiss = message;
  }

  private handleObjectProperty(index: number, trail: Trail | undefined, model: JsonMap, names: readonly string[]): void {
    const token = this.plan.tokens[index] as PlanToken;
    if (names.length === 1) {
      const name = names[0] as string;
      const value = readProperty(model, name);
      const here = extend(trail, name);
      if (value === UNDEFINED) {
        const where = (): string => `missing property '${name}' at ${renderTrail(trail)}`;
        if (token.leaf) {
          if (!this.options.requireProperties) return this.miss(where);
          throw pathNotFound(`no results for path ${renderTrail(here)}`);
        }
        if ((!(token.upstreamDefinite && token.tokenDefinite) && !this.options.requireProperties)) return this.miss(where);
        throw pathNotFound(where());
      }
      if (token.leaf) {
        const upstream = this.shared.upstreamIndex.get(token) ?? -1;
        if (upstream === -1 || this.plan.tailPrevFragment === `[${upstream}]`) this.results.push(value);
      } else {
        this.evaluate(index + 1, here, value);
      }
      return;
    }
    const merged: JsonMap = {};
    for (const name of names) {
      if (hasProperty(model, name)) setProperty(merged, name, model[name]);
      else if (this.options.requireProperties) throw pathNotFound(`missing property '${name}' at ${renderTrail(trail)}`);
    }
    this.results.push(merged);
  }

  private handleArrayIndex(index: number, trail: Trail | undefined, model: unknown[], position: number): void {
    const token = this.plan.tokens[index] as PlanToken;
    const effective = position < 0 ? model.length + position : position;
    if (effective < 0 || effective >= model.length) {
      return this.miss(() => `index ${position} is out of range at ${renderTrail(trail)} (${model.length} items)`);
    }
    const value = model[effective];
    if (token.leaf) this.results.push(value);
    else this.evaluate(index + 1, extend(trail, position), value);
  }

  private checkArray(token: PlanToken, trail: Trail | undefined, model: unknown): model is unknown[] {
    if (isArray(model)) return true;
    if (!token.upstreamDefinite) return false;
    if (model === null) throw pathNotFound(`${renderTrail(trail)} is null, so ${describeToken(token)} finds nothing`);
    throw pathNotFound(`expected an array at ${renderTrail(trail)} for ${describeToken(token)} but found ${describeValue(model)}`);
  }

  /** Jayway's ScanPathToken walk, pre-order, with an explicit stack so deep documents cannot overflow. */
  private walk(target: number, trail: Trail | undefined, start: unknown): void {
    const token = this.plan.tokens[target];
    if (!token) return;
    const stack: Array<{ trail: Trail | undefined; model: unknown }> = [{ trail, model: start }];
    while (stack.length > 0) {
      const { trail: here, model } = stack.pop() as { trail: Trail | undefined; model: unknown };
      this.tick();
      if (isMap(model)) {
        if (this.scanMatches(token, model)) this.evaluate(target, here, model);
        const keys = propertyKeys(model);
        for (let k = keys.length - 1; k >= 0; k--) {
          const key = keys[k] as string;
          stack.push({ trail: extend(here, key), model: model[key] });
        }
      } else if (isArray(model)) {
        if (this.scanMatches(token, model)) {
          if (token.leaf) {
            this.evaluate(target, here, model);
          } else {
            const next = this.plan.tokens[target + 1] as PlanToken;
            for (let i = 0; i < model.length; i++) {
              this.shared.upstreamIndex.set(next, i);
              this.evaluate(target + 1, extend(here, i), model[i]);
            }
          }
        }
        for (let i = model.length - 1; i >= 0; i--) stack.push({ trail: extend(here, i), model: model[i] });
      }
    }
  }

  private scanMatches(token: PlanToken, model: unknown): boolean {
    const node = token.node;
    switch (node.kind) {
      case 'property':
        return isMap(model) && node.names.every((name) => hasProperty(model, name));
      case 'index':
      case 'slice':
        return isArray(model);
      case 'wildcard':
        return true;
      case 'filter':
        return this.accepts(node.expression, model);
      default:
        return false;
    }
  }
}

function describeToken(token: PlanToken): string {
  const node = token.node;
  if (node.kind === 'index') return `index [${node.indexes.join(',')}]`;
  if (node.kind === 'slice') return `slice [${node.from ?? ''}:${node.to ?? ''}]`;
  return node.kind;
}

/** Jayway's ArraySliceToken, quirks included: a negative `from` with a `to` is not normalised. */
export function sliceIndexes(from: number | undefined, to: number | undefined, length: number): number[] {
  const indexes: number[] = [];
  if (from !== undefined && to === undefined) {
    const start = Math.max(0, from < 0 ? length + from : from);
    for (let i = start; i < length; i++) indexes.push(i);
  } else if (from !== undefined && to !== undefined) {
    const end = Math.min(length, to);
    if (from >= end || length === 0) return indexes;
    for (let i = from; i < end; i++) indexes.push(i);
  } else if (to !== undefined) {
    if (length === 0) return indexes;
    const end = Math.min(length, to < 0 ? length + to : to);
    for (let i = 0; i < end; i++) indexes.push(i);
  }
  return indexes;
}
