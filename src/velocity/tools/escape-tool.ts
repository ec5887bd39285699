import { javaText } from '../java-text.js';
import { formEncode, uriEncode } from './form-encoding.js';
import { jsonStringEscape } from './json-text.js';
import { defineTool, type VelocityTool } from './velocity-tool.js';
import { htmlEntityName } from './html-entities.js';

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** commons-lang 2.6 `StringEscapeUtils.escapeJava` / `escapeJavaScript`. */
function escapeJavaStyle(text: string, javaScript: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const code = text.charCodeAt(i);
    if (code > 0x7f) out += unicodeEscape(code);
    else if (code < 32) {
      const named: Record<number, string> = { 8: '\\b', 10: '\\n', 9: '\\t', 12: '\\f', 13: '\\r' };
      out += named[code] ?? unicodeEscape(code);
    } else if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (javaScript && c === "'") out += "\\'";
    else if (javaScript && c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

function escapeHtml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const name = htmlEntityName(code);
    if (name) out += `&${name};`;
    else if (code > 0x7f) out += `&#${code};`;
    else out += text[i];
  }
  return out;
}

function escapeXml(text: string): string {
  const basic: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const code = text.charCodeAt(i);
    out += basic[c] ?? (code > 0x7f ? `&#${code};` : c);
  }
  return out;
}

function jsonDecode(text: string): string {
  try {
    const decoded: unknown = JSON.parse(`"${text}"`);
    return typeof decoded === 'string' ? decoded : text;
  } catch {
    return text;
  }
}

/** Null in, null out, as every EscapeTool method does. */
function textFunction(transform: (text: string) => string): (value?: unknown) => string | undefined {
  return (value) => (value === undefined || value === null ? undefined : transform(javaText(value)));
}

/**
 * VelocityTools 2.0 `EscapeTool` plus the Genesys JSON/URI helpers. `jsonString` and `jsonEncode`
 * escape for the inside of a JSON string literal; `uriEncode` is RFC 3986 percent-encoding (assumed).
 */
export function createEscapeTool(): VelocityTool {
  const jsonString = textFunction(jsonStringEscape);
  const url = textFunction(formEncode);
  const quote = '"';
  const dollar = '$';
  const hash = '#';
  const backslash = '\\';
  const singleQuote = "'";
  const exclamation = '!';
  return defineTool(
    'org.apache.velocity.tools.generic.EscapeTool',
    {
      jsonString,
      jsonEncode: jsonString,
      jsonDecode: textFunction(jsonDecode),
      url,
      urlFormEncode: url,
      uriEncode: textFunction(uriEncode),
      java: textFunction((text) => escapeJavaStyle(text, false)),
      javascript: textFunction((text) => escapeJavaStyle(text, true)),
      html: textFunction(escapeHtml),
      xml: textFunction(escapeXml),
      sql: textFunction((text) => text.replace(/'/g, "''")),
    },
    { quote, q: quote, dollar, d: dollar, hash, h: hash, backslash, b: backslash, singleQuote, s: singleQuote, exclamation, e: exclamation },
  );
}
