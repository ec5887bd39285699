import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { renderTemplate } from '../../src/velocity/index.js';

function compile(spec: Partial<ActionSpec> & Pick<ActionSpec, 'request'>) {
  const compiled = compileAction({ name: 'Test', integration: 'purecloud-data-actions', ...spec } as ActionSpec);
  expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return compiled.artifact!;
}

function render(template: string, input: Record<string, unknown>): string {
  const result = renderTemplate(template, { input });
  if (!result.ok) throw new Error(result.error.message);
  return result.output;
}

/** Every combination of set and unset optional inputs. */
function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}

describe('request URL', () => {
  it('encodes placeholders and query values, and leaves out a query parameter whose optional input is unset', () => {
    const artifact = compile({
      request: {
        method: 'GET',
        url: '/api/v2/users/{userId}/queues',
        query: { pageSize: 25, name: '{name}', note: 'a b&c' },
      },
      inputs: { userId: { type: 'string', required: true }, name: { type: 'string' } },
    });
    const url = artifact.config.request.requestUrlTemplate;
    expect(url).toContain('$esc.url(${input.userId})');
    expect(render(url, { userId: 'a/b c', name: 'Ana María' })).toBe(
      '/api/v2/users/a%2Fb+c/queues?pageSize=25&name=Ana+Mar%C3%ADa&note=a+b%26c',
    );
    expect(render(url, { userId: 'u1' })).toBe('/api/v2/users/u1/queues?pageSize=25&note=a+b%26c');
  });

  it('joins a query whose every parameter is optional without stray separators', () => {
    const artifact = compile({
      request: { method: 'GET', url: '/api/v2/x', query: { a: '{a}', b: '{b}' } },
      inputs: { a: { type: 'string' }, b: { type: 'integer' } },
    });
    const url = artifact.config.request.requestUrlTemplate;
    expect(render(url, {})).toBe('/api/v2/x');
    expect(render(url, { b: 3 })).toBe('/api/v2/x?b=3');
    expect(render(url, { a: 'x', b: 3 })).toBe('/api/v2/x?a=x&b=3');
  });
});

describe('structured body', () => {
  const spec = {
    request: {
      method: 'POST' as const,
      url: '/api/v2/conversations/callbacks',
      body: {
        callbackNumbers: ['{callbackNumber}'],
        scriptId: '{scriptId}',
        routingData: { queueId: '{queueId}', priority: '{priority}', skillIds: ['{skillId}'] },
        note: 'Callback for {name}: "{callbackNumber}" costs $5 #1',
        flags: { urgent: '{urgent}', vip: '{vip}' },
      },
    },
    inputs: {
      callbackNumber: { type: 'string' as const, required: true },
      queueId: { type: 'string' as const, required: true },
      name: { type: 'string' as const, required: true },
      scriptId: { type: 'string' as const },
      priority: { type: 'integer' as const },
      skillId: { type: 'string' as const },
      urgent: { type: 'boolean' as const },
      vip: { type: 'boolean' as const },
    },
  };
  const optional = ['scriptId', 'priority', 'skillId', 'urgent', 'vip'] as const;
  const values: Record<string, unknown> = {
    callbackNumber: '+1 (317) 555-0100',
    queueId: 'q-1',
    name: 'O\'Neil "Jr" \\ \n',
    scriptId: 's-1',
    priority: 7,
    skillId: 'sk-1',
    urgent: false,
    vip: true,
  };

  it.each(subsets([...optional]))('renders valid JSON with the right members when set: %j', (...set) => {
    const template = compile(spec).config.request.requestTemplate;
    const chosen = set as string[];
    const input = Object.fromEntries(
      Object.entries(values).filter(([k]) => !(optional as readonly string[]).includes(k) || chosen.includes(k)),
    );
    const body = JSON.parse(render(template, input)) as Record<string, unknown>;
    const expected: Record<string, unknown> = { callbackNumbers: ['+1 (317) 555-0100'] };
    if (chosen.includes('scriptId')) expected.scriptId = 's-1';
    const routing: Record<string, unknown> = { queueId: 'q-1' };
    if (chosen.includes('priority')) routing.priority = 7;
    routing.skillIds = chosen.includes('skillId') ? ['sk-1'] : [];
    expected.routingData = routing;
    expected.note = 'Callback for O\'Neil "Jr" \\ \n: "+1 (317) 555-0100" costs $5 #1';
    const flags: Record<string, unknown> = {};
    if (chosen.includes('urgent')) flags.urgent = false;
    if (chosen.includes('vip')) flags.vip = true;
    expected.flags = flags;
    expect(body).toEqual(expected);
  });

  it('keeps numbers and booleans bare and adds a JSON content type', () => {
    const artifact = compile(spec);
    expect(artifact.config.request.requestTemplate).toContain('"priority": ${input.priority}');
    expect(artifact.config.request.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('escapes Velocity syntax in literal text', () => {
    const artifact = compile({
      request: { method: 'POST', url: '/x', body: { text: '$input.secret ${x} #set($a = 1) #if' } },
    });
    expect(render(artifact.config.request.requestTemplate, { secret: 'leak' })).toContain(
      '"text": "$input.secret ${x} #set($a = 1) #if"',
    );
  });
});

describe('form body', () => {
  const artifact = compile({
    request: {
      method: 'POST',
      url: 'https://login.example.com/oauth/token',
      form: { grant_type: 'client_credentials', scope: '{scope}', note: 'a b&c={who}' },
    },
    inputs: { scope: { type: 'string' }, who: { type: 'string', required: true } },
  });
  const template = artifact.config.request.requestTemplate;

  it('form-encodes literal text, encodes inputs at run time and sets the content type', () => {
    expect(artifact.config.request.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(render(template, { scope: 'read write', who: 'Ana María' })).toBe(
      'grant_type=client_credentials&scope=read+write&note=a+b%26c%3DAna+Mar%C3%ADa',
    );
  });

  it('leaves out a field whose optional input is unset', () => {
    expect(render(template, { who: 'x' })).toBe('grant_type=client_credentials&note=a+b%26c%3Dx');
  });

  it('is refused on GET and beside a JSON body', () => {
    const ruleIds = (request: ActionSpec['request']) =>
      compileAction({ name: 'x', integration: 'custom-rest-actions', request }).findings.map((f) => f.ruleId);
    expect(ruleIds({ method: 'GET', url: '/x', form: { a: '1' } })).toContain('get-with-body');
    expect(ruleIds({ method: 'POST', url: '/x', form: { a: '1' }, body: {} })).toContain('spec-conflict');
  });
});

describe('response', () => {
  const artifact = compile({
    request: { method: 'GET', url: '/api/v2/conversations/{id}' },
    inputs: { id: { type: 'string', required: true } },
    outputs: {
      communicationId: { type: 'string', from: "$.participants[?(@.purpose=='customer')].chats[0].id", default: '' },
      state: { type: 'string', from: '$.state', default: 'unknown' },
      count: { type: 'integer', from: '$.participants.length()' },
      ids: { type: 'array', items: 'string', from: '$.participants[*].id', default: [] },
      queue: { type: 'object', properties: { id: { type: 'string', from: '$.queue.id' }, name: { type: 'string', from: '$.queue.name', default: '' } } },
    },
  });
  const { translationMap, translationMapDefaults, successTemplate } = artifact.config.response;

  it('writes defaults as JSON literals', () => {
    expect(translationMapDefaults).toEqual({ communicationId: '[]', state: '"unknown"', ids: '[]', queue_name: '""' });
  });

  it('names nested translation variables after their path', () => {
    expect(Object.keys(translationMap)).toEqual(['communicationId', 'state', 'count', 'ids', 'queue_id', 'queue_name']);
  });

  it('takes the first element of an indefinite path for a scalar and never quotes translation values', () => {
    const output = renderTemplate(
      successTemplate,
      {
        translations: {
          communicationId: '["c-1","c-2"]',
          state: '"connected"',
          count: '4',
          ids: '["p1","p2"]',
          queue_id: '"q1"',
          queue_name: '"Support \\"A\\""',
        },
      },
      { strict: true },
    );
    expect(output.ok && JSON.parse(output.output)).toEqual({
      communicationId: 'c-1',
      state: 'connected',
      count: 4,
      ids: ['p1', 'p2'],
      queue: { id: 'q1', name: 'Support "A"' },
    });
  });

  it('falls back to the default when the filter matches nothing', () => {
    const output = renderTemplate(
      successTemplate,
      { translations: { communicationId: '[]', state: '"x"', count: '0', ids: '[]', queue_id: '"q"', queue_name: '""' } },
      { strict: true },
    );
    expect(output.ok && (JSON.parse(output.output) as { communicationId: string }).communicationId).toBe('');
  });

  it('generates the output contract from the output types', () => {
    expect(artifact.contract.output.successSchema).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: {
        communicationId: { type: 'string' },
        state: { type: 'string' },
        count: { type: 'integer' },
        ids: { type: 'array', items: { type: 'string' } },
        queue: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
      additionalProperties: true,
    });
  });
});

describe('translation-map keys', () => {
  it('gives names that become the same Velocity identifier numbered keys, in order', () => {
    const outputs = Object.fromEntries(['名前', '住所', 'a b', 'a.b', 'a_b2', 'input'].map((name) => [name, { type: 'string' as const, from: '$.x' }]));
    const { translationMap, successTemplate } = compile({ request: { method: 'GET', url: '/x' }, outputs }).config.response;
    expect(Object.keys(translationMap)).toEqual(['v__', 'v__2', 'a_b', 'a_b2', 'a_b22', 'input2']);
    expect(successTemplate).toContain('"名前": ${v__},\n  "住所": ${v__2},\n  "a b": ${a_b},\n  "a.b": ${a_b2},\n  "a_b2": ${a_b22},\n  "input": ${input2}');
  });
});

describe('findings', () => {
  const base: ActionSpec = { name: 'x', integration: 'purecloud-data-actions', request: { method: 'GET', url: '/x' } };
  const ruleIds = (spec: ActionSpec) => compileAction(spec).findings.map((f) => f.ruleId);

  it.each([
    ['reserved input name', { ...base, inputs: { rawRequest: { type: 'string' } } }, 'input-name-reserved'],
    ['invalid input name', { ...base, inputs: { '1st': { type: 'string' } } }, 'input-name-invalid'],
    ['optional input in the path', { ...base, request: { method: 'GET', url: '/x/{id}' }, inputs: { id: { type: 'string' } } }, 'optional-input-in-url'],
    ['body on GET', { ...base, request: { method: 'GET', url: '/x', body: {} } }, 'get-with-body'],
    ['url and urlTemplate', { ...base, request: { method: 'GET', url: '/x', urlTemplate: '/y' } }, 'spec-conflict'],
    ['default of the wrong type', { ...base, outputs: { n: { type: 'integer', from: '$.n', default: 'zero' } } }, 'default-type-mismatch'],
    ['array of arrays', { ...base, outputs: { m: { type: 'array', items: { type: 'array', items: { type: 'string' } }, from: '$.m' } } }, 'output-nested-array'],
    ['output nobody fills', { ...base, outputs: { n: { type: 'integer' } } }, 'output-without-from'],
    ['raw map key clashing with an output', { ...base, outputs: { n: { type: 'integer', from: '$.n' } }, response: { translationMap: { n: '$.m' } } }, 'spec-conflict'],
  ] as Array<[string, ActionSpec, string]>)('%s', (_, spec, ruleId) => {
    expect(ruleIds(spec)).toContain(ruleId);
    expect(compileAction(spec).artifact).toBeUndefined();
  });
});
