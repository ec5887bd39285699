import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { defaultConfig, type LintConfig } from '../../src/lint/config.js';
import { fixFile } from '../../src/lint/fix-result.js';
import { lintText } from '../../src/lint/lint-files.js';
import { specTarget } from '../../src/lint/lint-target.js';
import { allRules, rulesById } from '../../src/lint/rules/index.js';
import { runRules } from '../../src/lint/run-lint.js';
import { parseSource } from '../../src/source/index.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { exportFixture, type ExportParts } from '../support/export-fixture.js';

/**
 * A spec (YAML, the default) or an export (JSON) to lint with only the rule under test enabled; `built` is a spec
 * as a program builds it, linted without the schema (for rules that guard what the schema refuses in files).
 */
export interface RuleCase {
  name: string;
  code: string;
  kind?: 'spec' | 'export' | 'built';
}

/** Where a finding starts: 1-based line and column, or the first occurrence of `at` in the code. */
export type ExpectedPlace = { line: number; column: number } | { at: string; offset?: number };

/**
 * One expected finding: of the rule under test, by its message id; or, by `ruleId`, of a stage that finds the
 * problem first (the compiler refusing the spec reports under the rule's id, a schema check under its own).
 */
export type ExpectedError = ExpectedPlace & ({ messageId: string; ruleId?: never } | { ruleId: string; messageId?: never });

export interface InvalidCase extends RuleCase {
  errors: ExpectedError[];
  /** The file after --fix: required when the rule fixes the case; `null` says that it does not. */
  output?: string | null;
}

/** Removes the common indentation of a template literal and its first newline, so cases read as files. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function onlyRule(ruleId: string): LintConfig {
  const config = defaultConfig('/virtual');
  config.extends = 'all';
  for (const rule of allRules) if (rule.id !== ruleId) config.rules[rule.id] = 'off';
  return config;
}

export function lintCase(ruleId: string, testCase: RuleCase): { diagnostics: Diagnostic[]; text: string; file: string } {
  const text = testCase.kind === 'export' ? testCase.code : dedent(testCase.code);
  const file = testCase.kind === 'export' ? '/virtual/action.custom.json' : '/virtual/test.action.yaml';
  if (testCase.kind === 'built') return { diagnostics: lintBuiltSpec(ruleId, file, text), text, file };
  return { ...lintText(file, text, onlyRule(ruleId)), text, file };
}

function lintBuiltSpec(ruleId: string, file: string, text: string): Diagnostic[] {
  const { source, value } = parseSource(file, text);
  const spec = value as ActionSpec;
  const artifact = compileAction(spec).artifact;
  if (!artifact) throw new Error('a built case must compile');
  return runRules(specTarget(source, spec, artifact), [{ rule: rulesById.get(ruleId)!, severity: 'error' }]).map((m) => m.diagnostic);
}

export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the case`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * The rule's cases, held to what ESLint's RuleTester asks: every expected finding names its message id, a case the
 * rule fixes states the fixed file, no case is there twice, and every message of the rule is exercised.
 */
export function runRuleTests(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    it('is registered', () => expect(rulesById.get(ruleId)?.id).toBe(ruleId));
    it('has valid and invalid cases, none twice', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      expect(duplicateCases([...cases.valid, ...cases.invalid])).toEqual([]);
    });
    it('exercises every message of the rule', () => expect(unexercisedMessages(ruleId, cases.invalid)).toEqual([]));
    it.each(cases.valid)('valid: $name', (testCase) => assertValidCase(ruleId, testCase));
    it.each(cases.invalid)('invalid: $name', (testCase) => assertInvalidCase(ruleId, testCase));
  });
}

export function assertValidCase(ruleId: string, testCase: RuleCase): void {
  const { diagnostics } = lintCase(ruleId, testCase);
  expect(diagnostics.map(summarise)).toEqual([]);
}

/** The case's findings are the expected ones, each by message id, and the file after --fix is `output`. */
export function assertInvalidCase(ruleId: string, testCase: InvalidCase): void {
  const messages = Object.keys(rulesById.get(ruleId)?.messages ?? {});
  const { diagnostics, text, file } = lintCase(ruleId, testCase);
  for (const e of testCase.errors) if (e.messageId !== undefined) expect(messages, `message id "${e.messageId}"`).toContain(e.messageId);
  const expected = testCase.errors.map((e) => {
    const { line, column } = 'at' in e ? positionOf(text, e.at, e.offset) : e;
    return e.messageId === undefined ? { ruleId: e.ruleId, line, column } : { ruleId, messageId: e.messageId, line, column };
  });
  const actual = diagnostics.map((d) => ({ ruleId: d.ruleId, ...(d.messageId === undefined ? {} : { messageId: d.messageId }), line: d.range?.start.line, column: d.range?.start.column }));
  expect(actual).toEqual(expected);
  const fixed = testCase.kind === 'built' ? text : fixFile(lintText(file, text, onlyRule(ruleId)), onlyRule(ruleId)).after;
  if (testCase.output === undefined) {
    expect(fixed, 'the rule fixed the code: give the fixed file as `output`').toBe(text);
  } else {
    expect(fixed, testCase.output === null ? 'the rule fixed the code, yet `output: null` says it does not' : 'the fixed file').toBe(
      testCase.output === null ? text : testCase.kind === 'export' ? testCase.output : dedent(testCase.output),
    );
  }
}

/** The rule's message ids that no invalid case expects. */
export function unexercisedMessages(ruleId: string, invalid: readonly InvalidCase[]): string[] {
  const exercised = new Set(invalid.flatMap((c) => c.errors.flatMap((e) => (e.messageId === undefined ? [] : [e.messageId]))));
  return Object.keys(rulesById.get(ruleId)?.messages ?? {}).filter((id) => !exercised.has(id));
}

/** Cases with the same code (after dedent) and kind, by name. */
export function duplicateCases(all: readonly RuleCase[]): string[] {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const testCase of all) {
    const key = `${testCase.kind ?? 'spec'}\u0000${testCase.kind === 'export' ? testCase.code : dedent(testCase.code)}`;
    const first = seen.get(key);
    if (first !== undefined) duplicates.push(`"${testCase.name}" repeats "${first}"`);
    else seen.set(key, testCase.name);
  }
  return duplicates;
}

function summarise(d: Diagnostic): string {
  return `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`;
}

/** A data-action export as the UI writes it, with parts replaced; JSON text with 2-space indentation. */
export function exportJson(parts: ExportParts): string {
  return `${JSON.stringify(exportFixture(parts), null, 2)}\n`;
}
