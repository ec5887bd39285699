/** JSON helpers shared by the Genesys tools: number tokens and string escapes are kept as written. */

export function jsonStringEscape(text: string): string {
  let out = '';
  for (const c of text) {
    switch (c) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      default: {
        const code = c.charCodeAt(0);
        out += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : c;
      }
    }
  }
  return out;
}

export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Compact JSON text of a parsed value, in the key order given. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** Removes whitespace outside strings, leaving tokens byte-for-byte as written. */
export function minifyJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!' \t\r\n'.includes(c)) out += c;
  }
  return out;
}

/** The raw text of each top-level element of a minified JSON array or the members of an object. */
export function splitTopLevel(minified: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  for (let i = 0; i < minified.length; i++) {
    const c = minified[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0 && i > start) parts.push(minified.slice(start, i));
    } else if (c === ',' && depth === 1) {
      parts.push(minified.slice(start, i));
      start = i + 1;
    }
  }
  return parts;
}
