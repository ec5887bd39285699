import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/velocity/render-template.js';
import { fuzzParameters, fuzzTimeout, prototypeKeys } from './fuzz-settings.js';
import { jsonDocument } from './json-documents.js';

const reference = fc.constantFrom(
  '$input.a', '${input.b}', '$!input.c', '$!{input.missing}', '$rawResult', '${items}', '$input.a.length()',
  '$esc.jsonString($input.a)', '$esc.url("a b")', '$math.add(1, 2)', '$math.div(1, 0)', '$input.a.substring(1, 99)',
  '$successTemplateUtils.firstFromArray("${items}", "x")', '$input.__proto__', '$input.constructor.name', '$x.y.z()',
  '$input.get("a")', '$input.keySet()', '$list.size()', '$list.get(-1)', '$esc.d', '$esc.h',
);
const expression = fc.constantFrom('$input.a', '1', '"s"', 'true', '$x', '[1, 2, 3]', '{"k": 1}', '[1..5]', '$input.a == "x"', '!$x', '$x > 2', '$list');
const fragment: fc.Arbitrary<string> = fc.letrec((tie) => ({
  part: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 8 }),
    reference,
    fc.constantFrom('#', '$', '##', '#*', '*#', '\\$x', '\\#if', '"', '#{end}', '#end', '#else', '#stop', '#break', ')', '{', '}'),
    expression.map((e) => `#set($x = ${e})`),
    expression.map((e) => `#set($list = [${e}, ${e}])`),
    fc.tuple(expression, tie('part'), tie('part')).map(([c, a, b]) => `#if(${c})${a}#else${b}#end`),
    fc.tuple(expression, tie('part')).map(([c, body]) => `#foreach($i in ${c})${body}$i$foreach.hasNext#end`),
    fc.tuple(fc.integer({ min: -3, max: 2_000_000 }), tie('part')).map(([n, body]) => `#foreach($i in [1..${n}])${body}#end`),
    tie('part').map((body) => `#macro(m $p)${body}#m($p)#end#m(1)`),
    fc.array(tie('part'), { maxLength: 4 }).map((parts) => parts.join('')),
  ),
})).part;

const context = fc.record({
  input: fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__', 'rawRequest'), jsonDocument, { maxKeys: 4 }),
  translations: fc.dictionary(fc.constantFrom('items', 'x', 'total'), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
  rawResult: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});

describe('Velocity adapter under generated templates', () => {
  it('renders or reports an error with a position, never throws, and stays bounded', () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(fragment, context, fc.boolean(), (template, values, strict) => {
        const { rawResult, ...rest } = values;
        const started = performance.now();
        const result = renderTemplate(template, rawResult === undefined ? rest : { ...rest, rawResult }, { strict, maxIterations: 20_000 });
        expect(performance.now() - started).toBeLessThan(5_000);
        if (result.ok) expect(typeof result.output).toBe('string');
        else {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(template.length);
          expect(result.error.line).toBeGreaterThanOrEqual(1);
        }
        expect(({} as Record<string, unknown>)['a']).toBeUndefined();
      }),
      fuzzParameters(),
    );
    expect(prototypeKeys()).toEqual(before);
  }, fuzzTimeout);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom(...'$#!{}()[]."\'\\*ab1 \n=,'.split('')) }), (template) => {
        expect(() => renderTemplate(template, { input: { a: 'x' } })).not.toThrow();
      }),
      fuzzParameters(2),
    );
  }, fuzzTimeout);
});
