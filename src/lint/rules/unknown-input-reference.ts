import { didYouMean } from '../../diagnostics/index.js';
import { reservedInputNames } from '../../spec/action-spec.js';
import { defineRule } from '../define-rule.js';
import { segmentSpan } from '../reference-helpers.js';

export default defineRule({
  id: 'unknown-input-reference',
  description: 'A template reads input.x (or $Input.x) that the input contract does not declare: it prints its own text.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    unknown: 'input.{{name}} is not declared in the input contract, so it is never set{{hint}}',
    rootCase: '${{root}} is not the input: the name is case-sensitive, write $input',
  },
  check({ facts, report }) {
    const declared = [...facts.inputs.keys()];
    for (const field of facts.templates) {
      for (const ref of facts.references(field)) {
        if (ref.root !== 'input' && ref.root.toLowerCase() === 'input') {
          report({ messageId: 'rootCase', data: { root: ref.root }, path: field.path, span: segmentSpan(field, ref, 0) });
          continue;
        }
        const name = ref.root === 'input' ? ref.name.split('.')[1] : undefined;
        if (name === undefined || facts.inputs.has(name) || (reservedInputNames as readonly string[]).includes(name)) continue;
        const sameCase = declared.find((d) => d.toLowerCase() === name.toLowerCase());
        const close = sameCase ?? didYouMean(name, declared);
        const hint = sameCase
          ? `; did you mean "${sameCase}"? (names are case-sensitive)`
          : close
            ? `; did you mean "${close}"?`
            : '; declare it in the input contract';
        report({ messageId: 'unknown', data: { name, hint }, path: field.path, span: segmentSpan(field, ref, 1) });
      }
    }
  },
});
