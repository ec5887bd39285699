import type { Finding } from '../../diagnostics/index.js';
import { substitutionClose, substitutionMarker, substitutionOpen } from '../expression/opaque.js';

export interface Substitution {
  name: string;
  /** Offset of `{{` in the file. */
  offset: number;
  length: number;
}

export interface Preprocessed {
  /** The file's text with each `{{name}}` replaced by a marker of the same length: offsets are unchanged. */
  text: string;
  substitutions: Substitution[];
  /** Unclosed `{{`, reported at the original place. */
  problems: Array<Finding & { offset: number }>;
}

const placeholder = /\{\{([^{}\r\n]*)\}\}/g;

/**
 * Archy's preprocessor replaces `{{name}}` as text before the YAML is parsed (so `{{x}}:` keys and
 * `name: {{flow_name}}` work). dactl does the same with markers that keep every offset, so positions in
 * diagnostics are positions in the file as written, and a substitution stays recognisable as a value
 * known only at publish time.
 */
export function preprocessSubstitutions(text: string): Preprocessed {
  const substitutions: Substitution[] = [];
  let replaced = text.replace(placeholder, (match, name: string, offset: number) => {
    substitutions.push({ name: name.trim(), offset, length: match.length });
    return substitutionMarker(name);
  });
  const problems: Preprocessed['problems'] = [];
  let from = 0;
  for (;;) {
    const open = replaced.indexOf('{{', from);
    if (open < 0) break;
    problems.push({
      ruleId: 'archy-substitution-unclosed',
      severity: 'error',
      message: '"{{" opens a substitution that is never closed on this line; write {{name}} or remove the braces',
      path: [],
      offset: open,
    });
    replaced = `${replaced.slice(0, open)}${substitutionOpen}${substitutionClose}${replaced.slice(open + 2)}`;
    from = open + 2;
  }
  return { text: replaced, substitutions, problems };
}
