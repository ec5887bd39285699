import { relative } from 'node:path';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { exportSlug, serializeExport } from '../export/data-action-export.js';
import { loadProject, type Project } from '../project/load-project.js';
import { compareTrees, readTree, replaceTree, type OutputTree, type TreeDifference } from './output-tree.js';

export interface BuildOptions {
  definitionsDir: string;
  outDir: string;
  /** `check`: compare with what is in outDir and write nothing. */
  check?: boolean;
}

export type BuildOutcome = 'written' | 'up-to-date' | 'not-written' | 'stale';

export interface BuildResult {
  outcome: BuildOutcome;
  diagnostics: Diagnostic[];
  tree: OutputTree;
  /** For `check` (and writes): how outDir differed from the definitions. */
  differences: TreeDifference[];
  project: Project;
}

/** Compiles every definition; writes out/ only when nothing has an error, and then atomically. */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const project = await loadProject(options.definitionsDir);
  const diagnostics = [...project.diagnostics];
  const tree: OutputTree = new Map();
  const owners = new Map<string, string>();
  for (const action of project.actions) {
    if (!action.artifact) continue;
    const path = `actions/${exportSlug(action.artifact.name)}.custom.json`;
    const owner = owners.get(path);
    if (owner) {
      diagnostics.push(
        action.source.locate({
          ruleId: 'duplicate-output',
          severity: 'error',
          message: `compiles to ${path}, as ${relative(options.definitionsDir, owner)} does; rename one of the actions`,
          path: ['name'],
        }),
      );
      continue;
    }
    owners.set(path, action.file);
    tree.set(path, serializeExport(action.artifact));
  }
  diagnostics.sort(compareDiagnostics);

  const base = { diagnostics, tree, project };
  if (hasErrors(diagnostics)) return { ...base, outcome: 'not-written', differences: [] };
  const differences = compareTrees(tree, await readTree(options.outDir));
  if (options.check) return { ...base, outcome: differences.length ? 'stale' : 'up-to-date', differences };
  if (differences.length === 0) return { ...base, outcome: 'up-to-date', differences };
  await replaceTree(options.outDir, tree);
  return { ...base, outcome: 'written', differences };
}
