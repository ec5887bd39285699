import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import { SpecLocations } from '../../src/lint/spec-locations.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';

const generated: ActionSpec = {
  name: 'T',
  integration: 'purecloud-data-actions',
  request: { method: 'POST', url: '/api/v2/users/{id}/x/${input.name}', body: { a: '{name}' } },
  inputs: { id: { type: 'string', required: true }, name: { type: 'string', required: true } },
  outputs: {
    user: { type: 'object', properties: { email: { type: 'string', from: '$.email', default: '' } } },
    total: { type: 'integer', from: '$.total' },
  },
};
const raw: ActionSpec = {
  name: 'T',
  integration: 'purecloud-data-actions',
  request: { method: 'GET', urlTemplate: '/x/${input.id}', headers: { Accept: 'application/json' } },
  contract: { input: { type: 'object', properties: { id: { type: 'string' } } }, output: { type: 'object', properties: {} } },
  response: { translationMap: { a: '$.a' }, translationMapDefaults: { a: '0' }, successTemplate: '{"a": ${a}}' },
};

describe('export paths mapped back to the spec', () => {
  const g = new SpecLocations(generated, compileAction(generated).artifact!);
  const r = new SpecLocations(raw, compileAction(raw).artifact!);
  it.each([
    ['an output nested in an object', g, { path: ['config', 'response', 'translationMap', 'user_email'], span: { offset: 2, length: 5 } }, { path: ['outputs', 'user', 'properties', 'email', 'from'], span: { offset: 2, length: 5 } }],
    ['its default', g, { path: ['config', 'response', 'translationMapDefaults', 'user_email'] }, { path: ['outputs', 'user', 'properties', 'email', 'default'] }],
    ['a translation key as a key', g, { path: ['config', 'response', 'translationMap', 'total'], at: 'key' as const }, { path: ['outputs', 'total'], at: 'key' }],
    ['url text after a placeholder', g, { path: ['config', 'request', 'requestUrlTemplate'], span: { offset: 38, length: 13 } }, { path: ['request', 'url'], span: { offset: 21, length: 13 } }],
    ['a placeholder', g, { path: ['config', 'request', 'requestUrlTemplate'], span: { offset: 16, length: 3 } }, { path: ['request', 'url'], span: { offset: 14, length: 4 } }],
    ['the generated body', g, { path: ['config', 'request', 'requestTemplate'], span: { offset: 3, length: 1 } }, { path: ['request', 'body'], at: 'key' }],
    ['the generated success template, at the output it prints', g, { path: ['config', 'response', 'successTemplate'], span: { offset: 57, length: 8 } }, { path: ['outputs', 'total'], at: 'key' }],
    ['an input property', g, { path: ['contract', 'input', 'inputSchema', 'properties', 'id', 'type'] }, { path: ['inputs', 'id', 'type'] }],
    ['a nested output property', g, { path: ['contract', 'output', 'successSchema', 'properties', 'user', 'properties', 'email'] }, { path: ['outputs', 'user', 'properties', 'email'] }],
    ['the method', g, { path: ['config', 'request', 'requestType'] }, { path: ['request', 'method'] }],
    ['a raw url template keeps its span', r, { path: ['config', 'request', 'requestUrlTemplate'], span: { offset: 3, length: 11 } }, { path: ['request', 'urlTemplate'], span: { offset: 3, length: 11 } }],
    ['a raw header', r, { path: ['config', 'request', 'headers', 'Accept'] }, { path: ['request', 'headers', 'Accept'] }],
    ['a raw success template', r, { path: ['config', 'response', 'successTemplate'], span: { offset: 6, length: 4 } }, { path: ['response', 'successTemplate'], span: { offset: 6, length: 4 } }],
    ['a raw contract', r, { path: ['contract', 'input', 'inputSchema', 'properties', 'id'], at: 'key' as const }, { path: ['contract', 'input', 'properties', 'id'], at: 'key' }],
  ])('%s', (_, locations, from, to) => {
    expect(locations.locate(from)).toEqual(to);
  });
});
