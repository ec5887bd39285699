import { suggestion } from '../../diagnostics/index.js';
import { hasSubstitution } from '../expression/opaque.js';

export type Container = 'states' | 'tasks' | 'menus' | 'bots';

const referencePattern = /^(?:\/([^/]+)|\.)\/(states|tasks|menus|bots)\/(state|task|menu|bot)\[(.*)\]$/;

/**
 * Why a reference (`/inboundCall/tasks/task[Main Task_10]`, `./tasks/task[x]`) does not resolve in this
 * flow, or undefined when it does. References holding a substitution, or into another file (`file.yaml#/…`),
 * are known only to Archy.
 */
export function referenceProblem(
  reference: string,
  flow: { rootKey: string; container: Container | undefined; refIds: ReadonlyMap<string, ReadonlySet<string>> },
): string | undefined {
  if (hasSubstitution(reference) || reference.includes('#')) return undefined;
  const match = referencePattern.exec(reference);
  if (!match) return `"${reference}" is not a reference; write /${flow.rootKey}/<tasks|states|menus>/<task|state|menu>[<refId>]`;
  const [, root, container, kind, refId] = match as unknown as [string, string | undefined, Container, string, string];
  if (root !== undefined && root.toLowerCase() !== flow.rootKey.toLowerCase()) return `the reference starts with /${root} but this flow is /${flow.rootKey}`;
  if (container.slice(0, -1) !== kind) return `${container} holds ${container.slice(0, -1)} entries, not ${kind}`;
  if (flow.container && container !== flow.container) return `this setting refers to ${flow.container}, not ${container}`;
  const ids = flow.refIds.get(container) ?? new Set<string>();
  return ids.has(refId) ? undefined : `no ${kind} with refId "${refId}" in this flow${suggestion(refId, ids)}`;
}
