import { describe, expect, it } from 'vitest';
import { compileJavaPattern, JavaPatternSyntaxError, JavaRegexLimitError, JavaReplacementError } from '../../src/java/regex/pattern.js';

const matches = (pattern: string, input: string, flags = ''): boolean => compileJavaPattern(pattern, flags).matches(input);

describe('Java regular expressions', () => {
  it.each([
    ['(a+)+b', 'a'.repeat(33), false],
    ['(a|aa)*$', `${'a'.repeat(40)}!`, true],
    ['^(a?a?)+$', `${'a'.repeat(40)}!`, false],
    ['(.*a){12}', `${'a'.repeat(40)}b`, true],
    ['(\\w+\\s?)*$', `${'word '.repeat(1000)}!`, true],
    ['(x+x+)+y', 'x'.repeat(5000), false],
  ])('runs %s on the linear-time engine on a hostile input', (pattern, input, found) => {
    const compiled = compileJavaPattern(pattern);
    expect(compiled.matches(input)).toBe(false);
    expect(compiled.find(input) !== undefined).toBe(found);
    expect(compiled.find(`${input}\n`) !== undefined, 'a final line terminator switches $ to the budgeted matcher').toBe(found);
  });

  it('uses the linear-time engine unless a construct needs backtracking', () => {
    expect(compileJavaPattern('(a+)+b').isLinear).toBe(true);
    expect(compileJavaPattern('[a-z&&[^e]]+\\p{L}(?i)x').isLinear).toBe(true);
    expect(compileJavaPattern('(a)\\1').isLinear).toBe(false);
    expect(compileJavaPattern('a(?=b)').isLinear).toBe(false);
    expect(compileJavaPattern('a++').isLinear).toBe(false);
  });

  it('accepts harmless patterns the old guard refused', () => {
    expect(matches('(a+)+', 'aaa')).toBe(true);
    expect(matches('^(\\w+\\s?)*$', 'hello big world')).toBe(true);
  });

  it('stops a backtracking-only pattern with a limit error naming it', () => {
    const pattern = compileJavaPattern('(a|aa)+(?=b)\\1');
    expect(pattern.isLinear).toBe(false);
    let thrown: unknown;
    try {
      pattern.matches('a'.repeat(40));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JavaRegexLimitError);
    expect((thrown as Error).message).toContain('/(a|aa)+(?=b)\\1/');
  });

  it('translates Java syntax exactly', () => {
    expect(matches('(?i)abc', 'AbC')).toBe(true);
    expect(matches('abc', 'AbC', 'i')).toBe(true);
    expect(matches('é', 'É', 'i')).toBe(false);
    expect(matches('é', 'É', 'iu')).toBe(true);
    expect(matches('\\p{Alpha}+', 'abcXYZ')).toBe(true);
    expect(matches('\\p{Alpha}', 'é')).toBe(false);
    expect(matches('\\p{L}', 'é')).toBe(true);
    expect(matches('\\p{IsLatin}+', 'abé')).toBe(true);
    expect(matches('\\Q.*\\E', '.*')).toBe(true);
    expect(matches('\\Q.*\\E', 'ab')).toBe(false);
    expect(matches('[a-z&&[^e]]+', 'abcd')).toBe(true);
    expect(matches('[a-z&&[^e]]+', 'abcde')).toBe(false);
    expect(matches('[a-z&&def]', 'e')).toBe(true);
    expect(matches('[abc[x-z]]+', 'axz')).toBe(true);
    expect(matches('\\s', '\u000b')).toBe(true);
    expect(matches('.', '\r')).toBe(false);
    expect(matches('.', '\r', 's')).toBe(true);
    expect(matches('a # letter a\n b', 'ab', 'x')).toBe(true);
    expect(matches('(?x) a b c', 'abc')).toBe(true);
    expect(matches('a(?i:b)c', 'aBc')).toBe(true);
    expect(matches('a(?i:b)c', 'aBC')).toBe(false);
    expect(matches('abc', 'abcd')).toBe(false);
    expect(matches('a++a', 'aaa')).toBe(false);
    expect(matches('(?>a+)b', 'aab')).toBe(true);
    expect(matches('(a)\\1', 'aa')).toBe(true);
    expect(matches('(?<x>a)\\k<x>', 'aa')).toBe(true);
    expect(matches('(?<=a)b', 'b')).toBe(false);
    expect(compileJavaPattern('(?<=a)b').find('ab')?.slice(0, 2)).toEqual([1, 2]);
    expect(matches('\\x41\\u0042\\0103\\x{44}', 'ABCD')).toBe(true);
    expect(matches('😀.', '😀😀')).toBe(true);
  });

  it('reads $ before a final line terminator as Java does', () => {
    expect(compileJavaPattern('a$').replaceAll('a\n', 'b')).toBe('b\n');
    expect(compileJavaPattern('a$').replaceAll('a', 'b')).toBe('b');
    expect(compileJavaPattern('(?m)^x').replaceAll('x\nx\n', 'y')).toBe('y\ny\n');
  });

  it('replaces with $n, ${name} and \\$', () => {
    const p = compileJavaPattern('(\\w)(\\d)?');
    expect(p.replaceAll('a1 b', '<$1|$2>')).toBe('<a|1> <b|>');
    expect(compileJavaPattern('(?<w>o)').replaceAll('foo', '${w}0')).toBe('fo0o0');
    expect(compileJavaPattern('o').replaceAll('foo', '\\$')).toBe('f$$');
    expect(compileJavaPattern('(o)').replaceAll('foo', '$11')).toBe('fo1o1');
    expect(compileJavaPattern('o').replaceFirst('foo', '0')).toBe('f0o');
    expect(compileJavaPattern('x*').replaceAll('abc', '-')).toBe('-a-b-c-');
    expect(() => compileJavaPattern('o').replaceAll('foo', '$2')).toThrow(JavaReplacementError);
    expect(() => compileJavaPattern('o').replaceAll('foo', '$x')).toThrow(JavaReplacementError);
    expect(compileJavaPattern('o').replaceAll('bar', '$x')).toBe('bar');
  });

  it('splits as String.split', () => {
    const comma = compileJavaPattern(',');
    expect(comma.split('a,b,,c,,')).toEqual(['a', 'b', '', 'c']);
    expect(comma.split('a,b,,c,,', -1)).toEqual(['a', 'b', '', 'c', '', '']);
    expect(comma.split('a,b,,c,,', 2)).toEqual(['a', 'b,,c,,']);
    expect(comma.split('')).toEqual(['']);
    expect(comma.split(',,,')).toEqual([]);
    expect(compileJavaPattern('').split('abc')).toEqual(['a', 'b', 'c']);
    expect(compileJavaPattern('(?=b)').split('abab')).toEqual(['a', 'ba', 'b']);
  });

  it('runs a pattern RE2 refuses as too large on the budgeted matcher, and refuses absurd nesting', () => {
    const huge = compileJavaPattern('(?:a{1000}){1000}');
    expect(huge.isLinear).toBe(false);
    expect(huge.matches('a'.repeat(10))).toBe(false);
    expect(() => compileJavaPattern(`${'('.repeat(20_000)}a${')'.repeat(20_000)}`)).toThrow(/nested too deeply/);
  });

  it('reports bad patterns as PatternSyntaxException would', () => {
    for (const bad of ['(a', 'a)', '*a', 'a**', 'a+?*', '{', '[a', 'a{2,1}', '\\p{Nope}', '\\y', '(?<=a+)b']) {
      expect(() => compileJavaPattern(bad), bad).toThrow(JavaPatternSyntaxError);
    }
  });
});
