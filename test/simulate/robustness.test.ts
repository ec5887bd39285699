import { describe, expect, test } from 'vitest';
import { MAX_RESPONSE_BYTES, simulateAction } from '../../src/simulate/index.js';
import { action } from './action-builder.js';

const lookup = action({ translationMap: { state: '$.state' }, defaults: { state: '"unknown"' }, successTemplate: '{"state": ${state}}' });

describe('bad responses fail at the response step with a reason, never a crash', () => {
  test.each([
    ['HTML', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'the response body is HTML or XML'],
    ['plain text', 'upstream connect error', 'the response body is not JSON'],
    ['truncated JSON', '{"state": "conn', 'the response body is not JSON'],
  ])('%s', (_, body, message) => {
    const trace = simulateAction(lookup, { response: { body } });
    expect(trace.failure?.step).toBe('response');
    expect(trace.failure?.message).toContain(message);
  });

  test('a body over 50 MB is refused before it is parsed', () => {
    const filler = 'x'.repeat(1024);
    const items = Math.ceil(MAX_RESPONSE_BYTES / 1024) + 1;
    const body = `{"state":"ok","items":[${Array.from({ length: items }, () => `"${filler}"`).join(',')}]}`;
    expect(body.length).toBeGreaterThan(50 * 1024 * 1024);
    const trace = simulateAction(lookup, { response: { body } });
    expect(trace.failure).toEqual({
      step: 'response',
      message: expect.stringMatching(/^response: the response body is 50\.\d MB; dactl refuses bodies over 50 MB/),
    });
  });

  test.each([
    ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
  ])('a body nested 10,000 deep (%s) is refused', (_, nest) => {
    const trace = simulateAction(lookup, { response: { body: nest(10_000) } });
    expect(trace.failure?.step).toBe('response');
    expect(trace.failure?.message).toContain('nested more than 5,000 levels deep');
  });

  test('a JSON value nested 10,000 deep is refused too', () => {
    let body: unknown = 1;
    for (let i = 0; i < 10_000; i++) body = { a: body };
    expect(simulateAction(lookup, { response: { body } }).failure?.message).toContain('nested more than 5,000 levels deep');
  });

  test('a body nested 3,000 deep is read, and a deep scan through it finishes', () => {
    const deep = `{"state":"ok","x":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`;
    expect(simulateAction(lookup, { response: { body: deep } }).output).toEqual({ state: 'ok' });
    const scan = action({ translationMap: { b: '$..b' }, successTemplate: '{"b": ${b}}' });
    expect(simulateAction(scan, { response: { body: deep } }).output).toEqual({ b: [] });
  });
});

describe('expensive paths finish', () => {
  const participants = Array.from({ length: 20_000 }, (_, i) => ({
    id: `p${i}`,
    purpose: i % 2 ? 'agent' : 'customer',
    chats: [{ id: `c${i}`, state: 'connected', segments: [{ type: 'interact' }] }],
    attributes: { n: String(i) },
  }));
  const body = JSON.stringify({ participants });

  test.each([
    ['a filter with a nested deep scan', "$.participants[?(@..state == 'none')].id"],
    ['a deep scan for a key present everywhere', '$..id'],
    ['a deep scan then a filter', "$..chats[?(@.state=='connected')].id"],
    ['a regex filter', '$.participants[?(@.attributes.n =~ /^1.*9$/)].id'],
  ])('%s over 20,000 participants', (_, path) => {
    const trace = simulateAction(action({ translationMap: { v: path }, successTemplate: '{"n": 1}' }), { response: { body } });
    expect(trace.failure).toBeUndefined();
  });

  test('a regular expression that backtracks exponentially in Java runs in linear time', () => {
    const trace = simulateAction(action({ translationMap: { v: '$.participants[?(@.attributes.n =~ /^(1+)+$/)].id' }, successTemplate: '{"v": ${v}}' }), {
      response: { body },
    });
    expect(trace.failure).toBeUndefined();
    expect(trace.output).toEqual({ v: ['p1', 'p11', 'p111', 'p1111', 'p11111'] });
  });
});

describe('templates that would not end', () => {
  test.each([
    ['a huge range', '#foreach($i in [1..2000000000])x#end{}'],
    ['nested loops', '#foreach($i in [1..50000])#foreach($j in [1..50000])#end#end{}'],
    ['a macro that calls itself', '#macro(again)#again()#end#again(){}'],
  ])('%s is stopped with a message', (_, successTemplate) => {
    const trace = simulateAction(action({ successTemplate }), { response: { body: '{}' } });
    expect(trace.failure?.step).toBe('template');
    expect(trace.failure?.message).toMatch(/iteration limit|calling depth|stopped after/);
  });
});
