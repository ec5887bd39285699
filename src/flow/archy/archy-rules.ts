import type { Severity } from '../../diagnostics/index.js';
import { archyCheckTable, type ArchyCheckId } from '../../diagnostics/registry.js';

export interface ArchyRule {
  id: string;
  severity: Severity;
  description: string;
}

/** The checks dactl runs on Archy flow files, declared in the check registry. */
export const archyRules: readonly ArchyRule[] = archyCheckTable;

export type ArchyRuleId = ArchyCheckId;

export const archyRuleSeverity = new Map<string, Severity>(archyRules.map((rule) => [rule.id, rule.severity]));
