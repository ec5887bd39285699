import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { defaultConfig, type LintConfig } from '../../src/lint/config.js';
import { fixFile } from '../../src/lint/fix-result.js';
import { lintText } from '../../src/lint/lint-files.js';
import { allRules, rulesById } from '../../src/lint/rules/index.js';
import { exportFixture, type ExportParts } from '../support/export-fixture.js';

/** A spec (YAML, the default) or an export (JSON) to lint with only the rule under test enabled. */
export interface RuleCase {
  name: string;
  code: string;
  kind?: 'spec' | 'export';
}

export interface InvalidCase extends RuleCase {
  /** Where each finding starts: 1-based line and column, or the first occurrence of `at` in the code. */
  errors: Array<({ line: number; column: number } | { at: string; offset?: number }) & { ruleId?: string }>;
  /** The file after --fix, when the rule fixes this case. */
  output?: string;
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
  return { ...lintText(file, text, onlyRule(ruleId)), text, file };
}

export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the case`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export function runRuleTests(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const rule = rulesById.get(ruleId);
  describe(ruleId, () => {
    it('is registered', () => expect(rule?.id).toBe(ruleId));
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    it.each(cases.valid)('valid: $name', (testCase) => {
      const { diagnostics } = lintCase(ruleId, testCase);
      expect(diagnostics.map(summarise)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', (testCase) => {
      const { diagnostics, text, file } = lintCase(ruleId, testCase);
      const expected = testCase.errors.map((e) => {
        const { line, column } = 'at' in e ? positionOf(text, e.at, e.offset) : e;
        return { ruleId: e.ruleId ?? ruleId, line, column };
      });
      expect(diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.range?.start.line, column: d.range?.start.column }))).toEqual(expected);
      if (testCase.output !== undefined) {
        const result = lintText(file, text, onlyRule(ruleId));
        expect(fixFile(result, onlyRule(ruleId)).after).toBe(testCase.kind === 'export' ? testCase.output : dedent(testCase.output));
      }
    });
  });
}

function summarise(d: Diagnostic): string {
  return `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`;
}

/** A data-action export as the UI writes it, with parts replaced; JSON text with 2-space indentation. */
export function exportJson(parts: ExportParts): string {
  return `${JSON.stringify(exportFixture(parts), null, 2)}\n`;
}
