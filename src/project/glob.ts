import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/**
 * Whether a `/`-separated relative path matches a glob (picomatch: `**`, `*`, `?`, `[ab]`, nested `{a,{b,c}}`).
 * A glob without a `/` matches the file name in any folder, as in .gitignore; a trailing `/` means the folder.
 */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  let matcher = matchers.get(glob);
  if (!matcher) {
    const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '');
    const match = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
    // `legacy/**` also names the folder `legacy` itself, so a walk can skip it whole.
    matcher = pattern.endsWith('/**') ? (p) => match(p) || match(`${p}/`) || p === pattern.slice(0, -3) : match;
    matchers.set(glob, matcher);
  }
  return matcher(path);
}

export function isGlob(text: string): boolean {
  return picomatch.scan(text).isGlob;
}

/** The folder part of a glob before its first wildcard (`definitions/**\/*.yaml` → `definitions`). */
export function globBase(glob: string): string {
  return picomatch.scan(glob).base;
}
