import type { TemplateField } from '../action-facts.js';
import { defineRule, type Span } from '../define-rule.js';

const secretHeader = /^(?:proxy-)?authorization$|api[-_]?key|token|secret|password|passwd|^x-auth/i;
const tokenShapes: Array<[RegExp, string]> = [
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, 'a JSON Web Token'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]{12,}=*/g, 'a bearer token'],
  [/\bBasic\s+[A-Za-z0-9+/]{12,}={0,2}/g, 'basic-auth credentials'],
  [/\bAKIA[0-9A-Z]{16}\b/g, 'an AWS access key'],
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, 'an API secret key'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/g, 'a Slack token'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/g, 'a GitHub token'],
  [/[?&](?:api[_-]?key|access[_-]?token|token|secret|client[_-]?secret|password)=([^&$#\s]{6,})/gi, 'a credential in the query'],
  [/"(?:password|secret|api[_-]?key|apiKey|token|access_token|client_secret|clientSecret)"\s*:\s*"([^"$\\]{6,})"/gi, 'a credential in the body'],
];

export default defineRule({
  id: 'literal-credential',
  description: 'A credential written into the definition (Authorization header, token, secret) instead of the integration.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    header:
      'the {{header}} header holds a literal credential; credentials belong to the integration: use ${credentials.<field>} (or the integration\'s own authentication) and rotate this one',
    literal: 'this looks like {{what}} written into the definition; credentials belong to the integration: use ${credentials.<field>} and rotate this one',
  },
  check({ facts, report }) {
    for (const field of facts.templates) {
      if (field.role === 'success') continue;
      const masked = maskReferences(field, facts.references(field));
      const reported: Span[] = [];
      if (field.role === 'header') {
        const header = String(field.path[field.path.length - 1]);
        const literal = masked.replace(/\b(?:Bearer|Basic|Token|Digest)\b/gi, '').replace(/[^A-Za-z0-9]/g, '');
        if (secretHeader.test(header) && literal.length >= 8) {
          report({ messageId: 'header', data: { header }, path: field.path });
          continue;
        }
      }
      for (const [shape, what] of tokenShapes) {
        for (const match of masked.matchAll(shape)) {
          const group = match[1];
          if (group !== undefined && group.trim().length < 6) continue;
          const offset = group === undefined ? match.index : match.index + match[0].lastIndexOf(group);
          const span = { offset, length: (group ?? match[0]).length };
          if (reported.some((r) => r.offset < span.offset + span.length && span.offset < r.offset + r.length)) continue;
          reported.push(span);
          report({ messageId: 'literal', data: { what }, path: field.path, span });
        }
      }
    }
  },
});

/** The template with every reference blanked out, so only literal text can look like a secret. */
function maskReferences(field: TemplateField, references: ReadonlyArray<{ offset: number; length: number }>): string {
  let text = field.text;
  for (const ref of references) {
    text = text.slice(0, ref.offset) + ' '.repeat(ref.length) + text.slice(ref.offset + ref.length);
  }
  return text;
}
