import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { UserError } from '../diagnostics/index.js';
import { findFiles, ignoreOptions, type IgnoreGlobs } from './find-files.js';

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

/** Finds definitions by name: `*.action.yaml`, `*.flow.yaml`, and `orgs/*.yaml` (see `findFiles` for the walk). */
export async function discoverDefinitions(root: string, ignore?: IgnoreGlobs): Promise<Discovery> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error || !info.isDirectory()) {
    const why = info instanceof Error ? (info.code === 'ENOENT' ? 'it does not exist' : `it cannot be read: ${info.code}`) : 'it is a file';
    throw new UserError(`${root} is not a folder of definitions (${why})`);
  }
  const found = await findFiles([root], { cwd: root, ...ignoreOptions(ignore), wanted: (relativePath) => /\.ya?ml$/i.test(relativePath) });
  const definitions: DefinitionFile[] = [];
  const unrecognised: string[] = [];
  for (const file of found.files) {
    const kind = kindOf(relative(root, file));
    if (kind) definitions.push({ kind, file });
    else if (!isOrgState(relative(root, file))) unrecognised.push(file);
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
