import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { simulateAction } from '../../src/simulate/index.js';
import { repoRoot } from '../support/paths.js';
import { action } from './action-builder.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'test/fixtures/responses', name), 'utf8');
const stringOutput = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
});

describe('steps', () => {
  test('a successful run reports every step in platform order', () => {
    const trace = simulateAction(action({ translationMap: { state: '$.state' }, successTemplate: '{"state": ${state}}' }), {
      input: { id: 'abc' },
      response: { body: { state: 'connected' } },
    });
    expect(trace.success).toBe(true);
    expect(trace.steps.map((s) => [s.step, s.ok])).toEqual([
      ['input', true], ['request', true], ['response', true], ['translation', true],
      ['template', true], ['parse', true], ['output', true], ['flatten', true],
    ]);
    expect(trace.request).toEqual({ method: 'GET', url: '/api/v2/things/abc', headers: {}, body: '{"id":"abc"}' });
    expect(trace.output).toEqual({ state: 'connected' });
    expect(trace.failure).toBeUndefined();
  });

  test.each([
    ['input', { inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } }, {}, { body: {} }, '`id` is missing'],
    ['request', { url: '/x/#if(' }, {}, { body: {} }, 'requestUrlTemplate'],
    ['response', {}, {}, { status: 404, body: '{"message":"conversation not found","code":"not.found"}' }, '404 Not Found: "conversation not found"'],
    ['response', {}, {}, { body: '<html><body>Bad gateway</body></html>' }, 'HTML or XML'],
    ['translation', { translationMap: { x: '$.missing' } }, {}, { body: {} }, "`x`: `$.missing` could not be resolved"],
    ['translation', { translationMap: { x: '$.a[?(@.b==' } }, {}, { body: {} }, 'invalid JSONPath'],
    ['template', { successTemplate: '{"a": ${nope}}' }, {}, { body: {} }, 'Variable $nope has not been set'],
    ['parse', { successTemplate: '{"a": }' }, {}, { body: {} }, 'not JSON'],
    ['output', { successTemplate: '{"a": 1}', successSchema: stringOutput('a') }, {}, { body: {} }, '`a` is the integer 1, but the output contract says string'],
  ])('a failure at %s names the step and the cause', (step, parts, input, response, message) => {
    const trace = simulateAction(action(parts), { input, response });
    expect(trace.success).toBe(false);
    expect(trace.failure?.step).toBe(step);
    expect(trace.failure?.message).toContain(message);
    expect(trace.steps.at(-1)).toMatchObject({ step, ok: false });
  });

  test('the success template failure reads like the platform error', () => {
    const trace = simulateAction(action({ successTemplate: '{"p": $Presences}' }), { response: { body: {} } });
    expect(trace.failure?.message).toBe(
      "success template: Transform failed to process result using 'successTemplate' template due to error:'Variable $Presences has not been set at successTemplate[line 1, column 7]'",
    );
  });
});

describe('translation map', () => {
  const run = (map: Record<string, string>, defaults: Record<string, string>, body: unknown, template: string) =>
    simulateAction(action({ translationMap: map, defaults, successTemplate: template }), { response: { body } });

  test('values are JSON text: strings arrive quoted', () => {
    const trace = run({ name: '$.name', n: '$.n', list: '$.items[*].id' }, {}, { name: 'Ana', n: 3, items: [{ id: 1 }] }, '{"name": ${name}, "n": ${n}, "list": ${list}}');
    expect(trace.translations.map((t) => t.value)).toEqual(['"Ana"', '3', '[1]']);
    expect(trace.output).toEqual({ name: 'Ana', n: 3, list: [1] });
  });

  test('the default is used only when the path does not resolve', () => {
    const trace = run({ total: '$.total' }, { total: '0' }, { entities: [] }, '{"total": ${total}}');
    expect(trace.translations[0]).toMatchObject({ outcome: 'default', value: '0' });
    expect(trace.output).toEqual({ total: 0 });
  });

  test('null stays null even with a default', () => {
    const trace = run({ total: '$.total' }, { total: '0' }, { total: null }, '{"total": ${total}}');
    expect(trace.translations[0]).toMatchObject({ outcome: 'value', value: 'null' });
    expect(trace.translations[0]?.notes.join()).toContain('null stays null');
    expect(trace.output).toEqual({ total: null });
  });

  test('an indefinite path that matches nothing is an empty list, not a default', () => {
    const trace = run({ ids: "$.participants[?(@.purpose=='agent')].id" }, { ids: '["none"]' }, { participants: [{ purpose: 'customer', id: 'c' }] }, '{"ids": ${ids}}');
    expect(trace.translations[0]).toMatchObject({ outcome: 'value', value: '[]', matches: 0, definite: false });
    expect(trace.translations[0]?.filters).toEqual([{ filter: "[?(@.purpose=='agent')]", matched: 0, of: 1 }]);
    expect(trace.translations[0]?.notes).toEqual(["`[?(@.purpose=='agent')]` matched none of the 1 participant (customer)"]);
  });

  test('a missing property before the filter fails and takes the default', () => {
    const trace = run({ ids: "$.participants[?(@.purpose=='agent')].id" }, { ids: '[]' }, {}, '{"ids": ${ids}}');
    expect(trace.translations[0]).toMatchObject({ outcome: 'default', value: '[]' });
  });

  test('a default that is not a JSON literal is flagged and breaks the parse step', () => {
    const trace = run({ state: '$.state' }, { state: 'disconnected' }, {}, '{"state": ${state}}');
    expect(trace.failure?.step).toBe('parse');
    expect(trace.failure?.message).toContain('is not a JSON literal');
  });

  test('Java doubles keep their .0', () => {
    const trace = run({ sum: '$.values.sum()' }, {}, { values: [4, 6] }, '{"sum": ${sum}}');
    expect(trace.translations[0]?.value).toBe('10.0');
  });

  test('a path without $ gets $. prepended, so .total is a deep scan', () => {
    const trace = run({ t: '.total' }, {}, { a: { total: 2 } }, '{"t": ${t}}');
    expect(trace.translations[0]).toMatchObject({ definite: false, value: '[2]' });
  });

  test('an empty body resolves nothing; defaults apply', () => {
    const trace = simulateAction(action({ translationMap: { x: '$.x' }, defaults: { x: '"none"' }, successTemplate: '{"x": ${x}}' }), {
      response: { status: 204, body: '' },
    });
    expect(trace.success).toBe(true);
    expect(trace.output).toEqual({ x: 'none' });
    expect(trace.translations[0]?.reason).toBe('the response has no body');
  });
});

describe('explanations', () => {
  test('a definite index says which participant it picked', () => {
    const trace = simulateAction(action({ translationMap: { id: '$.participants[2].id' }, successTemplate: '{"id": ${id}}' }), {
      response: { body: fixture('conversation-webchat.json') },
    });
    expect(trace.translations[0]?.notes).toEqual([
      "resolved to the acd participant's `id` (participants[2] is the acd participant)",
      '`participants`: [0] customer, [1] workflow, [2] acd, [3] agent',
    ]);
  });

  test('an empty chats list is named', () => {
    const body = { participants: [{ purpose: 'customer', chats: [] }, { purpose: 'agent', chats: [{ id: 'x' }] }] };
    const trace = simulateAction(action({ translationMap: { c: "$.participants[?(@.purpose=='customer')].chats[0].id" }, successTemplate: '{"c": ${c}}' }), {
      response: { body },
    });
    expect(trace.translations[0]?.notes).toEqual(['`chats` of the customer participant is empty']);
  });

  test('an index past the end says how many items there are', () => {
    const trace = simulateAction(action({ translationMap: { id: '$.participants[7].id' }, successTemplate: '{}' }), {
      response: { body: fixture('conversation-webchat.json') },
    });
    expect(trace.failure?.step).toBe('translation');
    expect(trace.failure?.message).toContain('`[7]` is out of range: `participants` has 4 items');
  });

  test('a missing top-level property is said of the response body', () => {
    const trace = simulateAction(action({ translationMap: { id: '$.conversation.id' }, successTemplate: '{}' }), { response: { body: { id: 'x' } } });
    expect(trace.failure?.message).toContain('the response body has no `conversation`');
  });
});

describe('request', () => {
  test('URL, headers and body are rendered with the inputs; GET bodies are not sent', () => {
    const post = action({
      method: 'POST',
      url: '/api/v2/externalcontacts/contacts?q=$esc.url(${input.q})',
      headers: { 'Content-Type': 'application/json', 'X-Ref': 'ref-${input.q}' },
      body: '{"q": "$esc.jsonString(${input.q})", "n": ${input.n}}',
    });
    const trace = simulateAction(post, { input: { q: 'a "b" c', n: 2 }, response: { body: {} } });
    expect(trace.request).toEqual({
      method: 'POST',
      url: '/api/v2/externalcontacts/contacts?q=a+%22b%22+c',
      headers: { 'Content-Type': 'application/json', 'X-Ref': 'ref-a "b" c' },
      body: '{"q": "a \\"b\\" c", "n": 2}',
    });
    const get = simulateAction(action({}), { input: { id: '1' }, response: { body: {} } });
    expect(get.steps[1]?.notes).toContain('no body is sent with GET');
  });

  test('a body that is not JSON under a JSON content type is noted, not failed', () => {
    const trace = simulateAction(action({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a": ${input.a}' }), {
      input: { a: 1 },
      response: { body: {} },
    });
    expect(trace.success).toBe(true);
    expect(trace.steps[1]?.notes).toContain('the body is not valid JSON, although Content-Type says JSON');
  });
});

describe('contracts', () => {
  test('draft-04 contracts validate, including boolean exclusiveMinimum', () => {
    const inputSchema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { n: { type: 'integer', minimum: 0, exclusiveMinimum: true }, kind: { type: 'string', enum: ['CHAT', 'CALL'] } },
    };
    const run = (input: Record<string, unknown>) => simulateAction(action({ inputSchema }), { input, response: { body: {} } });
    expect(run({ n: 1, kind: 'CHAT' }).success).toBe(true);
    expect(run({ n: 0 }).failure?.message).toContain('`n` must be > 0');
    expect(run({ n: 1, kind: 'SMS' }).failure?.message).toContain('`kind` is "SMS", not one of "CHAT", "CALL"');
    expect(run({ n: '1' }).failure?.message).toContain('`n` is the string "1", but the input contract says integer');
  });

  test('an output problem points back at the translation that found nothing', () => {
    const trace = simulateAction(
      action({
        translationMap: { communicationId: "$.participants[?(@.purpose=='customer')].chats[0].id" },
        successTemplate: '{"communicationId": ${successTemplateUtils.firstFromArray("${communicationId}", \'null\')}}',
        successSchema: stringOutput('communicationId'),
      }),
      { response: { body: fixture('conversation-chats-legacy.json') } },
    );
    expect(trace.failure).toEqual({
      step: 'output',
      message:
        "output contract: `communicationId` is null, but the output contract says string (translation map: `communicationId`: `$.participants[?(@.purpose=='customer')].chats[0].id` matched nothing: the customer participant has no `chats`)",
    });
  });

  test('a root array output contract is allowed', () => {
    const trace = simulateAction(action({ successSchema: { type: 'array', items: { type: 'object' } } }), { response: { body: '[{"id":1}]' } });
    expect(trace.success).toBe(true);
    expect(trace.flattened).toEqual({ id: [1] });
  });
});

describe('rawResult', () => {
  test('passes the body through verbatim', () => {
    const body = '{ "a" : [1, 2] }';
    const trace = simulateAction(action({}), { response: { body } });
    expect(trace.templateOutput).toBe(body);
    expect(trace.output).toEqual({ a: [1, 2] });
  });
});
