/**
 * Parses a JSON literal the way json-smart's permissive mode does for the cases that matter in paths:
 * standard JSON, single-quoted strings, and a bare word read as a string.
 */
export function parsePermissiveJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    // fall through to the permissive forms
  }
  const requoted = requoteSingleQuotedStrings(trimmed);
  if (requoted !== null) {
    try {
      return { ok: true, value: JSON.parse(requoted) };
    } catch {
      // fall through
    }
  }
  if (/^[A-Za-z_][\w-]*$/.test(trimmed)) return { ok: true, value: trimmed };
  return { ok: false };
}

function requoteSingleQuotedStrings(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = closingQuote(text, i, '"');
      if (end === -1) return null;
      out += text.slice(i, end + 1);
      i = end;
    } else if (ch === "'") {
      const end = closingQuote(text, i, "'");
      if (end === -1) return null;
      const body = text.slice(i + 1, end).replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"');
      out += `"${body}"`;
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}

function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
