const cache = new Map<string, RegExp>();

/** `**` any folders, `*` any characters but `/`, `?` one character, `{a,b}` alternatives; matched against `/` paths. */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else if (c === '{') {
      pattern += '(?:';
      inGroup = true;
    } else if (c === '}' && inGroup) {
      pattern += ')';
      inGroup = false;
    } else if (c === ',' && inGroup) pattern += '|';
    else pattern += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const regexp = new RegExp(`^${pattern}$`);
  cache.set(glob, regexp);
  return regexp;
}

/** A glob without a `/` matches the file name in any folder, as in .gitignore. */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const target = glob.includes('/') ? path : (path.split('/').pop() ?? path);
  return globToRegExp(glob.replace(/^\.\//, '')).test(target);
}
