import type { Diagnostic } from '../diagnostics/index.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import { checkFlow } from '../flow/check-flow.js';
import { actionSignature, moduleSignature, type FlowCatalog } from '../flow/flow-catalog.js';
import type { FlowSpec } from '../flow/flow-spec.js';
import { fileConcurrency, mapBounded } from './map-bounded.js';
import type { ProjectAction, ProjectFlow } from './model.js';

function emptyCatalog(): FlowCatalog {
  return { actions: new Map(), modules: new Map() };
}

/** The actions (those that compiled) and common modules (those with a valid shape) flows may call. */
export function flowCatalog(actions: readonly ProjectAction[], flows: readonly LoadedSpec<FlowSpec>[]): FlowCatalog {
  const catalog = emptyCatalog();
  for (const action of actions) {
    if (action.artifact) catalog.actions.set(action.artifact.name, actionSignature(action.artifact));
  }
  for (const flow of flows) {
    if (flow.spec?.type === 'commonModule') catalog.modules.set(flow.spec.name, moduleSignature(flow.spec));
  }
  return catalog;
}

/** Loads flow specs, checks their shape, then type-checks each against the actions and modules. */
export async function loadFlows(files: readonly string[], actions: readonly ProjectAction[]): Promise<{ flows: ProjectFlow[]; catalog: FlowCatalog }> {
  const loaded = await mapBounded(files, fileConcurrency, (file) => loadSpec<FlowSpec>(file, 'flow'));
  const catalog = loaded.length ? flowCatalog(actions, loaded) : emptyCatalog();
  const flows = loaded.map((flow): ProjectFlow => {
    if (!flow.spec || flow.diagnostics.some((d) => d.severity === 'error')) return { ...flow, checked: false };
    const findings = checkFlow(flow.spec, catalog);
    const diagnostics = [...flow.diagnostics, ...findings.map((f) => flow.source.locate(f))];
    return { ...flow, diagnostics, checked: !diagnostics.some((d) => d.severity === 'error') };
  });
  return { flows, catalog };
}

export function duplicateFlowNames(flows: readonly ProjectFlow[]): Diagnostic[] {
  const byName = new Map<string, ProjectFlow[]>();
  for (const flow of flows) if (flow.spec) byName.set(flow.spec.name, [...(byName.get(flow.spec.name) ?? []), flow]);
  return [...byName.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((flow) =>
        flow.source.locate({
          ruleId: 'duplicate-flow',
          severity: 'error',
          message: `another flow spec has the same name: ${group.filter((f) => f !== flow).map((f) => f.file).join(', ')}; names must be unique`,
          path: ['name'],
        }),
      ),
    );
}
