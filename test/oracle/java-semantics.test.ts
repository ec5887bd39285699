import { describe, expect, it } from 'vitest';
import { bigDecimalText } from '../../src/java/big-decimal.js';
import { javaDoubleText } from '../../src/java/double.js';
import { compileJavaPattern, JavaPatternSyntaxError, JavaRegexLimitError } from '../../src/java/regex/pattern.js';
import { type JdkCase, runJdkOracle } from './jdk-oracle.js';

/**
 * src/java/ against the JDK: java.util.regex (matches, find, replaceAll, replaceFirst, split),
 * Double.toString and BigDecimal.toString, on hand-picked and seeded generated cases.
 */
interface Case extends JdkCase {
  readonly op: 'matches' | 'find' | 'replaceAll' | 'replaceFirst' | 'split' | 'double' | 'bigdecimal';
}

/** Java writes an unpaired surrogate as '?' in UTF-8. */
function asJavaWritesIt(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}

function runOurs(c: Case): string {
  return asJavaWritesIt(runOursRaw(c));
}

function runOursRaw(c: Case): string {
  try {
    if (c.op === 'double') return javaDoubleText(Number(c.input));
    if (c.op === 'bigdecimal') return bigDecimalText(c.input) ?? '!NumberFormatException';
    const pattern = compileJavaPattern(c.pattern, c.flags);
    switch (c.op) {
      case 'matches':
        return String(pattern.matches(c.input));
      case 'find':
        return [...pattern.findAll(c.input)]
          .map((positions) => Array.from({ length: positions.length / 2 }, (_, g) => `${positions[2 * g]}-${positions[2 * g + 1]}`).join(','))
          .join(';');
      case 'replaceAll':
        return pattern.replaceAll(c.input, c.argument);
      case 'replaceFirst':
        return pattern.replaceFirst(c.input, c.argument);
      case 'split': {
        const parts = pattern.split(c.input, Number(c.argument));
        return `${parts.join('|')}#${parts.length}`;
      }
    }
  } catch (error) {
    if (error instanceof JavaRegexLimitError) return `!limit ${error.message}`;
    return error instanceof JavaPatternSyntaxError ? '!PatternSyntaxException' : '!error';
  }
}

const HAND_PICKED: Case[] = [
  ...['0.0', '-0.0', '1.0', '-1.5', '100.0', '1e7', '9999999.0', '1.0E-3', '0.001', '1.0E-4', '123456789.125', '1e21', '-1e-10', '0.1', '3.0E10', '4.9E-324', '1.7976931348623157E308']
    .map((input): Case => ({ op: 'double', pattern: '', flags: '', input, argument: '' })),
  ...['0', '-0', '0.00', '-0.0', '1e3', '1E+3', '12.50', '.5', '5.', '-1.2e-8', '123456789012345678901234567890', '0.0000001', '1e-7', 'abc', '1e', '+7']
    .map((input): Case => ({ op: 'bigdecimal', pattern: '', flags: '', input, argument: '' })),
  ...[
    ['(?i)abc', 'AbC'], ['abc', 'ABC'], ['\\p{Alpha}+', 'abcé'], ['\\p{L}+', 'abcé'], ['\\p{Lu}\\p{Ll}', 'Ab'], ['\\p{IsLatin}+', 'abé'],
    ['\\p{Punct}+', '!-~'], ['\\p{javaLowerCase}', 'é'], ['\\Q.*\\E', '.*'], ['a\\Q(b\\E', 'a(b'], ['[a-z&&[^e]]+', 'abcd'],
    ['[a-z&&[^e]]+', 'abcde'], ['[a-z&&def]+', 'def'], ['[abc[x-z]]+', 'axz'], ['[]a]+', ']a'], ['[^]a]', 'b'], ['[a-]+', 'a-'],
    ['\\s+', ' \t\n\u000b\f\r'], ['\\S', '\u000b'], ['.', '\r'], ['.', '\u2028'], ['\\h', '\u00a0'], ['\\v', '\u000b'], ['\\R', '\r\n'],
    ['a++a', 'aaa'], ['(?>a+)b', 'aab'], ['(a)\\1', 'aa'], ['(?<x>a)\\k<x>', 'aa'], ['(?i)(a)\\1', 'aA'], ['a(?=b)b', 'ab'], ['a(?!b).', 'ac'],
    ['(?<=a)b', 'b'], ['\\x41\\u0042\\0103\\x{44}', 'ABCD'], ['😀.', '😀😀'], ['a{2,3}', 'aaa'], ['a{2,}?', 'aaa'], ['(a|ab)(c|bcd)(d*)', 'abcd'],
    ['é', 'É'], ['(?i)\\p{Lu}', 'ß'], ['(?iu)\\p{Alpha}', '\u212a'], ['(?i)\\p{javaLowerCase}', 'A'], ['(?i)\\p{Lower}', 'É'], ['(?iU)\\p{Lower}', 'A'],
    ['(?i)\\p{IsLowercase}', 'A'], ['(?iu)[a-z]', '\u212a'], ['(?iu)\\w', '\u212a'], ['(?i)\\p{Upper}', 'a'], ['\\w+', 'abc_1'], ['\\bfoo\\b', 'foo'], ['(?x) a b # c\n c', 'abc'], ['[\\p{L}&&[^a]]+', 'bcé'], ['\\p{InGreek}', 'α'],
    ['a{', 'a{'], ['{', '{'], ['x{1', 'x{1'], ['a}', 'a}'], ['a]', 'a]'], ['(?i)[^a]', 'A'], ['(?i)\\p{Lower}', 'A'], ['[\\Q]\\E]', ']'],
    ['\\cA', '\u0001'], ['\\e', '\u001b'], ['\\07', '\u0007'], ['\\0777', '?7'], ['\\p{Space}', '\u00a0'], ['(?U)\\w', 'é'], ['(?U)\\s', '\u00a0'],
  ].map(([pattern, input]): Case => ({ op: 'matches', pattern: pattern as string, flags: '', input: input as string, argument: '' })),
  ...[
    ['a$', 'a\n'], ['a$', 'a\r\n'], ['a$', 'a\n\n'], ['a\\Z', 'a\n'], ['a\\z', 'a\n'], ['$', 'ab\n'], ['(?m)^', 'a\nb\n'], ['(?m)$', 'a\nb\r\nc'],
    ['x*', 'abc'], ['\\b', 'ab cd'], ['(a)|(b)', 'ab'], ['(?<=a)b', 'abab'], ['\\G\\w', 'ab c'], ['(?d)a$', 'a\r\n'], ['^', ''], ['(?m)^', ''],
    ['\\s*$', 'a  \n'], ['a|', 'ba'], ['[\\s&&[^\\n]]+', 'a \t\nb'], ['(?i)ß', 'SS'],
  ].map(([pattern, input]): Case => ({ op: 'find', pattern: pattern as string, flags: '', input: input as string, argument: '' })),
  ...[
    ['(\\w)(\\d)?', 'a1 b', '<$1|$2>'], ['(?<w>o)', 'foo', '${w}0'], ['o', 'foo', '\\$'], ['(o)', 'foo', '$11'], ['o', 'foo', '$2'], ['o', 'foo', '$x'],
    ['o', 'bar', '$x'], ['x*', 'abc', '-'], ['o', 'foo', '\\'], ['o', 'foo', '$'], ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', 'abcdefghij', '$10$9'], ['a$', 'a\n', 'b'],
  ].map(([pattern, input, argument]): Case => ({ op: 'replaceAll', pattern: pattern as string, flags: '', input: input as string, argument: argument as string })),
  ...[
    [',', 'a,b,,c,,', '0'], [',', 'a,b,,c,,', '-1'], [',', 'a,b,,c,,', '2'], [',', '', '0'], [',', ',,,', '0'], ['', 'abc', '0'], ['(?=b)', 'abab', '0'],
    ['\\s+', ' a b ', '0'], ['x*', 'axb', '0'], [',', 'a,b', '1'], ['$', 'a\n', '0'],
  ].map(([pattern, input, argument]): Case => ({ op: 'split', pattern: pattern as string, flags: '', input: input as string, argument: argument as string })),
];

/** A seeded generator of small patterns and inputs over a few characters, so differences show quickly. */
function generated(count: number, seed: number): Case[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const atoms = [
    'a', 'b', 'A', '.', '\\w', '\\s', '\\d', '[ab]', '[^a]', '[a-c&&[^b]]', '\\p{Alpha}', '\\b', '^', '$', '\\n', ' ', '(a|b)', '(ab|a)',
    '(?:a|)', '(a)\\1', '(?=a)', '(?!b)', '(?<=a)', '\\Z', 'é', '\\p{L}', '[\\w&&[^\\d]]', '(?<n>a|b)\\k<n>', '(?i)a', '(?i:b)', '\\Qa.\\E',
    '\\R', '\\h', '\\S', '\\B', '[^\\s]', '\\p{Lu}', '[.]', '\\.', '(?>a|ab)', '\\z', '\\A', '[\\p{L}&&[^a]]', '\\x61', '\\u00e9',
    '\\p{IsLatin}', '\\p{Punct}', '[^\\p{L}]', '[A-Z]', '[à-ÿ]', 'É', 'σ', '\\p{javaUpperCase}', '[\\s\\d]', '[-a]', '[a-]', '\\W', '\\D',
  ];
  const quantifiers = ['', '', '', '*', '+', '?', '{1,2}', '*?', '+?', '??', '*+', '{2}', '{0,}', '{1,}?', '?+'];
  const flags = ['', '', '', 'i', 'm', 's', 'd', 'iu', 'x', 'U', 'iU', 'mi', 'sd'];
  const cases: Case[] = [];
  for (let n = 0; n < count; n++) {
    let pattern = '';
    const length = 1 + Math.floor(random() * 4);
    for (let i = 0; i < length; i++) {
      const atom = pick(atoms);
      const quantifier = /^[\\^$]b|^\^|^\$|\(\?[=!<]/.test(atom) ? '' : pick(quantifiers);
      pattern += atom.length > 1 && quantifier !== '' && !atom.startsWith('(') && !atom.startsWith('[') && !atom.startsWith('\\') ? `(?:${atom})${quantifier}` : `${atom}${quantifier}`;
    }
    if (random() < 0.3) pattern = `(${pattern})${pick(['', '*', '+', '?'])}`;
    if (random() < 0.2) pattern = `${pattern}|${pick(atoms)}`;
    let input = '';
    const inputLength = Math.floor(random() * 8);
    for (let i = 0; i < inputLength; i++) input += pick(['a', 'b', 'a', 'A', ' ', '\n', '1', 'é', '_', '\r', 'É', 'Σ', 'σ', 'ς', '\u00a0', '😀', '-', '\u2028', 'ÿ', 'K', '\u212a']);
    const op = pick(['matches', 'find', 'find', 'replaceAll', 'replaceFirst', 'split'] as const);
    const argument = op === 'split' ? pick(['0', '-1', '2']) : pick(['<$0>', '[$1]', '-', '\\$']);
    cases.push({ op, pattern, flags: pick(flags), input, argument });
  }
  return cases;
}

/** Where we knowingly differ; each entry says why (see docs/fidelity.md). */
const KNOWN_DIFFERENCES: ReadonlyArray<{ readonly test: (c: Case) => boolean; readonly reason: string }> = [
  { test: (c) => /\\[bB]/.test(c.pattern) && /[^\x00-\x7f]/.test(c.input), reason: 'JDK 17 reads \\b and \\B with Character.isLetterOrDigit; JDK 19+ (and dactl) with \\w' },
  { test: (c) => c.pattern.includes('\\p{In'), reason: 'Unicode blocks are not supported' },
  {
    test: (c) => /\((\\[bBAzZG]|\$|\^|\(\?[=!<][^()]*\))[*+?]*\)[*+{]/.test(c.pattern),
    reason: 'a repeated group that can only match an empty string (an anchor or a lookaround): Java leaves the group unset',
  },
];

describe('src/java against the JDK', () => {
  const cases = [...HAND_PICKED, ...generated(Number(process.env.JAVA_SEMANTICS_RUNS ?? 1500), 20261201)];
  const java = runJdkOracle(cases);

  it('agrees with java.util.regex, Double.toString and BigDecimal on every case', () => {
    const differences: string[] = [];
    let limited = 0;
    cases.forEach((c, i) => {
      const expected = java[i] as string;
      const ours = runOurs(c);
      if (ours.startsWith('!limit')) {
        limited++;
        return;
      }
      const agree = ours === expected || (ours.startsWith('!') && expected.startsWith('!'));
      if (!agree && !KNOWN_DIFFERENCES.some((known) => known.test(c))) {
        differences.push(`${c.op} /${c.pattern}/${c.flags} on ${JSON.stringify(c.input)} ${JSON.stringify(c.argument)}: java ${JSON.stringify(expected)}, ours ${JSON.stringify(ours)}`);
      }
    });
    expect(differences).toEqual([]);
    expect(limited).toBe(0);
  });
});
