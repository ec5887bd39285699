/** `*` any run of characters, `?` one character; case-insensitive, matched against the whole text. */
export function globMatcher(glob: string): (text: string) => boolean {
  const source = glob
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  const pattern = new RegExp(`^${source}$`, 'is');
  return (text) => pattern.test(text);
}
