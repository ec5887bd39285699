import { compileAction } from '../compile/compile-action.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import { discoverDefinitions, type DefinitionFile } from './discover.js';

export interface ProjectAction extends LoadedSpec<ActionSpec> {
  /** The compiled export, when the spec compiled without errors. */
  artifact: DataActionExport | undefined;
}

export interface Project {
  root: string;
  actions: ProjectAction[];
  files: DefinitionFile[];
  diagnostics: Diagnostic[];
}

/** Loads, checks and compiles every definition under `root`; problems come back as diagnostics. */
export async function loadProject(root: string): Promise<Project> {
  const discovery = await discoverDefinitions(root);
  const diagnostics: Diagnostic[] = discovery.unrecognised.map((file) => ({
    ruleId: 'unknown-definition-file',
    severity: 'warn',
    message: 'not a dactl definition (expected *.action.yaml, *.flow.yaml or orgs/*.yaml); skipped',
    file,
    path: [],
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  }));
  const actionFiles = discovery.definitions.filter((d) => d.kind === 'action');
  const actions = await Promise.all(actionFiles.map((d) => loadAction(d.file)));
  for (const action of actions) diagnostics.push(...action.diagnostics);
  diagnostics.push(...duplicateNames(actions));
  return { root, actions, files: discovery.definitions, diagnostics };
}

export async function loadAction(file: string): Promise<ProjectAction> {
  const loaded = await loadSpec<ActionSpec>(file, 'action');
  const action: ProjectAction = { ...loaded, artifact: undefined };
  if (!loaded.spec) return action;
  const compiled = compileAction(loaded.spec);
  action.diagnostics = [...loaded.diagnostics, ...compiled.findings.map((f) => loaded.source.locate(f))];
  if (compiled.artifact && !loaded.diagnostics.some((d) => d.severity === 'error')) {
    const problems = schemaFindings(schemaValidator('data-action-export'), compiled.artifact, 'artifact');
    if (problems.length) {
      action.diagnostics.push(
        ...problems.map((p) =>
          loaded.source.locate({ ...p, path: [], message: `the compiled export is invalid: ${p.message}` }),
        ),
      );
    } else {
      action.artifact = compiled.artifact;
    }
  }
  return action;
}

function duplicateNames(actions: ProjectAction[]): Diagnostic[] {
  const byName = new Map<string, ProjectAction[]>();
  for (const action of actions) {
    if (!action.spec) continue;
    const key = `${action.spec.category ?? ''}\u0000${action.spec.name}`;
    byName.set(key, [...(byName.get(key) ?? []), action]);
  }
  const found: Diagnostic[] = [];
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const action of group) {
      const others = group.filter((a) => a !== action).map((a) => a.file);
      found.push(
        action.source.locate({
          ruleId: 'duplicate-action',
          severity: 'error',
          message: `another spec defines an action with the same name: ${others.join(', ')}; names must be unique`,
          path: ['name'],
        }),
      );
    }
  }
  return found;
}
