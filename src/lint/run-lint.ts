import type { Diagnostic, PathSegment, Severity } from '../diagnostics/index.js';
import { formatMessage, type Rule, type RuleReport, type Span } from './define-rule.js';
import type { LintTarget } from './lint-target.js';

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
}

/** A fix placed in the file: replace `span` of the string scalar at `path`. */
export interface SourceFix {
  ruleId: string;
  path: PathSegment[];
  span: Span;
  text: string;
}

export interface LintMessage {
  diagnostic: Diagnostic;
  fix?: SourceFix;
  amend?: { from: string; to: string };
}

/** Runs every enabled rule on one action. A rule that throws is reported as `rule-crashed`; the others still run. */
export function runRules(target: LintTarget, rules: readonly EnabledRule[]): LintMessage[] {
  const messages: LintMessage[] = [];
  for (const { rule, severity } of rules) {
    const report = (found: RuleReport<string>): void => {
      const template = rule.messages[found.messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} has no message "${found.messageId}"`);
      const located = target.locate({ path: found.path, ...(found.span ? { span: found.span } : {}), ...(found.at ? { at: found.at } : {}) });
      const diagnostic = target.source.locate({
        ruleId: rule.id,
        severity,
        message: formatMessage(template, found.data),
        path: located.path,
        ...(located.at ? { at: located.at } : {}),
        ...(located.span ? { span: located.span } : {}),
      });
      const message: LintMessage = { diagnostic: { ...diagnostic, messageId: found.messageId } };
      const fix = found.fix && placeFix(target, rule.id, found.path, found.fix.span, found.fix.text);
      if (fix) message.fix = fix;
      if (found.amend) message.amend = found.amend;
      messages.push(message);
    };
    try {
      rule.check({ facts: target.facts, report });
    } catch (error) {
      messages.push({
        diagnostic: target.source.locate({
          ruleId: 'rule-crashed',
          severity: 'error',
          message: `rule ${rule.id} crashed on this file (${(error as Error).message}); the other rules ran. Please report this`,
          path: [],
        }),
      });
    }
  }
  return messages;
}

function placeFix(target: LintTarget, ruleId: string, path: PathSegment[], span: Span | undefined, text: string): SourceFix | undefined {
  const value = valueAt(target.facts.action, path);
  if (typeof value !== 'string') return undefined;
  const located = target.locate({ path, span: span ?? { offset: 0, length: value.length } });
  if (!located.span) return undefined;
  return { ruleId, path: located.path, span: located.span, text };
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}
