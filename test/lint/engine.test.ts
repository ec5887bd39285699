import { describe, expect, it } from 'vitest';
import { defaultConfig, effectiveSettings, parseLintConfig } from '../../src/lint/config.js';
import { defineRule } from '../../src/lint/define-rule.js';
import { matchesGlob } from '../../src/project/glob.js';
import { lintText } from '../../src/lint/lint-files.js';
import { exportTarget } from '../../src/lint/lint-target.js';
import { runRules } from '../../src/lint/run-lint.js';
import { rulesById } from '../../src/lint/rules/index.js';
import { parseSource } from '../../src/source/index.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import { dedent, exportJson, onlyRule } from './rule-tester.js';

const where = (d: { ruleId: string; range?: { start: { line: number; column: number } } }) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`;

describe('running rules', () => {
  it('turns a rule that throws into rule-crashed for that rule, and the other rules still run', () => {
    const text = exportJson({ translationMap: { a: 'entities[0].id' }, successTemplate: '{"a": ${a}}' });
    const source = parseSource('/virtual/a.json', text).source;
    const crashing = defineRule({
      id: 'crashing',
      description: 'throws on purpose',
      defaultSeverity: 'error',
      recommended: true,
      messages: { never: 'never' },
      check() {
        throw new Error('boom');
      },
    });
    const messages = runRules(exportTarget(source, JSON.parse(text) as DataActionExport), [
      { rule: crashing, severity: 'error' },
      { rule: rulesById.get('jsonpath-missing-root')!, severity: 'warn' },
    ]);
    expect(messages.map((m) => m.diagnostic.ruleId)).toEqual(['rule-crashed', 'jsonpath-missing-root']);
    expect(messages[0]!.diagnostic.message).toContain('crashing');
  });

  it('says when a file is neither a spec nor an export, and skips it', () => {
    const json = lintText('/virtual/package.json', '{"name": "x"}', defaultConfig('/virtual'));
    const yaml = lintText('/virtual/notes.yaml', 'title: notes\n', defaultConfig('/virtual'));
    expect([json, yaml].map((r) => [r.kind, r.diagnostics.map(where)])).toEqual([
      ['skipped', ['not-a-definition 1:1']],
      ['skipped', ['not-a-definition 1:1']],
    ]);
  });

  it('reports an export-shaped file that breaks the export format', () => {
    const text = exportJson({}).replace('"requestType": "GET"', '"requestType": 7');
    expect(lintText('/virtual/a.json', text, defaultConfig('/virtual')).diagnostics.map(where)).toEqual(['not-an-export 8:22']);
  });

  it('reports compile problems for a spec that does not compile, instead of lint findings', () => {
    const text = dedent(`
      name: T
      integration: purecloud-data-actions
      request: { method: GET, url: "/api/v2/users/{userId}" }
    `);
    expect(lintText('/virtual/t.action.yaml', text, defaultConfig('/virtual')).diagnostics.map(where)).toEqual(['unknown-input-reference 3:45']);
  });

  it('gives no findings on the bundled definitions, with every rule on', async () => {
    const { lintPaths } = await import('../../src/lint/lint-files.js');
    const { repoRoot } = await import('../support/paths.js');
    const config = defaultConfig(repoRoot);
    config.extends = 'all';
    const result = await lintPaths([`${repoRoot}/definitions/actions`], config);
    expect(result.diagnostics.map(where)).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
  });
});

describe('inline suppressions', () => {
  const spec = (comment: string) =>
    dedent(`
      name: T
      integration: purecloud-data-actions
      request: { method: GET, url: /api/v2/externalcontacts/contacts }
      response:
        translationMap:
          ${comment}
          total: .total
          apellido: entities[0].lastName
        successTemplate: |
          {"t": \${total}, "a": \${apellido}}
    `);
  const lint = (text: string) => lintText('/virtual/t.action.yaml', text, onlyRule('jsonpath-missing-root')).diagnostics.map(where);

  it('suppresses the next key with a reason', () => {
    expect(lint(spec('# dactl-disable-next-line jsonpath-missing-root -- a deep scan is meant here'))).toEqual(['jsonpath-missing-root 8:15']);
  });

  it('reports a suppression without a reason and does not apply it', () => {
    expect(lint(spec('# dactl-disable-next-line jsonpath-missing-root'))).toEqual([
      'invalid-suppression 6:5',
      'jsonpath-missing-root 7:12',
      'jsonpath-missing-root 8:15',
    ]);
  });

  it('reports an unknown rule', () => {
    expect(lint(spec('# dactl-disable-next-line jsonpath-mising-root -- typo'))).toEqual([
      'invalid-suppression 6:5',
      'jsonpath-missing-root 7:12',
      'jsonpath-missing-root 8:15',
    ]);
  });

  it('covers the whole file, and reports a suppression that covers nothing', () => {
    const text = `# dactl-disable jsonpath-missing-root -- legacy paths, checked by hand\n# dactl-disable-next-line jsonpath-syntax -- nothing to hide\n${spec('# plain comment')}`;
    expect(lintText('/virtual/t.action.yaml', text, onlyRule('jsonpath-missing-root')).diagnostics.map(where)).toEqual([]);
    const all = lintText('/virtual/t.action.yaml', text, { ...onlyRule('jsonpath-missing-root'), rules: { ...onlyRule('x').rules, 'jsonpath-syntax': 'error' } });
    expect(all.diagnostics.map(where)).toEqual(['unused-suppression 2:1']);
  });

  it('works above a key at any depth, and reports one there that covers nothing', () => {
    const text = dedent(`
      name: T
      integration: purecloud-data-actions
      request: { method: GET, url: /api/v2/users/me }
      outputs:
        state:
          type: string
          # dactl-disable-next-line jsonpath-missing-root -- Jayway adds the root
          from: state
        name:
          type: string
          # dactl-disable-next-line jsonpath-missing-root -- nothing to hide
          from: $.name
    `);
    expect(lintText('/virtual/t.action.yaml', text, onlyRule('jsonpath-missing-root')).diagnostics.map(where)).toEqual(['unused-suppression 11:5']);
  });

  it('suppresses one rule of several at one place, leaving the others', () => {
    const text = dedent(`
      name: T
      integration: purecloud-data-actions
      request:
        method: POST
        url: /api/v2/things
        headers: { Content-Type: application/json }
        # dactl-disable-next-line optional-input-formal-reference -- the flow always sets it
        template: '{"name": "\${input.name}"}'
      inputs: { name: { type: string } }
    `);
    const config = onlyRule('body-unescaped-input');
    config.rules['optional-input-formal-reference'] = 'warn';
    const found = lintText('/virtual/t.action.yaml', text, config).diagnostics;
    expect(found.map((d) => [d.ruleId, d.ruleIds])).toEqual([['body-unescaped-input', undefined]]);
  });

  it('covers a whole multi-line value, where the comment cannot be inside', () => {
    const text = dedent(`
      name: T
      integration: purecloud-data-actions
      request: { method: GET, url: /api/v2/users/me }
      response:
        translationMap: { name: $.name }
        # dactl-disable-next-line success-template-quoted-variable -- the consumer expects the quotes
        successTemplate: |
          {
            "name": "\${name}"
          }
    `);
    expect(lintText('/virtual/t.action.yaml', text, onlyRule('success-template-quoted-variable')).diagnostics).toEqual([]);
  });
});

describe('configuration', () => {
  it('reports unknown rules with a suggestion, and bad severities, at their place in the file', () => {
    const { diagnostics } = parseLintConfig('/p/.dactl.yaml', 'extends: recommended\nrules:\n  jsonpath-mising-root: warn\n');
    expect(diagnostics.map((d) => [where(d), d.message])).toEqual([['config-unknown-rule 3:3', 'there is no rule "jsonpath-mising-root"; did you mean "jsonpath-missing-root"?']]);
    const bad = parseLintConfig('/p/.dactl.yaml', 'extends: everything\nrules:\n  unused-input: fatal\n');
    expect(bad.diagnostics.map(where)).toEqual(['config-enum 1:10', 'config-enum 3:17']);
  });

  it('starts from the preset, then rules, then matching overrides in order', () => {
    const { config } = parseLintConfig(
      '/p/.dactl.yaml',
      dedent(`
        extends: all
        rules:
          jsonpath-missing-root: error
        overrides:
          - files: ["legacy/**"]
            rules: { jsonpath-missing-root: off, unused-input: info }
          - files: ["*.json"]
            rules: { unused-input: error }
      `),
    );
    const setting = (file: string | undefined, id: string) => effectiveSettings(config, file).get(rulesById.get(id)!);
    expect(setting(undefined, 'unused-input')).toBe('warn');
    expect(setting('/p/definitions/a.action.yaml', 'jsonpath-missing-root')).toBe('error');
    expect(setting('/p/legacy/x/a.action.yaml', 'jsonpath-missing-root')).toBe('off');
    expect(setting('/p/legacy/a.json', 'unused-input')).toBe('error');
    expect(effectiveSettings(defaultConfig('/p')).get(rulesById.get('unused-input')!)).toBe('off');
  });

  it.each([
    ['definitions/actions/a.action.yaml', 'definitions/**', true],
    ['definitions/actions/a.action.yaml', '**/*.action.yaml', true],
    ['a.action.yaml', '**/*.action.yaml', true],
    ['definitions/a.json', '*.json', true],
    ['definitions/a.json', 'definitions/*.{json,yaml}', true],
    ['definitions/x/a.json', 'definitions/*.json', false],
    ['definitions/b/a.json', 'definitions/{a,{b,c}}/*.json', true],
    ['definitions/d/a.json', 'definitions/{a,{b,c}}/*.json', false],
    ['legacy/b.action.yaml', 'legacy/[ab].action.yaml', true],
    ['legacy/c.action.yaml', 'legacy/[ab].action.yaml', false],
    ['legacy', 'legacy/**', true],
  ])('glob: %s against %s is %s', (path, glob, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });
});
