import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/** Where flows call data actions: `category\u0000name` (category empty when a flow names none) → the flow files. */
export type FlowCallers = Map<string, string[]>;

export function callerKey(category: string | undefined, name: string): string {
  return `${category ?? ''}\u0000${name}`;
}

/**
 * The YAML files under the definitions folder that call actions: dactl flow specs (`callAction: { action }`) and
 * Archy flows (`callData: { category: { <category>: { dataAction: { <name>: … } } } }`). A file that does not
 * parse is skipped; this answers "what breaks", it does not check flows.
 */
export async function findFlowCallers(definitionsDir: string): Promise<FlowCallers> {
  const callers: FlowCallers = new Map();
  const entries = await readdir(definitionsDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !/\.ya?ml$/i.test(entry.name) || /\.action\.ya?ml$/i.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    let document: unknown;
    try {
      document = parse(await readFile(file, 'utf8'), { maxAliasCount: 100 });
    } catch {
      continue;
    }
    const label = relative(definitionsDir, file).split('\\').join('/');
    for (const key of calledActions(document)) {
      const files = callers.get(key) ?? [];
      if (!files.includes(label)) files.push(label);
      callers.set(key, files);
    }
  }
  return callers;
}

/** Walks the document with a stack, not recursion: flows nest deeply. */
function calledActions(document: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [document];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const callAction = record.callAction as { action?: unknown } | undefined;
    if (typeof callAction?.action === 'string') found.push(callerKey(undefined, callAction.action));
    const categories = (record.callData as { category?: unknown } | undefined)?.category;
    if (typeof categories === 'object' && categories !== null) {
      for (const [category, inner] of Object.entries(categories)) {
        const actions = (inner as { dataAction?: unknown } | null)?.dataAction;
        if (typeof actions === 'object' && actions !== null) for (const name of Object.keys(actions)) found.push(callerKey(category, name));
      }
    }
    for (const value of Object.values(record)) stack.push(value);
  }
  return found;
}

/** The flows that call this action, by category and name or (dactl flow specs) by name alone. */
export function callersOf(callers: FlowCallers, category: string | undefined, name: string): string[] {
  const files = [...(callers.get(callerKey(category, name)) ?? []), ...(callers.get(callerKey(undefined, name)) ?? [])];
  return [...new Set(files)].sort();
}
