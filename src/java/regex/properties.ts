import { type CharSet, ALL_CHARS, fromChars, intersect, negate, range, single, union, unicodePropertySet } from './char-set.js';

/** The POSIX classes of java.util.regex: ASCII only, unless UNICODE_CHARACTER_CLASS is on. */
const ASCII_POSIX: Record<string, () => CharSet> = {
  Lower: () => range(0x61, 0x7a),
  Upper: () => range(0x41, 0x5a),
  ASCII: () => range(0, 0x7f),
  Alpha: () => union(range(0x41, 0x5a), range(0x61, 0x7a)),
  Digit: () => range(0x30, 0x39),
  Alnum: () => union(range(0x30, 0x39), range(0x41, 0x5a), range(0x61, 0x7a)),
  Punct: () => fromChars('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'),
  Graph: () => range(0x21, 0x7e),
  Print: () => range(0x20, 0x7e),
  Blank: () => fromChars(' \t'),
  Cntrl: () => union(range(0, 0x1f), single(0x7f)),
  XDigit: () => union(range(0x30, 0x39), range(0x41, 0x46), range(0x61, 0x66)),
  Space: () => fromChars(' \t\n\x0B\f\r'),
};

const js = (property: string) => (): CharSet => unicodePropertySet(property);

/** The same names under UNICODE_CHARACTER_CLASS (Pattern's documented Unicode equivalents). */
const UNICODE_POSIX: Record<string, () => CharSet> = {
  Lower: js('Lowercase'),
  Upper: js('Uppercase'),
  ASCII: () => range(0, 0x7f),
  Alpha: js('Alphabetic'),
  Digit: js('Nd'),
  Alnum: () => union(unicodePropertySet('Alphabetic'), unicodePropertySet('Nd')),
  Punct: js('P'),
  Graph: () => negate(union(unicodePropertySet('White_Space'), unicodePropertySet('Cc'), unicodePropertySet('Cs'), unicodePropertySet('Cn'))),
  Print: () => intersect(union(UNICODE_POSIX.Graph?.() ?? [], UNICODE_POSIX.Blank?.() ?? []), negate(unicodePropertySet('Cc'))),
  Blank: () => union(unicodePropertySet('Zs'), single(0x09)),
  Cntrl: js('Cc'),
  XDigit: () => union(unicodePropertySet('Nd'), unicodePropertySet('Hex_Digit')),
  Space: js('White_Space'),
};

/** java.lang.Character predicates (`\p{javaLowerCase}` …) as Unicode properties. */
const JAVA_CHARACTER: Record<string, () => CharSet> = {
  javaLowerCase: js('Lowercase'),
  javaUpperCase: js('Uppercase'),
  javaTitleCase: js('Lt'),
  javaAlphabetic: js('Alphabetic'),
  javaIdeographic: js('Ideographic'),
  javaLetter: js('L'),
  javaDigit: js('Nd'),
  javaLetterOrDigit: () => union(unicodePropertySet('L'), unicodePropertySet('Nd')),
  javaDefined: () => negate(unicodePropertySet('Cn')),
  javaISOControl: () => union(range(0, 0x1f), range(0x7f, 0x9f)),
  javaSpaceChar: js('Z'),
  javaWhitespace: () => union(intersect(unicodePropertySet('Z'), negate(fromChars('\u00a0\u2007\u202f'))), range(0x09, 0x0d), range(0x1c, 0x1f)),
  javaMirrored: js('Bidi_Mirrored'),
  javaUnicodeWord: () =>
    union(
      unicodePropertySet('Alphabetic'), unicodePropertySet('Mn'), unicodePropertySet('Me'), unicodePropertySet('Mc'),
      unicodePropertySet('Nd'), unicodePropertySet('Pc'), unicodePropertySet('Join_Control'),
    ),
};

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Cs', 'Co', 'Cn', 'LC',
]);

/** `\p{IsXxx}` binary properties; Java compares these names ignoring case. */
const BINARY: Record<string, string> = {
  ALPHABETIC: 'Alphabetic', IDEOGRAPHIC: 'Ideographic', LETTER: 'L', LOWERCASE: 'Lowercase', UPPERCASE: 'Uppercase',
  TITLECASE: 'Lt', PUNCTUATION: 'P', CONTROL: 'Cc', WHITE_SPACE: 'White_Space', WHITESPACE: 'White_Space', DIGIT: 'Nd',
  HEX_DIGIT: 'Hex_Digit', HEXDIGIT: 'Hex_Digit', JOIN_CONTROL: 'Join_Control', JOINCONTROL: 'Join_Control',
  NONCHARACTER_CODE_POINT: 'Noncharacter_Code_Point', NONCHARACTERCODEPOINT: 'Noncharacter_Code_Point', ASSIGNED: 'Assigned',
  EMOJI: 'Emoji', EMOJI_PRESENTATION: 'Emoji_Presentation', EMOJI_MODIFIER: 'Emoji_Modifier',
  EMOJI_MODIFIER_BASE: 'Emoji_Modifier_Base', EMOJI_COMPONENT: 'Emoji_Component', EXTENDED_PICTOGRAPHIC: 'Extended_Pictographic',
};

function category(name: string): CharSet | undefined {
  if (name === 'LD') return union(unicodePropertySet('L'), unicodePropertySet('Nd'));
  if (name === 'L1') return range(0, 0xff);
  if (name === 'LC') return union(unicodePropertySet('Lu'), unicodePropertySet('Ll'), unicodePropertySet('Lt'));
  return CATEGORIES.has(name) ? unicodePropertySet(`General_Category=${name}`) : undefined;
}

function script(name: string): CharSet | undefined {
  try {
    return unicodePropertySet(`Script=${name}`);
  } catch {
    return undefined;
  }
}

const CASE_NAMES = new Set(['LU', 'LL', 'LT', 'LOWER', 'UPPER', 'LOWERCASE', 'UPPERCASE', 'TITLECASE', 'JAVALOWERCASE', 'JAVAUPPERCASE', 'JAVATITLECASE']);

/**
 * Under CASE_INSENSITIVE Java folds no property class except the case ones: `\p{Lu}`, `\p{Ll}` and `\p{Lt}`
 * become all three, `\p{Lower}`/`\p{Upper}` become ASCII letters, `\p{javaLowerCase}` and `\p{IsLowercase}`
 * any cased letter. Undefined for other names.
 */
function caseInsensitiveSet(name: string, unicodeClasses: boolean): CharSet | undefined {
  const bare = name.replace(/^(Is|gc=|general_category=)/, '');
  const key = bare.toUpperCase();
  if (!CASE_NAMES.has(key) || (bare !== name && key.startsWith('JAVA')) || (bare === name && /^(LOWERCASE|UPPERCASE|TITLECASE)$/.test(key))) return undefined;
  if (key === 'LU' || key === 'LL' || key === 'LT') return union(unicodePropertySet('Lu'), unicodePropertySet('Ll'), unicodePropertySet('Lt'));
  if ((key === 'LOWER' || key === 'UPPER') && !unicodeClasses) return union(range(0x41, 0x5a), range(0x61, 0x7a));
  return union(unicodePropertySet('Lowercase'), unicodePropertySet('Uppercase'), unicodePropertySet('Lt'));
}

/** The set a Java `\p{name}` (or `\pL`) stands for; `fail` reports an unknown name as Java does. */
export function propertySet(name: string, fail: (description: string) => never, unicodeClasses = false, caseInsensitive = false): CharSet {
  const folded = caseInsensitive ? caseInsensitiveSet(name, unicodeClasses) : undefined;
  if (folded) return folded;
  const posix = (unicodeClasses ? UNICODE_POSIX : ASCII_POSIX)[name] ?? (name === 'all' ? () => ALL_CHARS : undefined);
  if (posix) return posix();
  const javaCharacter = JAVA_CHARACTER[name];
  if (javaCharacter) return javaCharacter();
  const equals = name.indexOf('=');
  if (equals !== -1) {
    const key = name.slice(0, equals);
    const value = name.slice(equals + 1);
    const found = key === 'gc' || key === 'general_category' ? category(value) : key === 'sc' || key === 'script' ? script(value) : undefined;
    if (key === 'blk' || key === 'block') fail(`Unicode blocks (\\p{${name}}) are not supported`);
    return found ?? fail(`Unknown character property name {${name}}`);
  }
  if (name.startsWith('In')) return fail(`Unicode blocks (\\p{${name}}) are not supported`);
  if (name.startsWith('Is')) {
    const rest = name.slice(2);
    const binary = BINARY[rest.toUpperCase()];
    const found = binary ? unicodePropertySet(binary) : (category(rest) ?? script(rest));
    return found ?? fail(`Unknown character property name {${name}}`);
  }
  return category(name) ?? fail(`Unknown character property name {${name}}`);
}
