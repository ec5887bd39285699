import type { SourceLocation, Span } from '../diagnostics/location.js';
import { docsUrl, type CheckMeta } from '../diagnostics/registry.js';
import type { ActionFacts } from './action-facts.js';

export type RuleSeverity = 'error' | 'warn';

export type { Span } from '../diagnostics/location.js';

/** Replace `span` of the string value at the report's path (the whole value when no span) with `text`. */
export interface TextFix {
  span?: Span;
  text: string;
}

/** `path` is into the data-action export (the compiled artifact for a spec). */
export interface RuleReport<MessageId extends string> extends SourceLocation {
  messageId: MessageId;
  data?: Record<string, string | number>;
  fix?: TextFix;
  /** How `from` should read in another rule's fix at this same place (e.g. `${input.x}` → `$!{input.x}`). */
  amend?: { from: string; to: string };
}

export interface RuleContext<MessageId extends string = string> {
  facts: ActionFacts;
  report(report: RuleReport<MessageId>): void;
}

export interface RuleMeta extends CheckMeta {
  id: string;
  description: string;
  defaultSeverity: RuleSeverity;
  /** Enabled by `extends: recommended` (the default); every rule is enabled by `extends: all`. */
  recommended: boolean;
  fixable: boolean;
  messages: Readonly<Record<string, string>>;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export interface RuleDefinition<MessageId extends string> {
  id: string;
  description: string;
  defaultSeverity: RuleSeverity;
  recommended: boolean;
  fixable?: boolean;
  messages: Record<MessageId, string>;
  check(context: RuleContext<MessageId>): void;
}

export function defineRule<const MessageId extends string>(definition: RuleDefinition<MessageId>): Rule {
  return { ...definition, fixable: definition.fixable === true, docs: ruleDocsPath(definition.id) } as Rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** Where each rule's documentation lives, relative to the repository root. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string): string {
  return docsUrl({ docs: ruleDocsPath(ruleId) });
}
