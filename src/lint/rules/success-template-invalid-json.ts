import { renderTemplate } from '../../velocity/index.js';
import { asObject, successTemplatePath, type ActionFacts } from '../action-facts.js';
import { contractMismatch, sampleFor } from '../contract-samples.js';
import { defineRule, type Span } from '../define-rule.js';
import { argumentIndex, enclosingCall } from '../reference-helpers.js';
import { own } from '../../json/own.js';

type Scenario = 'samples' | 'defaults';

export default defineRule({
  id: 'success-template-invalid-json',
  description: 'The success template, rendered with representative values, is not JSON or does not match the output contract.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    notJson: 'rendered with {{scenario}}, the success template is not JSON ({{error}}): {{output}}',
    mismatch: 'rendered with {{scenario}}, the output {{where}} {{problem}}, so the action fails contract validation: {{output}}',
    renderFailed: 'rendered with {{scenario}}, the success template fails: {{error}}',
  },
  check({ facts, report }) {
    const field = facts.template('success');
    if (!field || !facts.parsed(field).ok) return;
    const keys = new Set(facts.translationKeys);
    // A quoted translation variable breaks the JSON for a reason success-template-quoted-variable already names.
    if (facts.references(field).some((ref) => keys.has(ref.root) && ref.context === 'text' && ref.inJsonString)) return;
    const scenarios: Scenario[] = Object.keys(usableDefaults(facts)).length ? ['samples', 'defaults'] : ['samples'];
    for (const scenario of scenarios) {
      const described = scenario === 'samples' ? 'typed sample values' : 'the translationMapDefaults';
      const rendered = renderTemplate(field.text, context(facts, scenario), { strict: true, maxIterations: 1_000, maxOutputLength: 100_000 });
      if (!rendered.ok) {
        if (rendered.error.kind !== 'runtime') return;
        report({ messageId: 'renderFailed', data: { scenario: described, error: rendered.error.message }, path: [...successTemplatePath], span: { offset: rendered.error.offset, length: 1 } });
        return;
      }
      let output: unknown;
      try {
        output = JSON.parse(rendered.output);
      } catch (error) {
        report({ messageId: 'notJson', data: { scenario: described, error: (error as Error).message, output: shorten(rendered.output) }, path: [...successTemplatePath] });
        return;
      }
      const mismatch = contractMismatch(output, facts.successSchema);
      if (mismatch) {
        const span = memberSpan(field.text, mismatch.member);
        report({
          messageId: 'mismatch',
          data: { scenario: described, where: mismatch.where ? `"${mismatch.where}"` : 'as a whole', problem: mismatch.problem, output: shorten(rendered.output) },
          path: [...successTemplatePath],
          ...(span ? { span } : {}),
        });
        return;
      }
    }
  },
});

function context(facts: ActionFacts, scenario: Scenario) {
  const defaults = scenario === 'defaults' ? usableDefaults(facts) : {};
  const translations: Record<string, string> = {};
  for (const key of facts.translationKeys) translations[key] = own(defaults, key) ?? JSON.stringify(keySample(facts, key));
  const input: Record<string, unknown> = {};
  const properties = asObject(facts.inputSchema.properties) ?? {};
  for (const [name, property] of Object.entries(properties)) input[name] = sampleFor(asObject(property));
  return { input, translations, rawResult: JSON.stringify(sampleFor(facts.successSchema)) };
}

/** A sample for a translation value, shaped by the member it is printed into (an array when fed to firstFromArray). */
function keySample(facts: ActionFacts, key: string): unknown {
  const field = facts.template('success');
  const parsed = facts.path(key);
  const indefinite = parsed?.ok === true && !parsed.path.definite;
  if (!field) return 'sample';
  const references = facts.references(field);
  for (const ref of references) {
    if (ref.root !== key) continue;
    const member = facts.memberOf(ref).schema;
    const call = enclosingCall(references, ref);
    if (call?.name === 'successTemplateUtils.firstFromArray') {
      const element = sampleFor(member);
      return argumentIndex(field, call, ref) === 0 ? [element] : element;
    }
    if (member) return sampleFor(member);
  }
  return indefinite ? ['sample'] : 'sample';
}

function usableDefaults(facts: ActionFacts): Record<string, string> {
  const usable: Record<string, string> = {};
  for (const [key, value] of Object.entries(facts.defaults)) {
    try {
      JSON.parse(value);
      usable[key] = value;
    } catch {
      // default-not-json reports it
    }
  }
  return usable;
}

function memberSpan(template: string, member: string | undefined): Span | undefined {
  if (member === undefined) return undefined;
  const at = template.indexOf(JSON.stringify(member));
  return at < 0 ? undefined : { offset: at, length: JSON.stringify(member).length };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
