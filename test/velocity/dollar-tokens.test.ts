import { describe, expect, test } from 'vitest';
import { renderTemplate } from '../../src/velocity/index.js';

/** `$` and `$!` that start no reference, as Velocity 1.7's lexer reads them (outputs measured with Java). */
describe('lone $ and $! tokens', () => {
  test.each([
    ['$!#x|', '$!#x|'],
    ['$!#foreach|', '$!#foreach|'],
    ['#macro(m)M#end$!#m()|', '$!#m()|'],
    ['$!## comment\nx', '$!x'],
    ['$!#1|', '$!#1|'],
    ['$!# |', '$# |'],
    ['$!#(|', '$#(|'],
    ['$#x|', '$#x|'],
  ])('%j prints %j', (template, expected) => {
    expect(renderTemplate(template, {})).toEqual({ ok: true, output: expected });
  });
});

/** `$\!foo`: backslashes between `$` and `!` make Velocity 1.7 read a reference it cannot compute. */
describe('$\\! references', () => {
  test.each([
    ['#set($foo = "F")$\\!foo|$\\\\!foo|$\\!foo.bar()|$\\!{foo.bar}|$\\!foo[0]', '$!foo|$\\!foo|$!foo|$!{|$!foo'],
    ['#set($foo = "F")\\$\\!foo|\\\\$\\!foo|"$\\!foo"', '\\$!foo|\\\\$!foo|"$!foo"'],
    ['#set($foo = "F")#set($s = "a$\\!foo.b(1)b")$s', 'a$!foob'],
    ['#if($\\!foo)y#{else}n#end #set($x = $\\!foo)$x #set($\\!foo = 1)$\\!foo', 'n$x$!foo'],
    ['#macro(m $a)[$a]#end#m($\\!foo.bar) #macro(n $\\!b)[$\\!b]#end#n(1)', '[$\\!foo.bar] [$!b]'],
    ['$\\!|$\\! x|$\\!}|$\\!#*c*#|$\\!#x', '$|$ x|$\\!}||$\\!#x'],
  ])('%j prints %j', (template, expected) => {
    expect(renderTemplate(template, {})).toEqual({ ok: true, output: expected });
  });

  test('is named with its backslash dropped in strict errors', () => {
    const result = renderTemplate('#set($foo = 1)$\\!foo.bar', {}, { strict: true });
    expect(result.ok ? '' : result.error.message).toBe('Variable $$!foo has not been set at successTemplate[line 1, column 15]');
  });
});

describe('long runs of lone tokens', () => {
  test.each([
    ['$', '$'.repeat(50_000)],
    ['$\\!', '$\\!'.repeat(50_000)],
    ['#$', '#$'.repeat(50_000)],
  ])('a run of %s is read in linear time', (_, run) => {
    const start = performance.now();
    const result = renderTemplate(`${run}x`, {});
    expect(result.ok).toBe(true);
    // Quadratic work took well over ten seconds here; linear work takes milliseconds.
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
