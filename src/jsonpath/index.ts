import type { PathNode } from './ast.js';
import { firstIndefiniteIndex } from './definite.js';
import { JsonPathEvaluationError, type JaywayException } from './errors.js';
import { withRegexBudget } from '../java/regex/pattern.js';
import { planFor } from './evaluation-plan.js';
import { evaluatePlan } from './evaluator.js';
import { JavaDouble } from '../java/double.js';
import { isArray, MAX_DOCUMENT_DEPTH } from './json-model.js';
import { parsePath } from './parser.js';

export type * from './ast.js';
export { JsonPathSyntaxError, JsonPathEvaluationError, type JaywayException } from './errors.js';
export { toJsonText } from './json-text.js';
export { isDefinitePath, isTokenDefinite, firstIndefiniteIndex } from './definite.js';
export { FUNCTION_NAMES } from './functions.js';

export type QueryResult =
  | { found: true; value: unknown; double?: boolean }
  /**
   * Nothing to return. `exception` names the Jayway exception: PathNotFoundException (the usual case,
   * when a translation-map default applies), InvalidPathException (e.g. a filter applied to a string)
   * or JsonPathException (e.g. sum() of no numbers, or one of our safety limits).
   */
  | { found: false; reason: string; exception?: JaywayException };

export interface CompiledPath {
  readonly source: string;
  readonly hasRoot: boolean;
  readonly definite: boolean;
  readonly firstIndefinite?: { offset: number; length: number };
  readonly ast: PathNode[];
  evaluate(document: unknown): QueryResult;
}

const CACHE_LIMIT = 1_000;
const cache = new Map<string, CompiledPath>();

/** Compiles a Jayway JsonPath; throws JsonPathSyntaxError (offset into `path`) where Jayway throws InvalidPathException. */
export function compileJsonPath(path: string): CompiledPath {
  const cached = cache.get(path);
  if (cached) {
    cache.delete(path);
    cache.set(path, cached);
    return cached;
  }
  const compiled = compileUncached(path);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(path, compiled);
  return compiled;
}

function compileUncached(path: string): CompiledPath {
  const { ast, hasRoot } = parsePath(path);
  const plan = planFor(ast, path);
  const indefiniteAt = firstIndefiniteIndex(ast);
  const indefiniteNode = ast[indefiniteAt];
  return {
    source: path,
    hasRoot,
    definite: plan.definite,
    ...(indefiniteNode ? { firstIndefinite: { offset: indefiniteNode.offset, length: indefiniteNode.length } } : {}),
    ast,
    evaluate(document: unknown): QueryResult {
      try {
        return shapeResult(withRegexBudget(() => evaluatePlan(plan, document)));
      } catch (error) {
        if (error instanceof JsonPathEvaluationError) return { found: false, reason: error.message, exception: error.exception };
        if (error instanceof RangeError) {
          return { found: false, reason: `the document is too deeply nested to evaluate (limit about ${MAX_DOCUMENT_DEPTH} levels)`, exception: 'JsonPathException' };
        }
        throw error;
      }
    },
  };
}

function shapeResult(value: unknown): QueryResult {
  if (value instanceof JavaDouble) return { found: true, value: value.value, double: true };
  if (isArray(value)) return { found: true, value: value.map((item) => (item instanceof JavaDouble ? item.value : item)) };
  return { found: true, value };
}

export function queryJsonPath(path: string, document: unknown): QueryResult {
  return compileJsonPath(path).evaluate(document);
}

