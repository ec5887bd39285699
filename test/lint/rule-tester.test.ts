import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/lint/rules/index.js';
import { repoRoot } from '../support/paths.js';
import { assertInvalidCase, assertValidCase, duplicateCases, unexercisedMessages, type InvalidCase } from './rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: "/api/v2/conversations/{id}" }
  inputs: { id: { type: string, required: true } }
`;
const bareDefault = {
  name: 'a bare word default',
  code: `${header}
  response:
    translationMap: { state: $.state }
    translationMapDefaults: { state: disconnected }
    successTemplate: '{"state": \${state}}'
`,
};
const fixed = bareDefault.code.replace('state: disconnected', `state: '"disconnected"'`);

describe('the rule tester refuses what ESLint refuses', () => {
  it('passes a case that states message id, place and fixed file', () => {
    assertInvalidCase('default-not-json', { ...bareDefault, errors: [{ messageId: 'notJson', at: 'disconnected' }], output: fixed });
  });

  it('a finding expected under the wrong message id', () => {
    expect(() => assertInvalidCase('default-not-json', { ...bareDefault, errors: [{ messageId: 'empty', at: 'disconnected' }], output: fixed })).toThrow();
  });

  it('a message id the rule does not have', () => {
    expect(() => assertInvalidCase('default-not-json', { ...bareDefault, errors: [{ messageId: 'notJSON', at: 'disconnected' }], output: fixed })).toThrow(/message id "notJSON"/);
  });

  it('a case the rule fixes without the fixed file, or with output: null', () => {
    const errors: InvalidCase['errors'] = [{ messageId: 'notJson', at: 'disconnected' }];
    expect(() => assertInvalidCase('default-not-json', { ...bareDefault, errors })).toThrow(/give the fixed file as `output`/);
    expect(() => assertInvalidCase('default-not-json', { ...bareDefault, errors, output: null })).toThrow(/`output: null` says it does not/);
  });

  it('a valid case with a finding', () => {
    expect(() => assertValidCase('default-not-json', bareDefault)).toThrow();
  });

  it('the same code twice, whatever the names and indentation', () => {
    const again = { ...bareDefault, name: 'again', code: bareDefault.code.replace(/\n {2}/g, '\n    ') };
    expect(duplicateCases([bareDefault, again, { ...bareDefault, kind: 'export' as const, name: 'as an export' }])).toEqual(['"again" repeats "a bare word default"']);
  });

  it('a message no invalid case exercises', () => {
    expect(unexercisedMessages('default-not-json', [{ ...bareDefault, errors: [{ messageId: 'notJson', at: 'disconnected' }] }])).toEqual(['empty']);
  });
});

describe('every rule test', () => {
  it('goes through runRuleTests, which checks that each message of the rule is exercised', () => {
    const dir = join(repoRoot, 'test/lint/rules');
    for (const rule of allRules) expect(readFileSync(join(dir, `${rule.id}.test.ts`), 'utf8'), rule.id).toContain(`runRuleTests('${rule.id}', {`);
    expect(readdirSync(dir).length).toBe(allRules.length);
  });
});
