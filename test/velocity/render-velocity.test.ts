import { describe, expect, test } from 'vitest';
import { renderVelocity } from '../../src/index.js';

const output = (template: string, variables: Record<string, unknown> = {}, input: Record<string, unknown> = {}): string => {
  const result = renderVelocity(template, { input, variables });
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.output;
};

// Expected outputs below were rendered by Apache Velocity 1.7 (Debian's velocity package).
describe('renderVelocity: the constructs where engines differ, as Velocity 1.7 renders them', () => {
  test.each([
    ['escapes before defined and undefined references', '\\$x \\\\$x \\\\\\$x \\$s \\\\$s \\\\\\$s', '\\$x \\\\$x \\\\$x $s \\abc \\$s'],
    ['an escaped reference between references', '$a\\$b', '$a\\$b'],
    ['an escaped reference takes the spaces before a #set', '\\$s #set($q = 1)', '$s'],
    ['#set(${x} = 5) does not assign', '#set(${x} = 5)$x', '$x'],
    ['a $, $! or # at the end of a string literal is text', '#set($a = "#")#set($b = "a$")#set($c = "$!")#set($d = "a#")[$a][$b][$c][$d]', '[#][a$][$][a#]'],
    ['map literal in #foreach', '#foreach($x in {"a": 1})$x#end', '1'],
    ['non-string map keys', '#set($m = {1: 2, true: "t"})$m', '{1=2, true=t}'],
    ['a macro call takes its newline', '#macro(m)M#end\n#m()\nafter #m()  \nx', 'Mafter Mx'],
    ['an undefined macro argument prints the caller text', '#macro(m $a)[$a]#end#m($nope) #m(${input.q}) #m("x")', '[$nope] [${input.q}] [x]'],
    ['macros called before their definition', '#m2()\n#macro(m2)M#end', 'M'],
    ['a defined macro called bare or with whitespace before its arguments', '#macro(m $a)[$a]#end#m|#{m}x|#m  (1)|#m\n(2)|#m-1', '[$a]|[$a]x|[1]|[2]|[$a]-1'],
    ['undefined macros called bare are text', 'a #foo b #{bar}. #foo (x)', 'a #foo b #{bar}. #foo (x)'],
    ['literals hold a place among macro parameters', '#macro(m 5 $a)[$a]#end#m(1 2) #m(1)', '[2] [$a]'],
    ['a null operation beside a string prints its source', '#set($x = true  -  1  +  "t")$x|#set($x = "t" + ( true - 1 ) )$x', '  1  t|t true - 1 '],
    ['spaces before #set after a reference and one }', '$a}  #set($a = 1)|$a}}  #set($a = 1)', '$a}|1}}  '],
    ['recursive macros', '#macro(f $n)#if($n > 0)$n#set($k = $n - 1)#f($k)#end#end#f(3)', '321'],
    ['a block comment right after a reference', '$s#*c*#x', 'abcx'],
    ['a lone $ and $! before a directive', '$#if(true)y#end $!#if(true)y#end', 'y y'],
    ['#stop', 'x #stop\nafter', 'x '],
    ['#{elseif}', '#{if}(false)a#{elseif}(true)b#{else}c#{end}', 'b'],
    ['#literal', '#literal()$s #if(true)x#end#end', '$s #if(true)x#end'],
    ['4.5e3 is a Double', '#set($x = 4.5e3)$x', '4500.0'],
    ['integer overflow widens', '#set($b = 2147483647 + 1)#set($c = 9223372036854775807 + 1)$b $c', '2147483648 9223372036854775808'],
    ['integer division and division by zero', '#set($a = 7 / 2)#set($z = 1 / 0)$a $z', '3 $z'],
    ['commas or spaces between macro arguments', '#macro(m $a $b)[$a$b]#end#m(1 2)#m(1, 2)#m(1)', '[12][12][1$b]'],
    ['string literals: doubled quotes and unicode escapes', '#set($s = "a""b")#set($t = "a\\nb\\u0041")$s $t', 'a"b a\\nbA'],
  ])('%s', (_name, template, expected) => {
    expect(output(template, { s: 'abc' })).toBe(expected);
  });

  test('printing a split() result prints a Java array', () => {
    expect(output('$s.split("b")', { s: 'abc' })).toMatch(/^\[Ljava\.lang\.String;@[0-9a-f]+$/);
    expect(output('#foreach($p in $s.split(","))[$p]#end', { s: 'a,b,,c,,' })).toBe('[a][b][][c]');
  });

  test('variables are plain JSON; a number with a fraction is a Double', () => {
    expect(output('$n $d $m.k $l[1] $nothing', { n: 3, d: 1.5, m: { k: 'v' }, l: [1, 2], nothing: null })).toBe('3 1.5 v 2 $nothing');
    expect(output('#set($x = $input.d * 2)$input.a $x', {}, { a: 'A', d: 2.5 })).toBe('A 5.0');
  });
});

describe('renderVelocity: errors and limits', () => {
  test('an index out of range is an error, as in Java', () => {
    const result = renderVelocity('#set($l = [1, 2, 3])\n$l[5]');
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', line: 2, column: 3 } });
  });

  test('syntax errors carry line and column', () => {
    expect(renderVelocity('#if($x\nabc')).toMatchObject({ ok: false, error: { kind: 'syntax', line: 2, column: 1 } });
  });

  test('strict references name the template', () => {
    const result = renderVelocity('{"a": $missing}', {}, { strict: true, name: 'successTemplate' });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'runtime', message: 'Variable $missing has not been set at successTemplate[line 1, column 7]', line: 1, column: 7 },
    });
  });

  test.each([
    ['iterations', '#foreach($i in [1..100000])#foreach($j in [1..100000])#end#end'],
    ['macro depth', '#macro(f)#f()#end#f()'],
    ['output size', '#set($s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")#foreach($i in [1..20000])$s#end'],
    ['a string that doubles', '#set($s = "x")#foreach($i in [1..64])#set($s = "$s$s")#end'],
  ])('%s: a limit error, not a crash or a hang', (_name, template) => {
    const result = renderVelocity(template);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('limit');
  });

  test('a regex that only backtracking can run shares one step budget across the render, and names itself', () => {
    // Each call alone fits the budget of one match; a hundred of them do not fit the render's.
    const template = '#set($s = "aaaaaaaaaaaaaaaaaa")#foreach($i in [1..100])$s.matches("(a|aa)+(?=b)")#end';
    const result = renderVelocity(template);
    expect(result).toMatchObject({ ok: false, error: { kind: 'limit' } });
    expect(result.ok ? '' : result.error.message).toContain('/(a|aa)+(?=b)/');
    expect(renderVelocity(template.replace('[1..100]', '[1..2]'))).toEqual({ ok: true, output: 'falsefalse' });
  });

  test('deeply nested blocks are a syntax error, not a stack overflow', () => {
    const result = renderVelocity('#if(true)'.repeat(5000) + '#end'.repeat(5000));
    expect(result).toMatchObject({ ok: false, error: { kind: 'syntax' } });
  });
});

describe('renderVelocity: hostile nesting', () => {
  test.each([
    ['lists', `#set($a = ${'['.repeat(5000)}${']'.repeat(5000)})`],
    ['maps', `#set($a = ${'{"k": '.repeat(5000)}1${'}'.repeat(5000)})`],
    ['string literals in arguments', `${'$a.b("'.repeat(400)}x${'")'.repeat(400)}`],
    ['parentheses', `#if(${'('.repeat(5000)}true${')'.repeat(5000)})x#end`],
  ])('deeply nested %s are a syntax error, not a stack overflow', (_name, template) => {
    expect(renderVelocity(template)).toMatchObject({ ok: false, error: { kind: 'syntax' } });
  });
});
