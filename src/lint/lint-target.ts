import type { SourceLocation } from '../diagnostics/location.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { SourceDocument } from '../source/index.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { ActionFacts } from './action-facts.js';
import { SpecLocations } from './spec-locations.js';

/** One action to lint: its facts (over the export) and how export paths map to where they are written. */
export interface LintTarget {
  file: string;
  kind: 'spec' | 'export';
  source: SourceDocument;
  facts: ActionFacts;
  /** Where a location in the export is written in the file (the same path for an export file). */
  locate(location: SourceLocation): SourceLocation;
}

export function exportTarget(source: SourceDocument, action: DataActionExport): LintTarget {
  const timeoutSeconds = (action.config as { timeoutSeconds?: unknown }).timeoutSeconds;
  return {
    file: source.file,
    kind: 'export',
    source,
    facts: new ActionFacts({ action, timeoutSeconds }),
    locate: (location) => location,
  };
}

export function specTarget(source: SourceDocument, spec: ActionSpec, artifact: DataActionExport): LintTarget {
  const locations = new SpecLocations(spec, artifact);
  const linted = { action: artifact, timeoutSeconds: spec.timeoutSeconds, ...(spec.category === undefined ? {} : { category: spec.category }) };
  return {
    file: source.file,
    kind: 'spec',
    source,
    facts: new ActionFacts(linted),
    locate: (location) => locations.locate(location),
  };
}
