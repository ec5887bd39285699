import { runRuleTests } from '../rule-tester.js';

const builtWithCategory = (category: string) => `
  name: T
  integration: purecloud-data-actions
  category: ${category}
  request: { method: GET, url: /api/v2/users/me }
`;

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
    {
      name: 'a spec built in code with 256 characters that are more UTF-16 units',
      kind: 'built',
      code: builtWithCategory(`${'é'.repeat(128)}${'😀'.repeat(128)}`),
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
    {
      name: 'a spec built in code, counted in characters (256 é and 😀 are at the limit, 257 over it)',
      kind: 'built',
      code: builtWithCategory(`${'é'.repeat(128)}${'😀'.repeat(129)}`),
      errors: [{ messageId: 'long', line: 3, column: 11 }],
    },
  ],
});
