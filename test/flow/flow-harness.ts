import { join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkFlow } from '../../src/flow/check-flow.js';
import { flowCatalog } from '../../src/project/load-flows.js';
import type { ProjectFlow } from '../../src/project/model.js';
import type { FlowCatalog } from '../../src/flow/flow-catalog.js';
import type { FlowSpec } from '../../src/flow/flow-spec.js';
import { loadProject } from '../../src/project/load-project.js';
import { parseSource } from '../../src/source/index.js';
import { checkSpecShape } from '../../src/spec/load-spec.js';
import { repoRoot } from '../support/paths.js';

export const seedProject = await loadProject(join(repoRoot, 'definitions'));

/** The seed's actions plus the given flows (so their common modules are callable). */
export function catalogWith(flows: ProjectFlow[] = []): FlowCatalog {
  return flowCatalog(seedProject.actions, flows);
}

/** A flow spec from text, shape-checked and type-checked as `dactl build` does. */
export function loadFlowText(text: string, file = 'test.flow.yaml', others: ProjectFlow[] = []): ProjectFlow {
  const loaded = checkSpecShape<FlowSpec>(parseSource(file, text, { rejectUnsafeKeys: true }), 'flow');
  if (!loaded.spec || loaded.diagnostics.length) return { ...loaded, checked: false };
  const findings = checkFlow(loaded.spec, catalogWith([...others, { ...loaded, checked: false }]));
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...findings.map((f) => loaded.source.locate(f))];
  return { ...loaded, diagnostics, checked: !diagnostics.some((d) => d.severity === 'error') };
}

export function where(d: Diagnostic): string {
  return `${d.ruleId}@${d.range?.start.line}:${d.range?.start.column}`;
}
