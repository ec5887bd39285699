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

  it.each(['/(a+)+b/', '/(a*)*$/', '/(\\w+\\s?)*x/', '/(x{1,}y?)+/'])('refuses the catastrophic regex %s', (regex) => {
    expect(() => compileJsonPath(`$[?(@.a =~ ${regex})]`)).toThrow(JsonPathSyntaxError);
  });

  it('accepts ordinary regexes and matches them in full, Java style', () => {
    const people = [{ n: 'Jane Smith' }, { n: 'Smith' }, { n: 'x' }];
    expect(queryJsonPath('$[?(@.n =~ /.*smith/i)].n', people)).toEqual({ found: true, value: ['Jane Smith', 'Smith'] });
    expect(queryJsonPath('$[?(@.n =~ /smith/i)].n', people)).toEqual({ found: true, value: ['Smith'] });
    expect(queryJsonPath('$[?(@.n =~ /\\QJane S\\E.*/)].n', people)).toEqual({ found: true, value: ['Jane Smith'] });
  });

  it('refuses to match a regex against a huge string', () => {
    const result = queryJsonPath('$[?(@.n =~ /a.*/)]', [{ n: 'a'.repeat(20_000) }]);
    expect(result).toMatchObject({ found: false, exception: 'JsonPathException' });
  });

  it('rejects absurdly long paths', () => {
    expect(() => compileJsonPath(`$${'.a'.repeat(600)}`)).toThrow(JsonPathSyntaxError);
    expect(() => compileJsonPath(`$${'.a'.repeat(6_000)}`)).toThrow(JsonPathSyntaxError);
  });
});
