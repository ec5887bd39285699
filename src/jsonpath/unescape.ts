/** Jayway's Utils.unescape: Java-style backslash escapes; an unknown escape keeps the character. */
export function unescapeJayway(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    i++;
    if (i >= text.length) {
      out += '\\';
      break;
    }
    const escaped = text[i] as string;
    switch (escaped) {
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'b': out += '\b'; break;
      case 'u': {
        const hex = text.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`Unable to parse unicode value: ${hex}`);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default: out += escaped;
    }
  }
  return out;
}
