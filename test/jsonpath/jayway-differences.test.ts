import { describe, expect, it } from 'vitest';
import { compileJsonPath, queryJsonPath } from '../../src/jsonpath/index.js';

/**
 * Behaviours where Jayway 2.9/2.10 is easy to get wrong, each read from its source: PredicatePathToken,
 * EvaluatorFactory, ValueNodes, FilterCompiler, PathNode and the function classes.
 */
const found = (path: string, document: unknown): unknown => {
  const result = queryJsonPath(path, document);
  return result.found ? result.value : `${result.exception}`;
};

describe('Jayway difference classes', () => {
  const items = [{ id: 1, tags: ['a', 'b'] }, { id: 2, tags: 'a' }, { id: 3 }, { id: 4, tags: [] }];

  it.each([
    ["$[?(@.tags anyof ['a'])].id", [1]],
    ["$[?(@.tags noneof ['a'])].id", [4]],
    ["$[?(@.tags subsetof ['a', 'b'])].id", [1, 4]],
    ["$[?(@.tags in ['x'] || @.id == 2)].id", [2]],
    ["$[?(@.id in 5 || @.id == 2)].id", []],
  ])('an InvalidPathException while testing an item rejects that item only: %s', (path, expected) => {
    expect(found(path, items)).toEqual(expected);
  });

  it('first(), last() and index() fail with a JsonPathException where Jayway throws', () => {
    expect(found('$.a.first()', { a: [] })).toBe('JsonPathException');
    expect(found('$.a.first()', { a: { x: 1 } })).toBe('JsonPathException');
    expect(found('$.a.last()', { a: [1] })).toBe('JsonPathException');
    expect(found('$.a.last()', { a: 'text' })).toBe('JsonPathException');
    expect(found('$.a.index(5)', { a: [1, 2] })).toBe('JsonPathException');
    expect(found('$.a.index(-1)', { a: [1, 2] })).toBe(2);
    expect(found('$[?(@.a.first() == 1)]', [{ a: [1] }, { a: {} }])).toBe('JsonPathException');
  });

  it('=~ on a list holding an object fails the query; on a list of scalars it matches any', () => {
    expect(found('$[?(@.a =~ /x.*/)].a', [{ a: ['y', 'xz'] }, { a: ['y'] }])).toEqual([['y', 'xz']]);
    expect(found('$[?(@.a =~ /.*/)]', [{ a: [{ b: 1 }] }])).toBe('JsonPathException');
    expect(found("$[?(@.a contains 'x')]", [{ a: [['x']] }])).toBe('JsonPathException');
    expect(found('$[?(@.a in [{"b":1}])]', [{ a: 1 }])).toBe('JsonPathException');
  });

  it('concat() appends the toString() of every non-null argument', () => {
    expect(found('$.concat(1, "-", 2.5, {"a":1}, $.x, $.n, $.missingNot)', { x: [1, 'b'], n: null, missingNot: true })).toBe('1-2.5{"a":1}[1,"b"]true');
    expect(found('$.a.concat("!")', { a: ['x', 1, 'y', null] })).toBe('xy!');
  });

  it('empty on an object fails the query (Jayway casts it to a Collection)', () => {
    expect(found('$[?(@.a empty true)]', [{ a: {} }])).toBe('JsonPathException');
    expect(found('$[?(@.a empty false)].a', [{ a: [1] }, { a: '' }, { a: 'x' }])).toEqual([[1], 'x']);
  });

  it('a filter on a primitive inside a filter rejects the item', () => {
    const document = [{ b: 5 }, { b: [{ c: 1 }] }];
    expect(found('$[?(@.b[?(@.c == 1)])]', document)).toEqual([{ b: [{ c: 1 }] }]);
    expect(found('$[?(@.b[?(@.c == 1)] == 1)]', document)).toEqual([]);
    expect(found('$.b[?(@.c)]', { b: 5 })).toBe('InvalidPathException');
  });

  it('keys() as a filter operand fails the query; as an existence test it is true', () => {
    expect(found("$[?(@.keys() contains 'a')]", [{ a: 1 }])).toBe('JsonPathException');
    expect(found('$[?(@.keys())]', [{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(found('$.keys()', { a: 1, b: 2 })).toEqual(['a', 'b']);
  });

  it('a quoted name containing )] inside a filter', () => {
    expect(found("$[?(@['a)]'] == 1)].id", [{ 'a)]': 1, id: 'yes' }, { id: 'no' }])).toEqual(['yes']);
    expect(found("$[?(@.a == 'x)]')].a", [{ a: 'x)]' }, { a: 'y' }])).toEqual(['x)]']);
  });

  it('reads only Java flag letters after a regex, as Jayway 2.6+ does', () => {
    expect(found('$[?(@.a =~ /X/i)].a', [{ a: 'x' }])).toEqual(['x']);
    expect(found('$[?(@.a =~ /x/ || @.b == 1)].a', [{ a: 'x' }, { a: 'y', b: 1 }])).toEqual(['x', 'y']);
    expect(() => compileJsonPath('$[?(@.a =~ /x/ia)]')).toThrow();
  });

  it('two regex literals are never equal (Pattern objects compare by identity)', () => {
    expect(found('$[?(/a/ == /a/)]', [1])).toEqual([]);
    expect(found('$[?(/a/ != /a/)]', [1])).toEqual([1]);
  });

  it('matches with an inline filter compiles and is false for every item', () => {
    expect(() => compileJsonPath('$[?(@ matches [?(@.a)])]')).not.toThrow();
    expect(found('$[?(@ matches [?(@.a)])]', [{ a: 1 }])).toEqual([]);
    expect(found('$[?(@.a == [?(@.a)])]', [{ a: 1 }])).toEqual([]);
    expect(found('$[?(@.a in [?(@.a)])]', [{ a: 1 }])).toBe('JsonPathException');
  });
});
