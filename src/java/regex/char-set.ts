/**
 * A set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges. Java character
 * classes (unions, `&&` intersections, negation, case folding) are computed here exactly, so both
 * matchers see the same set.
 */
export type CharSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;
export const EMPTY_SET: CharSet = [];
export const ALL_CHARS: CharSet = [[0, MAX_CODE_POINT]];

export function single(cp: number): CharSet {
  return [[cp, cp]];
}

export function range(from: number, to: number): CharSet {
  return [[from, to]];
}

export function fromChars(chars: string): CharSet {
  return union(...[...chars].map((c) => single(c.codePointAt(0) as number)));
}

export function union(...sets: CharSet[]): CharSet {
  const all = sets.flat().map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function negate(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersect(left: CharSet, right: CharSet): CharSet {
  return negate(union(negate(left), negate(right)));
}

export function contains(set: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = set[mid] as readonly [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** `CASE_INSENSITIVE` without `UNICODE_CASE`: only ASCII letters match their other case. */
export function foldAscii(set: CharSet): CharSet {
  const upper = intersect(set, range(0x41, 0x5a)).map(([a, b]) => [a + 32, b + 32] as const);
  const lower = intersect(set, range(0x61, 0x7a)).map(([a, b]) => [a - 32, b - 32] as const);
  return union(set, upper, lower);
}

let casedPairs: Array<[number, number[]]> | undefined;

/** Code points with a different upper or lower case, and those cases (Character.toUpperCase/toLowerCase). */
function caseVariants(): Array<[number, number[]]> {
  if (casedPairs) return casedPairs;
  casedPairs = [];
  // A character that no case mapping changes has no other case: only those that change are looked at.
  for (const cp of codePoints(intersect(unicodePropertySet('Changes_When_Casemapped'), range(0, 0x1ffff)))) {
    const c = String.fromCodePoint(cp);
    const variants = new Set<number>();
    for (const v of [c.toUpperCase(), c.toLowerCase(), c.toUpperCase().toLowerCase()]) {
      if ([...v].length === 1) variants.add(v.codePointAt(0) as number);
    }
    variants.delete(cp);
    if (variants.size > 0) casedPairs.push([cp, [...variants]]);
  }
  return casedPairs;
}

function* codePoints(set: CharSet): Generator<number> {
  for (const [from, to] of set) for (let cp = from; cp <= to; cp++) yield cp;
}

/** `CASE_INSENSITIVE | UNICODE_CASE`: a character matches when one of its cases is in the set. */
export function foldUnicode(set: CharSet): CharSet {
  const added: CharSet[] = [];
  for (const [cp, variants] of caseVariants()) {
    if (!contains(set, cp) && variants.some((v) => contains(set, v))) added.push(single(cp));
  }
  return union(set, ...added);
}

const propertyCache = new Map<string, CharSet>();

/** Planes scanned code point by code point; the others hold only unassigned or private-use characters. */
const SCAN_BLOCKS: ReadonlyArray<readonly [number, number]> = [[0, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x3ffff], [0xe0000, 0xeffff]];
const UNIFORM_PLANES = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16];

let texts: Array<[number, string]> | undefined;

function scanTexts(): Array<[number, string]> {
  if (texts) return texts;
  // Decoded from UTF-16 units in one go: a string per code point, joined, takes several times longer.
  const decoder = new TextDecoder('utf-16le');
  texts = SCAN_BLOCKS.map(([from, to]): [number, string] => {
    const count = to - from + 1;
    const supplementary = from > 0xffff;
    const units = new Uint16Array(supplementary ? count * 2 : count);
    for (let i = 0; i < count; i++) {
      if (!supplementary) {
        units[i] = from + i;
        continue;
      }
      const offset = from + i - 0x10000;
      units[i * 2] = 0xd800 + (offset >> 10);
      units[i * 2 + 1] = 0xdc00 + (offset & 0x3ff);
    }
    return [from, decoder.decode(units)];
  });
  return texts;
}

/** The set of code points a JavaScript Unicode property escape (`\p{…}` with the `u` flag) matches. */
export function unicodePropertySet(jsProperty: string): CharSet {
  const cached = propertyCache.get(jsProperty);
  if (cached) return cached;
  const runs = new RegExp(`\\p{${jsProperty}}+`, 'gu');
  const one = new RegExp(`^\\p{${jsProperty}}$`, 'u');
  const out: [number, number][] = [];
  for (const [from, text] of scanTexts()) {
    const width = from > 0xffff ? 2 : 1;
    for (const match of text.matchAll(runs)) {
      const first = from + (match.index ?? 0) / width;
      out.push([first, first + match[0].length / width - 1]);
    }
  }
  for (const plane of UNIFORM_PLANES) {
    const base = plane * 0x10000;
    // Every code point of the plane but its last two (noncharacters) has the same properties.
    if (one.test(String.fromCodePoint(base))) out.push([base, base + 0xfffd]);
    if (one.test(String.fromCodePoint(base + 0xfffe))) out.push([base + 0xfffe, base + 0xffff]);
  }
  const set = union(out);
  propertyCache.set(jsProperty, set);
  return set;
}
