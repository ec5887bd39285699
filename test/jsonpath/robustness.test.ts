import { describe, expect, it } from 'vitest';
import { compileJsonPath, JsonPathSyntaxError, queryJsonPath, toJsonText } from '../../src/jsonpath/index.js';

function nestedObjects(depth: number): unknown {
  let document: unknown = { x: 1 };
  for (let i = 0; i < depth; i++) document = { a: document, b: [i] };
  return document;
}

describe('robustness', () => {
  it('deep-scans a 10,000-level document without overflowing the stack', () => {
    const result = queryJsonPath('$..x', nestedObjects(10_000));
    expect(result).toEqual({ found: true, value: [1] });
    const indexes = queryJsonPath('$..b[0]', nestedObjects(10_000));
    expect(indexes.found && Array.isArray(indexes.value) ? indexes.value.length : -1).toBe(10_000);
  });

  it('prints a deeply nested result without recursion', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const text = toJsonText({ found: true, value: deep });
    expect(text.length).toBe(20_001);
  });

  it('reports too-deep structural comparisons as an error instead of crashing', () => {
    const left = nestedObjects(5_000);
    const right = nestedObjects(5_000);
    const result = queryJsonPath('$[?(@.l == @.r)]', [{ l: left, r: right }]);
    expect(result).toMatchObject({ found: false, exception: 'JsonPathException' });
  });

  it('keeps nested deep scans bounded', () => {
    const wide = Array.from({ length: 2_000 }, (_, i) => ({ a: { b: { c: i } } }));
    const result = queryJsonPath('$..a..b..c', wide);
    expect(result.found && Array.isArray(result.value) ? result.value.length : -1).toBe(2_000);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('reads only own properties: %s', (name) => {
    expect(queryJsonPath(`$.${name}`, { a: 1 })).toMatchObject({ found: false, exception: 'PathNotFoundException' });
    expect(queryJsonPath(`$['${name}']`, {})).toMatchObject({ found: false });
    expect(queryJsonPath(`$..${name}`, { a: { b: 1 } })).toEqual({ found: true, value: [] });
  });

  it('reads an own __proto__ key from JSON data', () => {
    const document = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(queryJsonPath('$.__proto__.polluted', document)).toEqual({ found: true, value: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['/(a+)+b/', 'a'.repeat(33)],
    ['/(a|aa)*$/', `${'a'.repeat(40)}!`],
    ['/^(a?a?)+$/', `${'a'.repeat(40)}!`],
    ['/(.*a){12}/', `${'a'.repeat(40)}b`],
    ['/(\\w+\\s?)*x/', `${'word '.repeat(2000)}!`],
  ])('matches the catastrophic regex %s in linear time', (regex, text) => {
    expect(queryJsonPath(`$[?(@.a =~ ${regex})].a`, [{ a: text }, { a: `${text.slice(0, 10)}x` }, { a: 'aab' }])).toMatchObject({ found: true });
  });

  it('accepts harmless regexes an earlier guard refused', () => {
    expect(queryJsonPath('$[?(@.a =~ /(a+)+/)].a', [{ a: 'aaa' }, { a: 'b' }])).toEqual({ found: true, value: ['aaa'] });
    expect(queryJsonPath('$[?(@.a =~ /^(\\w+\\s?)*$/)].a', [{ a: 'hello big world' }, { a: 'a-b' }])).toEqual({ found: true, value: ['hello big world'] });
  });

  it('stops a regex that needs backtracking with a JsonPathException naming it', () => {
    const result = queryJsonPath('$[?(@.a =~ /(a|aa)+(?=b)\\1/)]', [{ a: 'a'.repeat(40) }]);
    expect(result).toMatchObject({ found: false, exception: 'JsonPathException' });
    expect(result.found ? '' : result.reason).toContain('/(a|aa)+(?=b)\\1/');
  });

  it('shares one step budget among all the items of a query', () => {
    // Each item alone fits the budget of one match; forty of them do not fit the query's.
    const item = { a: 'a'.repeat(18) };
    expect(queryJsonPath('$[?(@.a =~ /(a|aa)+(?=b)/)]', [item])).toEqual({ found: true, value: [] });
    const many = queryJsonPath('$[?(@.a =~ /(a|aa)+(?=b)/)]', Array.from({ length: 40 }, () => item));
    expect(many).toMatchObject({ found: false, exception: 'JsonPathException' });
    expect(many.found ? '' : many.reason).toContain('steps one evaluation may take');
  });

  it('refuses a regex Java would not compile', () => {
    expect(() => compileJsonPath('$[?(@.a =~ /(a/)]')).toThrow(/invalid regular expression: Unclosed group/);
  });

  it('accepts ordinary regexes and matches them in full, Java style', () => {
    const people = [{ n: 'Jane Smith' }, { n: 'Smith' }, { n: 'x' }];
    expect(queryJsonPath('$[?(@.n =~ /.*smith/i)].n', people)).toEqual({ found: true, value: ['Jane Smith', 'Smith'] });
    expect(queryJsonPath('$[?(@.n =~ /smith/i)].n', people)).toEqual({ found: true, value: ['Smith'] });
    expect(queryJsonPath('$[?(@.n =~ /\\QJane S\\E.*/)].n', people)).toEqual({ found: true, value: ['Jane Smith'] });
  });

  it('matches a regex against a long string', () => {
    expect(queryJsonPath('$[?(@.n =~ /a.*/)].n', [{ n: 'a'.repeat(200_000) }])).toMatchObject({ found: true, value: ['a'.repeat(200_000)] });
  });

  it('rejects absurdly long paths', () => {
    expect(() => compileJsonPath(`$${'.a'.repeat(600)}`)).toThrow(JsonPathSyntaxError);
    expect(() => compileJsonPath(`$${'.a'.repeat(6_000)}`)).toThrow(JsonPathSyntaxError);
  });
});
