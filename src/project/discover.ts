import { readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../diagnostics/index.js';

export type DefinitionKind = 'action' | 'flow' | 'org';

export interface DefinitionFile {
  kind: DefinitionKind;
  file: string;
}

export interface Discovery {
  definitions: DefinitionFile[];
  /** YAML files that are none of the known kinds. */
  unrecognised: string[];
}

/** Finds definitions by name: `*.action.yaml`, `*.flow.yaml`, and `orgs/*.yaml`. Follows each folder once. */
export async function discoverDefinitions(root: string): Promise<Discovery> {
  const definitions: DefinitionFile[] = [];
  const unrecognised: string[] = [];
  const seen = new Set<string>();

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)))) {
        await walk(path);
        continue;
      }
      const kind = kindOf(relative(root, path));
      if (kind) definitions.push({ kind, file: path });
      else if (/\.ya?ml$/i.test(entry.name) && !isOrgState(relative(root, path))) unrecognised.push(path);
    }
  };
  try {
    await walk(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserError(`${root} is not a folder of definitions (${code === 'ENOENT' ? 'it does not exist' : 'it is a file'})`);
    }
    throw error;
  }
  return { definitions, unrecognised };
}

function kindOf(relativePath: string): DefinitionKind | undefined {
  const name = relativePath.split(sep).pop() ?? '';
  if (/\.action\.ya?ml$/i.test(name)) return 'action';
  if (/\.flow\.ya?ml$/i.test(name)) return 'flow';
  if (relativePath.split(sep)[0] === 'orgs' && /\.ya?ml$/i.test(name) && !isOrgState(relativePath)) return 'org';
  return undefined;
}

/** `orgs/<org>.state.yaml`: push's and pull's record of action ids, known but not a definition. */
function isOrgState(relativePath: string): boolean {
  return relativePath.split(sep)[0] === 'orgs' && /\.state\.ya?ml$/i.test(relativePath);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await readdir(path)) !== undefined;
  } catch {
    return false;
  }
}
