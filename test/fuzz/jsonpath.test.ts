import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJsonPath, JsonPathSyntaxError, toJsonText } from '../../src/jsonpath/index.js';
import { fuzzParameters, fuzzTimeout, prototypeKeys } from './fuzz-settings.js';
import { jsonDocument } from './json-documents.js';

const name = fc.constantFrom('a', 'b', 'id', 'title', 'entities', '__proto__', 'constructor', 'length', 'x y', "it's");
const literal = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("'a'", '"b"', 'true', 'false', 'null', '1.5', '[1,2]', "'customer'", '/a.*/i', '@.a', '$.b'),
);
const operator = fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '=~', ' in ', ' nin ', ' subsetof ', ' anyof ', ' noneof ', ' size ', ' empty ');
const relative = fc.array(name, { minLength: 1, maxLength: 3 }).map((names) => '@.' + names.join('.'));
const filter = fc.letrec((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small' },
    relative,
    fc.tuple(relative, operator, literal).map(([left, op, right]) => `${left}${op}${right}`),
    fc.tuple(tie('expression'), fc.constantFrom(' && ', ' || '), tie('expression')).map((parts) => parts.join('')),
    tie('expression').map((inner) => `!(${inner})`),
  ),
})).expression as fc.Arbitrary<string>;

const segment = fc.oneof(
  name.map((n) => (/^[a-z_]+$/i.test(n) ? `.${n}` : `['${n.replace(/'/g, "\\'")}']`)),
  fc.constantFrom('.*', '[*]', '..', '..*', '[0]', '[-1]', '[1:3]', '[:2]', '[-2:]', "['a','b']", '[0,1]', '.length()'),
  fc.integer({ min: -3, max: 3 }).map((i) => `[${i}]`),
  filter.map((f) => `[?(${f})]`),
  fc.constantFrom('.min()', '.max()', '.avg()', '.sum()', '.stddev()', '.keys()', '.first()', '.last()', '.index(0)', '.concat("x")', '.append(1)'),
);
const wellFormed = fc.array(segment, { maxLength: 6 }).map((segments) => '$' + segments.join(''));

/** Well-formed paths with a few characters inserted, deleted or replaced: what a typo looks like. */
const mutated = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...'$.[]()?@*\'",:=!<>~&|\\ 0a-'.split(''))), { maxLength: 4 }))
  .map(([path, edits]) => {
    let text = path;
    for (const [at, kind, character] of edits) {
      const i = text.length ? at % (text.length + 1) : 0;
      text = kind === 0 ? text.slice(0, i) + character + text.slice(i) : kind === 1 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + character + text.slice(i + 1);
    }
    return text;
  });

const anyPath = fc.oneof(wellFormed, mutated, fc.string({ maxLength: 30 }));

describe('JSONPath under generated and mutated input', () => {
  it('compiles to a path or throws JsonPathSyntaxError, with an offset inside the path', () => {
    fc.assert(
      fc.property(anyPath, (path) => {
        try {
          compileJsonPath(path);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonPathSyntaxError);
          const { offset } = error as JsonPathSyntaxError;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(path.length);
        }
      }),
      fuzzParameters(2),
    );
  }, fuzzTimeout);

  it('evaluates every compiled path on any document to a result, never a throw, and leaves prototypes alone', () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(anyPath, jsonDocument, (path, document) => {
        let compiled;
        try {
          compiled = compileJsonPath(path);
        } catch (error) {
          if (error instanceof JsonPathSyntaxError) return;
          throw error;
        }
        const started = performance.now();
        const result = compiled.evaluate(document);
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(typeof result.found).toBe('boolean');
        if (result.found) expect(typeof toJsonText(result)).toBe('string');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      fuzzParameters(2),
    );
    expect(prototypeKeys()).toEqual(before);
  }, fuzzTimeout);

  it('gives the same answer twice (compiled paths are cached and must not keep state)', () => {
    fc.assert(
      fc.property(wellFormed, jsonDocument, (path, document) => {
        let compiled;
        try {
          compiled = compileJsonPath(path);
        } catch {
          return;
        }
        const first = JSON.stringify(compiled.evaluate(document));
        expect(JSON.stringify(compileJsonPath(path).evaluate(document))).toBe(first);
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout);
});
