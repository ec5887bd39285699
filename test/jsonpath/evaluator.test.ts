import { describe, expect, it } from 'vitest';
import { compileJsonPath, queryJsonPath, toJsonText } from '../../src/jsonpath/index.js';

const conversation = {
  conversationId: 'c-1',
  participants: [
    { id: 'p-0', purpose: 'agent', userId: 'u-1', name: 'Ann Agent' },
    { id: 'p-1', purpose: 'customer', name: 'Jane Smith', chats: [{ id: 'chat-1' }, { id: 'chat-2' }], attributes: { score: '42' } },
    { id: 'p-2', purpose: 'acd', queueId: 'q-1', chats: [] },
  ],
  conversations: [{ conversationId: 'c-2' }, { conversationId: 'c-3' }],
  entities: [{ firstName: 'Jane', lastName: 'Smith', total: 3 }],
  data: [1, 2, 3, 4],
  total: 7,
};

describe('Genesys-style paths on a conversation', () => {
  it.each([
    ["$.participants[?(@.purpose=='customer')].chats[0].id", ['chat-1']],
    ['$.participants[1].id', 'p-1'],
    ['$.participants[-1].id', 'p-2'],
    ['$..conversationId', ['c-1', 'c-2', 'c-3']],
    ['$.conversations.size()', 2],
    ['$.participants.length()', 3],
    ['entities[0].lastName', 'Smith'],
    ['.total', [7, 3]],
    ['$.participants[*].userId', ['u-1']],
    ['$.participants[0:2].id', ['p-0', 'p-1']],
    ["$.participants[?(@.purpose in ['agent','acd'])].id", ['p-0', 'p-2']],
    ['$.participants[?(@.name =~ /.*smith/i)].id', ['p-1']],
    ['$.participants[?(@.name =~ /smith/i)].id', []],
    ['$.participants[?(@.chats.length() > 0)].id', ['p-1']],
    ['$.participants[?(@.chats empty false)].id', ['p-1']],
    ['$.participants[?(@.attributes.score == 42)].id', ['p-1']],
    ['$.participants[?(@.attributes.score === 42)].id', []],
    ["$.participants[?(@.userId != 'u-9')].id", ['p-0', 'p-1', 'p-2']],
    ["$.participants[?(!(@.purpose == 'agent') && @.queueId)].id", ['p-2']],
    ["$.participants[1]['id','purpose']", { id: 'p-1', purpose: 'customer' }],
    ['$.participants[?(@.id == $.participants[2].id)].purpose', ['acd']],
    ['$.entities[0].keys()', ['firstName', 'lastName', 'total']],
    ['$.data.concat("x")', 'x'],
    ['$.participants[1].chats.first()', { id: 'chat-1' }],
    ['$.data.index(-2)', 3],
  ])('%s', (path, expected) => {
    const result = queryJsonPath(path, conversation);
    expect(result).toMatchObject({ found: true });
    if (result.found) expect(result.value).toEqual(expected);
  });

  it.each([
    ['$.participants[0].chats[0].id', "missing property 'chats' at $['participants'][0]"],
    ['$.participants[5].id', 'no results for path $.participants[5].id: index 5 is out of range'],
    ['$.participants[0].nickname', "no results for path $.participants[0].nickname: missing property 'nickname'"],
    ['$.participants.id', 'expected an object with property'],
    ['$.total[0]', 'expected an array at $'],
    ['$.participants[1].chats.first().id', "missing property ')'"],
    ["$.participants[-2]['attributes'].score.value", "property 'value' at $['participants'][-2]['attributes']['score'] but found"],
    ["$.participants[1].attributes['it\\'s']", "missing property 'it's' at $['participants'][1]['attributes']"],
  ])('%s is not found', (path, reason) => {
    const result = queryJsonPath(path, conversation);
    expect(result.found).toBe(false);
    if (!result.found) {
      expect(result.exception).toBe('PathNotFoundException');
      expect(result.reason).toContain(reason);
    }
  });

  it('returns null for a present null and an empty list for an indefinite miss', () => {
    expect(queryJsonPath('$.a', { a: null })).toEqual({ found: true, value: null });
    expect(queryJsonPath('$.participants[*].nickname', conversation)).toEqual({ found: true, value: [] });
  });
});

describe('functions and Java numbers', () => {
  it('marks aggregation results as doubles and prints them the Java way', () => {
    const sum = queryJsonPath('$.data.sum()', conversation);
    expect(sum).toEqual({ found: true, value: 10, double: true });
    if (sum.found) expect(toJsonText(sum)).toBe('10.0');
    const avg = queryJsonPath('$.data.avg()', conversation);
    if (avg.found) expect(toJsonText(avg)).toBe('2.5');
    const length = queryJsonPath('$.data.length()', conversation);
    if (length.found) expect(toJsonText(length)).toBe('4');
  });

  it('rewrites a function after a deep scan into a function of the scan', () => {
    expect(queryJsonPath('$..total.sum()', conversation)).toMatchObject({ found: true, value: 0 + 7 + 3, double: true });
  });

  it('keeps the last() bug: a one-element array has no last element (a JsonPathException, as AbstractSequenceAggregation throws)', () => {
    expect(queryJsonPath('$.entities.last()', conversation)).toMatchObject({ found: false, exception: 'JsonPathException' });
    expect(queryJsonPath('$.data.last()', conversation)).toMatchObject({ found: true, value: 4 });
  });

  it('reports aggregation of no numbers as a JsonPathException', () => {
    expect(queryJsonPath('$.participants.sum()', conversation)).toMatchObject({ found: false, exception: 'JsonPathException' });
  });

  it('does not mutate the document in append()', () => {
    const document = { list: [1] };
    expect(queryJsonPath('$.list.append(2, "x")', document)).toEqual({ found: true, value: [1, 2, 'x'] });
    expect(document.list).toEqual([1]);
  });

  it('applies a filter to a primitive with a definite upstream as InvalidPathException', () => {
    expect(queryJsonPath('$.total[?(@.a)]', conversation)).toMatchObject({ found: false, exception: 'InvalidPathException' });
  });
});

describe('compiled paths', () => {
  it('caches compiled paths and evaluates them on many documents', () => {
    const compiled = compileJsonPath('$.a');
    expect(compileJsonPath('$.a')).toBe(compiled);
    expect(compiled.evaluate({ a: 1 })).toEqual({ found: true, value: 1 });
    expect(compiled.evaluate({ a: 2 })).toEqual({ found: true, value: 2 });
  });
});
