import { describe, expect, it } from 'vitest';
import { compileAction } from '../../../src/compile/compile-action.js';
import { parseSource } from '../../../src/source/index.js';
import type { ActionSpec } from '../../../src/spec/action-spec.js';
import { specTarget } from '../../../src/lint/lint-target.js';
import { runRules } from '../../../src/lint/run-lint.js';
import { rulesById } from '../../../src/lint/rules/index.js';
import { dedent, runRuleTests } from '../rule-tester.js';

runRuleTests('category-too-long', {
  valid: [
    {
      name: 'an integration name',
      code: `
        name: T
        integration: purecloud-data-actions
        category: Genesys Cloud Data Actions
        request: { method: GET, url: /api/v2/users/me }
      `,
    },
  ],
  invalid: [
    {
      // The spec schema refuses it first (spec-range); the rule speaks for callers that build specs themselves.
      name: 'a spec file: the schema reports the length at the same place',
      code: `
        name: T
        integration: purecloud-data-actions
        category: ${'c'.repeat(257)}
        request: { method: GET, url: /api/v2/users/me }
      `,
      errors: [{ ruleId: 'spec-range', line: 3, column: 11 }],
    },
  ],
});

describe('category-too-long on a spec built in code', () => {
  const cases = [
    { category: `${'é'.repeat(128)}${'😀'.repeat(128)}`, errors: [] },
    { category: `${'é'.repeat(128)}${'😀'.repeat(129)}`, errors: [{ line: 3, column: 11 }] },
  ];
  it.each(cases)('$errors.length finding(s)', ({ category, errors }) => {
    const text = dedent(`
      name: T
      integration: purecloud-data-actions
      category: ${category}
      request: { method: GET, url: /api/v2/users/me }
    `);
    const source = parseSource('/virtual/t.action.yaml', text).source;
    const spec: ActionSpec = { name: 'T', integration: 'purecloud-data-actions', category, request: { method: 'GET', url: '/api/v2/users/me' } };
    const artifact = compileAction(spec).artifact!;
    const messages = runRules(specTarget(source, spec, artifact), [{ rule: rulesById.get('category-too-long')!, severity: 'warn' }]);
    expect(messages.map((m) => ({ line: m.diagnostic.range?.start.line, column: m.diagnostic.range?.start.column }))).toEqual(errors);
  });
});
