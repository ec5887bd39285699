import type { PathSegment } from '../diagnostics/index.js';
import type { ActionFacts } from './action-facts.js';

export type RuleSeverity = 'error' | 'warn';

/** A part of a string value: `offset`/`length` count UTF-16 units of the decoded value. */
export interface Span {
  offset: number;
  length: number;
}

/** Replace `span` of the string value at the report's path (the whole value when no span) with `text`. */
export interface TextFix {
  span?: Span;
  text: string;
}

export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** A path into the data-action export (the compiled artifact for a spec). */
  path: PathSegment[];
  span?: Span;
  at?: 'key' | 'value';
  fix?: TextFix;
  /** How `from` should read in another rule's fix at this same place (e.g. `${input.x}` → `$!{input.x}`). */
  amend?: { from: string; to: string };
}

export interface RuleContext<MessageId extends string = string> {
  facts: ActionFacts;
  report(report: RuleReport<MessageId>): void;
}

export interface RuleMeta {
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
  return { ...definition, fixable: definition.fixable === true } as Rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** Where each rule's documentation lives; SARIF `helpUri` and the docs meta-test use it. */
export const ruleDocsBaseUrl = 'https://github.com/dactl/dactl/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${ruleDocsBaseUrl}${ruleId}.md`;
}
