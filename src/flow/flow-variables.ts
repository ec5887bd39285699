import type { ArchitectType } from './architect-types.js';
import type { VariableSpec } from './flow-spec.js';

/** Variables in declaration order, the short `name: type` form expanded. */
export function normaliseVariables(variables: Record<string, VariableSpec | ArchitectType> | undefined): Map<string, VariableSpec> {
  const normalised = new Map<string, VariableSpec>();
  for (const [name, variable] of Object.entries(variables ?? {})) {
    normalised.set(name, typeof variable === 'string' ? { type: variable } : variable);
  }
  return normalised;
}
