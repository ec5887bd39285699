import { writeFileAtomic } from '../files/atomic-write.js';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { UserError } from '../diagnostics/index.js';
import { orgsDir } from './load-profiles.js';

/** One org action and the spec that defines it. */
export interface StateEntry {
  id: string;
  /** The spec file, relative to the definitions folder, with `/`. */
  file: string;
  name: string;
  category: string;
}

export function statePath(definitionsDir: string, org: string): string {
  return join(orgsDir(definitionsDir), `${org}.state.yaml`);
}

export function stateFileOf(definitionsDir: string, specFile: string): string {
  return relative(definitionsDir, specFile).split(sep).join('/');
}

/** The entries of `orgs/<org>.state.yaml`; none when there is no such file (the first push or pull). */
export async function readOrgState(definitionsDir: string, org: string): Promise<StateEntry[]> {
  const file = statePath(definitionsDir, org);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid YAML (${(error as Error).message.split('\n')[0]}); restore it from git, or delete it to match by name`);
  }
  const actions = (parsed as { actions?: unknown } | null)?.actions ?? [];
  if (!Array.isArray(actions) || !actions.every(isEntry)) {
    throw new UserError(`${file}: every line under actions: needs id, file, name and category; restore it from git, or delete it to match by name`);
  }
  return actions;
}

function isEntry(value: unknown): value is StateEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return ['id', 'file', 'name', 'category'].every((key) => typeof entry[key] === 'string');
}

/**
 * The state file's text: one line per action, sorted by spec file then id, so that two branches that each
 * push or pull different actions merge without conflicts.
 */
export function stateText(org: string, entries: readonly StateEntry[]): string {
  const sorted = [...entries].sort((a, b) => compare(a.file, b.file) || compare(a.id, b.id));
  const lines = sorted.map(
    (entry) => `  - ${stringify({ id: entry.id, file: entry.file, category: entry.category, name: entry.name }, { flowCollectionPadding: true, lineWidth: 0, collectionStyle: 'flow' }).trim()}`,
  );
  return [
    `# Which action in org "${org}" each spec is, so that a renamed or moved spec updates the same action.`,
    '# Written by dactl push and dactl pull; commit it with the definitions.',
    lines.length ? 'actions:' : 'actions: []',
    ...lines,
    '',
  ].join('\n');
}

/** Written whole or not at all (an atomic write); a failure says what it means for the org. */
export function writeOrgState(definitionsDir: string, org: string, entries: readonly StateEntry[]): void {
  const file = statePath(definitionsDir, org);
  try {
    writeFileAtomic(file, stateText(org, entries));
  } catch (error) {
    throw new UserError(`${(error as Error).message}; the org was changed, so re-run dactl pull to record its ids`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
