import { compareDiagnostics, dedupeDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { ProjectAction } from '../project/model.js';
import type { LintConfig } from './config.js';
import { lintTarget } from './lint-files.js';
import { specTarget } from './lint-target.js';

/** Lint findings for a loaded project's compiled actions (actions that did not compile are left to the compiler's report). */
export function lintProjectActions(actions: readonly ProjectAction[], config: LintConfig): Diagnostic[] {
  const result: { diagnostics: Diagnostic[]; fixes: [] } = { diagnostics: [], fixes: [] };
  for (const action of actions) {
    if (!action.spec || !action.artifact) continue;
    lintTarget(specTarget(action.source, action.spec, action.artifact), config, result);
  }
  return dedupeDiagnostics(result.diagnostics).sort(compareDiagnostics);
}
