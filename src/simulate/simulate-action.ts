import { contentTypeOf, type DataActionExport } from '../export/data-action-export.js';
import { renderTemplate } from '../velocity/index.js';
import { contractProblems, preview } from './contract-validator.js';
import { flattenForArchitect } from './flatten.js';
import { renderRequest } from './render-request.js';
import { referencedInputs, unrenderedReferences } from './unrendered-references.js';
import { readResponseDocument } from './response-body.js';
import { statusLine } from './status-text.js';
import { applyTranslationMap } from './translate.js';
import type { SimulationInput, StepName, Trace, TranslationTrace } from './types.js';
import { isJsonText } from '../json/json-values.js';

/**
 * Runs a data action offline against a recorded response, stage by stage as the platform does, and
 * reports each stage. Never throws for a problem in the action, its input or the response.
 */
export function simulateAction(artifact: DataActionExport, run: SimulationInput): Trace {
  const trace: Trace = { success: false, steps: [], translations: [] };
  const fail = (step: StepName, detail: string, message: string, notes: string[] = []): Trace => {
    trace.steps.push({ step, ok: false, detail, notes, error: message });
    trace.failure = { step, message };
    return trace;
  };
  const pass = (step: StepName, detail: string, notes: string[] = []): void => {
    trace.steps.push({ step, ok: true, detail, notes });
  };

  const input = run.input ?? {};
  const inputNotes = Object.entries(input).map(([name, value]) => `${name} = ${preview(value)}`);
  const inputProblems = contractProblems(artifact.contract.input.inputSchema, input, 'input');
  if (inputProblems.length) {
    return fail('input', 'the input does not match the input contract', `input contract: ${inputProblems.join('; ')}`, inputNotes);
  }
  pass('input', `${count(inputNotes.length, 'value')} valid against the input contract`, inputNotes);

  const context = { input, ...(run.credentials ? { credentials: run.credentials } : {}) };
  const rendered = renderRequest(artifact.config.request, context);
  if (!rendered.ok) return fail('request', 'a request template could not be rendered', `request: ${rendered.error}`);
  const request = rendered.request;
  trace.request = request;
  const unrendered = unrenderedReferences(request);
  if (unrendered.length) {
    const unset = referencedInputs(unrendered).map((name) => `"${name}"`);
    const declared = Object.keys(artifact.contract.input.inputSchema.properties ?? {});
    const undeclared = Object.keys(input).filter((name) => !declared.includes(name));
    const typo = undeclared.length ? `; the input gives ${undeclared.map((name) => `"${name}"`).join(', ')}, which the contract does not declare` : '';
    const message = `request: ${unrendered.join(', ')} would be sent as written, because ${unset.join(', ')} ${unset.length === 1 ? 'has' : 'have'} no value${typo}: give the input, or make it required`;
    return fail('request', `${request.method} ${request.url}`, message, requestNotes(request));
  }
  pass('request', `${request.method} ${request.url}`, requestNotes(request));

  const status = run.response.status ?? 200;
  if (status < 200 || status > 299) {
    const body = typeof run.response.body === 'string' ? run.response.body : JSON.stringify(run.response.body ?? null);
    const message = `response: the service answered ${statusLine(status)}${errorMessageOf(run.response.body)}; the action fails without reading the body`;
    return fail('response', `${statusLine(status)}`, message, [`body: ${preview(body, 200)}`]);
  }
  const response = readResponseDocument(run.response.body);
  if (!response.ok) return fail('response', `${statusLine(status)}`, `response: ${response.message}`);
  pass('response', `${statusLine(status)}, ${response.empty ? 'no body' : `${response.bytes.toLocaleString('en-US')} bytes of JSON`}`);

  const translation = applyTranslationMap(
    artifact.config.response.translationMap,
    artifact.config.response.translationMapDefaults,
    { value: response.document, empty: response.empty },
  );
  trace.translations = translation.traces;
  const translationNotes = translation.traces.flatMap(translationLines);
  if (translation.error) return fail('translation', translationSummary(translation.traces), translation.error, translationNotes);
  pass('translation', translationSummary(translation.traces), translationNotes);

  const successTemplate = artifact.config.response.successTemplate;
  const templateOutput = renderTemplate(
    successTemplate,
    {
      input,
      translations: translation.values,
      ...(successTemplate.includes('rawResult') ? { rawResult: response.rawResult() } : {}),
    },
    { strict: true, templateName: 'successTemplate' },
  );
  if (!templateOutput.ok) {
    const { message } = templateOutput.error;
    return fail(
      'template',
      'the success template could not be rendered',
      `success template: Transform failed to process result using 'successTemplate' template due to error:'${message}'`,
    );
  }
  trace.templateOutput = templateOutput.output;
  pass('template', `rendered ${count(templateOutput.output.length, 'character')}`, [templateOutput.output]);

  let output: unknown;
  try {
    output = JSON.parse(templateOutput.output);
  } catch (error) {
    const hints = translation.traces.flatMap((t) => t.notes.filter((n) => n.includes('not a JSON literal')).map((n) => `\`${t.key}\`: ${n}`));
    return fail(
      'parse',
      'the success template did not render JSON',
      `success template output is not JSON: ${(error as Error).message}${hints.length ? ` (${hints.join('; ')})` : ''}`,
      [templateOutput.output],
    );
  }
  pass('parse', `JSON ${Array.isArray(output) ? 'array' : output === null ? 'null' : typeof output}`);

  const outputProblems = contractProblems(artifact.contract.output.successSchema, output, 'output');
  if (outputProblems.length) {
    const explained = outputProblems.map((problem) => problem + translationHint(problem, translation.traces));
    return fail('output', 'the output does not match the output contract', `output contract: ${explained.join('; ')}`);
  }
  trace.output = output;
  pass('output', 'matches the output contract');

  trace.flattened = flattenForArchitect(output);
  pass('flatten', 'as Architect sees it', Object.entries(trace.flattened).map(([key, value]) => `${key} = ${preview(value, 200)}`));
  trace.success = true;
  return trace;
}

function requestNotes(request: { method: string; headers: Record<string, string>; body: string }): string[] {
  const notes = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  if (request.method === 'GET') {
    notes.push('no body is sent with GET');
    return notes;
  }
  notes.push(`body: ${request.body}`);
  const json = contentTypeOf(request.headers)?.includes('json') === true;
  if (json && request.body.trim() !== '' && !isJsonText(request.body)) notes.push('the body is not valid JSON, although Content-Type says JSON');
  return notes;
}

function translationLines(trace: TranslationTrace): string[] {
  const how = trace.outcome === 'default' ? ' (default)' : trace.outcome === 'failed' ? ' (did not resolve)' : '';
  const lines = [`${trace.key} ← ${trace.path}  [${trace.definite ? 'definite' : 'indefinite'}]`];
  for (const filter of trace.filters) lines.push(`  filter ${filter.filter} kept ${filter.matched} of ${filter.of}`);
  if (trace.outcome !== 'value' && trace.reason) lines.push(`  did not resolve: ${trace.reason}`);
  for (const note of trace.notes) lines.push(`  ${note}`);
  if (trace.value !== undefined) lines.push(`  = ${clip(trace.value, 200)}${how}`);
  return lines;
}

function translationSummary(traces: TranslationTrace[]): string {
  if (traces.length === 0) return 'no translation map';
  const defaults = traces.filter((t) => t.outcome === 'default').length;
  const failed = traces.filter((t) => t.outcome === 'failed').length;
  const parts = [count(traces.length, 'key')];
  if (defaults) parts.push(`${defaults} from defaults`);
  if (failed) parts.push(`${failed} unresolved`);
  return parts.join(', ');
}

/** Links an output problem about `name` to the translation key that fed it, when that key found nothing. */
function translationHint(problem: string, traces: TranslationTrace[]): string {
  const name = /`([^`]+)`/.exec(problem)?.[1];
  if (!name) return '';
  const candidates = [name, name.replace(/\[\d+\]/g, ''), name.replace(/\[\d+\]/g, '').replace(/\./g, '_')];
  const trace = traces.find((t) => candidates.includes(t.key));
  if (!trace) return '';
  const empty = trace.value === '[]' || trace.value === 'null' || trace.outcome === 'default';
  if (!empty) return '';
  const what = trace.outcome === 'default' ? 'did not resolve and its default was used' : trace.value === 'null' ? 'is null' : 'matched nothing';
  return ` (translation map: \`${trace.key}\`: \`${trace.path}\` ${what}${trace.notes[0] ? `: ${trace.notes[0]}` : ''})`;
}

function errorMessageOf(body: unknown): string {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return '';
    }
  }
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? `: "${message}"` : '';
}


function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
