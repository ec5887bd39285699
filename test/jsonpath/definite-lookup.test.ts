import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definiteLookupOf, PATH_NOT_FOUND, readDefiniteLookup } from '../../src/jsonpath/definite-lookup.js';
import { queryJsonPath } from '../../src/jsonpath/index.js';
import { parsePath } from '../../src/jsonpath/parser.js';
import { fuzzParameters } from '../fuzz/fuzz-settings.js';
import { jsonDocument } from '../fuzz/json-documents.js';

const step = fc.oneof(
  fc.constantFrom('a', 'b', 'id', 'title', '__proto__', 'constructor', 'length', '').map((name) => `['${name}']`),
  fc.integer({ min: -3, max: 3 }).map((i) => `[${i}]`),
);
const definitePath = fc.array(step, { maxLength: 4 }).map((steps) => '$' + steps.join(''));

describe('definite lookups of filter operands', () => {
  it('reads the same value, or misses in the same places, as the token chain', () => {
    fc.assert(
      fc.property(definitePath, jsonDocument, (path, document) => {
        const lookup = definiteLookupOf(parsePath(path).ast);
        expect(lookup).toBeDefined();
        const direct = readDefiniteLookup(lookup!, document, () => {});
        const chained = queryJsonPath(path, document);
        if (chained.found) expect(direct).toEqual(chained.value);
        else {
          expect(chained.exception).toBe('PathNotFoundException');
          expect(direct).toBe(PATH_NOT_FOUND);
        }
      }),
      fuzzParameters(),
    );
  });

  it('selects the same items in a filter as the token chain finds on each item', () => {
    fc.assert(
      fc.property(definitePath, fc.array(jsonDocument, { maxLength: 6 }), (path, items) => {
        const operand = '@' + path.slice(1);
        const expected = items.filter((item) => queryJsonPath(path, item).found);
        expect(queryJsonPath(`$[?(${operand})]`, items)).toEqual({ found: true, value: expected });
      }),
      fuzzParameters(),
    );
  });

  it.each(['@.a[*]', '@..a', "@['a','b']", '@.a[0,1]', '@.a[0:1]', '@.a.length()', '@.a[?(@.b)]'])('leaves %s to the token chain', (path) => {
    expect(definiteLookupOf(parsePath(path).ast)).toBeUndefined();
  });

  it('counts each step of a filter operand toward the work cap', () => {
    const deep = { a: { b: { c: { d: {} } } } };
    const result = queryJsonPath('$[?(@.a.b.c.d.e)]', new Array(1_000_000).fill(deep));
    expect(result).toMatchObject({ found: false, exception: 'JsonPathException' });
  });
});
