import type { PathNode } from './ast.js';
import { isArray, isMap, readProperty, UNDEFINED } from './json-model.js';

/** What a filter's sub-path yields when Jayway would throw PathNotFoundException. */
export const PATH_NOT_FOUND: unique symbol = Symbol('path not found');

type LookupStep = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'position'; readonly position: number };

/**
 * A definite path made only of single names and single indexes (`@.sessions[0].flowInType`), the usual
 * operand of a filter. Reading one directly gives the same value or miss as the full token chain, without
 * the throw-and-catch that makes a miss inside a filter costly.
 */
export interface DefiniteLookup {
  readonly steps: readonly LookupStep[];
}

export function definiteLookupOf(ast: readonly PathNode[]): DefiniteLookup | undefined {
  if (ast[0]?.kind !== 'root') return undefined;
  const steps: LookupStep[] = [];
  for (const node of ast.slice(1)) {
    if (node.kind === 'property' && node.names.length === 1) steps.push({ kind: 'name', name: node.names[0] as string });
    else if (node.kind === 'index' && node.indexes.length === 1) steps.push({ kind: 'position', position: node.indexes[0] as number });
    else return undefined;
  }
  return { steps };
}

/**
 * Follows `lookup` from `start`. `visit` is called once per token entered, root included, exactly as the
 * token chain counts its visits, so the work cap applies the same way.
 */
export function readDefiniteLookup(lookup: DefiniteLookup, start: unknown, visit: () => void): unknown {
  visit();
  let model = start;
  for (const step of lookup.steps) {
    visit();
    if (step.kind === 'name') {
      if (!isMap(model)) return PATH_NOT_FOUND;
      const value = readProperty(model, step.name);
      if (value === UNDEFINED) return PATH_NOT_FOUND;
      model = value;
    } else {
      if (!isArray(model)) return PATH_NOT_FOUND;
      const effective = step.position < 0 ? model.length + step.position : step.position;
      if (effective < 0 || effective >= model.length) return PATH_NOT_FOUND;
      model = model[effective];
    }
  }
  return model;
}
