import { Document, parse } from 'yaml';
import type { ActionSpec } from '../spec/action-spec.js';
import { sameJson } from '../json/json-values.js';

/**
 * The spec as YAML: multi-line templates as literal blocks, no line folding, and a modeline so editors
 * with the YAML language server validate and complete it against the action schema.
 */
export function specToYaml(spec: ActionSpec, schemaReference: string): string {
  const document = new Document(spec);
  const text = `# yaml-language-server: $schema=${schemaReference}\n` + document.toString({ lineWidth: 0, blockQuote: 'literal' });
  if (!sameJson(parse(text), spec)) {
    // A string YAML cannot hold as a literal block (trailing spaces, CR): fall back to quoted scalars.
    return `# yaml-language-server: $schema=${schemaReference}\n` + document.toString({ lineWidth: 0, blockQuote: false });
  }
  return text;
}
