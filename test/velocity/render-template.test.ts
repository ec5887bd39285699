import { describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/velocity/index.js';

const input = { name: 'Ja"ne', count: 7, nothing: null, list: ['a', 'b'] };

function output(template: string, context = { input }, options = {}): string {
  const result = renderTemplate(template, context, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.output;
}

describe('renderTemplate', () => {
  test.each([
    ['{"n": "$esc.jsonString(${input.name})"}', '{"n": "Ja\\"ne"}'],
    ['$esc.url("a b&c/d")', 'a+b%26c%2Fd'],
    ['$esc.uriEncode("a b")', 'a%20b'],
    ['$encoding.base64("a:b")', 'YTpi'],
    ['[$input.nothing][$!input.nothing][${input.missing}][$!{input.missing}]', '[$input.nothing][][${input.missing}][]'],
    ['#set($x = 7 / 2)$x #set($y = 7 % 3)$y', '31'],
    ['#set($x = "keep")#set($x = $missing)$x', 'keep'],
    ['#foreach($i in [1..5])#if($i == 3)#break#end$i#end', '12'],
    ['$input.name.length() $input.name.contains("J") $input.name.isEmpty()', '5 true false'],
    ['$math.add(1, 2) $math.div(7, 2)', '3 3.5'],
    ['#if("$!{input.missing}" != "")x#end', ''],
    ['$input.constructor $input.list.length', '$input.constructor $input.list.length'],
  ])('%s', (template, expected) => {
    expect(output(template)).toBe(expected);
  });

  test('derives rawRequest from the inputs', () => {
    expect(output('${input.rawRequest}', { input: { a: 1, b: null } } as never)).toBe('{"a":1,"b":null}');
  });

  test('translation values print as JSON text', () => {
    const context = { translations: { commid: '["a"]', none: '[]' } };
    expect(output('${commid} ${successTemplateUtils.firstFromArray("${commid}", "0")} ${successTemplateUtils.firstFromArray("${none}", "$esc.quote$esc.quote")}', context as never)).toBe('["a"] "a" ""');
  });

  test('#set cannot reach prototypes', () => {
    const result = renderTemplate('#set($x = {})#set($x.__proto__.polluted = 1)#set($input.constructor.prototype.p = 1)$x.polluted', { input: {} });
    expect(result).toEqual({ ok: true, output: '$x.polluted' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });
});

describe('strict mode', () => {
  test('an unknown reference fails with its position', () => {
    const result = renderTemplate('{\n  "a": ${Commid}\n}', { translations: { commid: '1' } }, { strict: true });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unset-variable', message: 'Variable $Commid has not been set at successTemplate[line 2, column 8]', offset: 9, line: 2, column: 8 },
    });
  });

  test('#if on a missing reference is allowed', () => {
    expect(output('#if($missing)a#{else}b#end', { input }, { strict: true })).toBe('b');
  });
});

describe('errors and limits', () => {
  test.each([
    // Java reports where the unexpected token starts.
    ['#if($x\nabc', 2],
    ['a #end', 1],
    ['#foreach($i in [1])open', 1],
  ])('syntax error in %j', (template, line) => {
    const result = renderTemplate(template, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('syntax');
      expect(result.error.line).toBe(line);
    }
  });

  test('a huge range stops at the iteration limit', () => {
    const result = renderTemplate('#foreach($i in [1..100000000])x#end', {}, { maxIterations: 1000 });
    expect(result.ok ? undefined : result.error.kind).toBe('limit');
  });

  test('runaway macro recursion stops', () => {
    const result = renderTemplate('#macro(f)x#f()#end#f()', {});
    expect(result.ok ? undefined : result.error.kind).toBe('limit');
  });

  test('output growth stops at the output limit', () => {
    const result = renderTemplate('#set($s = "xxxxxxxxxx")#foreach($i in [1..40])#set($s = "$s$s")#end$s', {}, { maxOutputLength: 10_000 });
    expect(result.ok ? undefined : result.error.kind).toBe('limit');
  });

  test('renders a cached template the same way every time', () => {
    const template = '{"a": "$esc.jsonString(${input.name})", "n": $input.count}';
    const first = renderTemplate(template, { input });
    for (let i = 0; i < 1000; i++) expect(renderTemplate(template, { input })).toEqual(first);
  });
});
