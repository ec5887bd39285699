import type { FunctionNode, PathNode } from './ast.js';
import { isDefinitePath, isTokenDefinite } from './definite.js';
import { type DefiniteLookup, definiteLookupOf } from './definite-lookup.js';

export type PlanArgument = { readonly kind: 'path'; readonly plan: PathPlan } | { readonly kind: 'json'; readonly value: unknown };

/** One step of a plan, with Jayway's per-token facts precomputed. */
export interface PlanToken {
  readonly node: PathNode;
  readonly leaf: boolean;
  readonly tokenDefinite: boolean;
  readonly upstreamDefinite: boolean;
  readonly args: readonly PlanArgument[];
}

/** A path ready to run: Jayway's token chain after its compile-time rewrites. */
export interface PathPlan {
  readonly source: string;
  readonly tokens: readonly PlanToken[];
  readonly definite: boolean;
  /** The fragment of the token before the leaf (Jayway's `getTail().prev()`), used by the deep-scan index hack. */
  readonly tailPrevFragment: string;
  /** Set when the path is a plain chain of names and indexes that can be read without running the tokens. */
  readonly lookup: DefiniteLookup | undefined;
}

const plans = new WeakMap<readonly PathNode[], PathPlan>();

export function planFor(ast: readonly PathNode[], source: string): PathPlan {
  let plan = plans.get(ast);
  if (!plan) {
    plan = buildPlan(ast, source);
    plans.set(ast, plan);
  }
  return plan;
}

function buildPlan(ast: readonly PathNode[], source: string): PathPlan {
  const functionIndex = ast.findIndex((node) => node.kind === 'function');
  if (ast[1]?.kind === 'scan' && ast[ast.length - 1]?.kind === 'function' && functionIndex > 1) {
    // Jayway rewrites `$..x.fn()` into `fn($..x)` (CompiledPath.invertScannerFunctionRelationship).
    const inner = makePlan(ast.slice(0, functionIndex), source, []);
    const root = ast[0] as PathNode;
    const fn = ast[functionIndex] as FunctionNode;
    return makePlan([{ ...root, kind: 'root', symbol: '$', written: true }, fn], source, [[], [{ kind: 'path', plan: inner }]], true);
  }
  return makePlan(ast, source, []);
}

function argumentsOf(node: PathNode): PlanArgument[] {
  if (node.kind !== 'function') return [];
  return node.args.map((arg) => (arg.kind === 'json' ? { kind: 'json', value: arg.value } : { kind: 'path', plan: planFor(arg.path.ast, arg.path.source) }));
}

function makePlan(
  ast: readonly PathNode[],
  source: string,
  argsOverride: readonly (readonly PlanArgument[])[],
  definite = isDefinitePath(ast),
): PathPlan {
  const tokens: PlanToken[] = [];
  let upstreamDefinite = true;
  ast.forEach((node, index) => {
    const tokenDefinite = isTokenDefinite(ast, index);
    tokens.push({ node, leaf: index === ast.length - 1, tokenDefinite, upstreamDefinite, args: argsOverride[index] ?? argumentsOf(node) });
    upstreamDefinite = upstreamDefinite && tokenDefinite;
  });
  const prev = ast.length >= 2 ? ast[ast.length - 2] : undefined;
  return {
    source,
    tokens,
    definite,
    tailPrevFragment: prev ? fragmentOf(prev) : '',
    lookup: definite ? definiteLookupOf(ast) : undefined,
  };
}

/** Plan for length(path): the argument path with a wildcard appended, as Jayway's Length function does. */
export function withTrailingWildcard(plan: PathPlan): PathPlan {
  const last = plan.tokens[plan.tokens.length - 1];
  if (!last || last.node.kind === 'function') return plan;
  const wildcard: PathNode = { kind: 'wildcard', offset: last.node.offset + last.node.length, length: 0 };
  const ast = [...plan.tokens.map((token) => token.node), wildcard];
  return makePlan(ast, plan.source, plan.tokens.map((token) => token.args));
}

export function fragmentOf(node: PathNode): string {
  switch (node.kind) {
    case 'root': return node.symbol;
    case 'property': return `[${node.names.map((name) => `'${name}'`).join(',')}]`;
    case 'index': return `[${node.indexes.join(',')}]`;
    case 'slice': return `[${node.from ?? ''}:${node.to ?? ''}]`;
    case 'wildcard': return '[*]';
    case 'scan': return '..';
    case 'filter': return '[?]';
    case 'function': return `.${node.name}()`;
  }
}
