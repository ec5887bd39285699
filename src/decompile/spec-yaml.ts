import { Document, parse, Scalar, visit } from 'yaml';
import type { ActionSpec } from '../spec/action-spec.js';
import { sameJson } from '../json/json-values.js';

/**
 * The spec as YAML: multi-line templates as literal blocks, no line folding, and a modeline so editors
 * with the YAML language server validate and complete it against the action schema. A string a literal
 * block cannot give back exactly (CR line ends, trailing spaces on a line) is double-quoted on its own, so
 * the other templates stay readable.
 */
export function specToYaml(spec: ActionSpec, schemaReference: string): string {
  const modeline = `# yaml-language-server: $schema=${schemaReference}\n`;
  const document = new Document(spec);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !blockSafe(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = modeline + document.toString({ lineWidth: 0, blockQuote: 'literal' });
  if (sameJson(parse(text), spec)) return text;
  // Whatever else a literal block cannot hold: quoted scalars throughout give back every string exactly.
  return modeline + new Document(spec).toString({ lineWidth: 0, blockQuote: false });
}

/** A literal block gives the text back only without CRs, trailing spaces on a line or other control characters. */
function blockSafe(text: string): boolean {
  return !text.includes('\n') || !/\r|[ \t]\n|[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text);
}

