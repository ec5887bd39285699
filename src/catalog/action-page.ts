import type { Diagnostic } from '../diagnostics/index.js';
import { reservedInputNames, type JsonObject } from '../spec/action-spec.js';
import { formatTrace } from '../simulate/format-trace.js';
import { exportText, type CatalogAction, type CatalogFlow } from './catalog-model.js';
import { isRecord } from './archy-document.js';
import { escapeHtml } from './html.js';
import { code, page, table } from './page.js';
import { ruleIds } from './rules-page.js';

/** Velocity references to an input: `${input.x}`, `$!{input.x}`, `$input.x`. */
const inputReference = /\$!?\{input\.([A-Za-z][\w-]*)\}|\$!?input\.([A-Za-z]\w*)/g;

interface Use {
  anchor: string;
  where: string;
}

/** A template with each input reference a link to the input's row; `uses` collects where each input appears. */
function linkedTemplate(text: string, where: string, uses: Map<string, Use[]>): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(inputReference)) {
    const name = match[1] ?? match[2]!;
    if ((reservedInputNames as readonly string[]).includes(name)) {
      // The platform's own values (the raw request, the org and integration ids) are in no contract.
      html += escapeHtml(text.slice(last, match.index)) + `<span class="input-ref" title="set by the platform">${escapeHtml(match[0])}</span>`;
      last = match.index + match[0].length;
      continue;
    }
    const list = uses.get(name) ?? [];
    uses.set(name, list);
    const anchor = `use-${anchorPart(name)}-${list.length + 1}`;
    list.push({ anchor, where });
    html += escapeHtml(text.slice(last, match.index)) + `<a class="input-ref" id="${anchor}" href="#input-${escapeHtml(anchorPart(name))}">${escapeHtml(match[0])}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

function anchorPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function actionPage(action: CatalogAction, callers: readonly CatalogFlow[]): string {
  const artifact = action.artifact;
  const sections: string[] = [];
  const facts: Array<[string, string]> = [
    ['Integration type', artifact ? code(artifact.integrationType) : '<span class="muted">not compiled</span>'],
    ['Category', action.category ? escapeHtml(action.category) : '<span class="muted">the integration’s name, at publish</span>'],
    ['Source', `${code(action.file)} (${action.origin === 'spec' ? 'action spec' : 'data-action export'})`],
  ];
  if (artifact) facts.push(['Secure', artifact.secure ? 'yes' : 'no']);
  sections.push(`<h1>${escapeHtml(action.name)}</h1>`);
  if (action.description) sections.push(`<p>${escapeHtml(action.description)}</p>`);
  sections.push(`<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);

  if (artifact) {
    const uses = new Map<string, Use[]>();
    const request = artifact.config.request;
    const url = linkedTemplate(request.requestUrlTemplate, 'URL', uses);
    const headers = Object.entries(request.headers).map(([name, value]) => [code(name), `<code>${linkedTemplate(value, `header ${name}`, uses)}</code>`]);
    const body = linkedTemplate(request.requestTemplate, 'body', uses);
    sections.push(
      `<section aria-labelledby="request"><h2 id="request">Request</h2>`,
      `<p><span class="method">${escapeHtml(request.requestType)}</span> <code>${url}</code></p>`,
      headers.length ? `<h3>Headers</h3>${table(['Header', 'Value template'], headers)}` : '<p class="muted">No headers.</p>',
      `<h3>Body template</h3><pre><code>${body}</code></pre></section>`,
    );
    sections.push(inputsSection(artifact.contract.input.inputSchema, uses));
    sections.push(outputsSection(artifact));
    const response = artifact.config.response;
    sections.push(`<h3>Success template</h3><pre><code>${escapeHtml(response.successTemplate)}</code></pre>`);
  }
  sections.push(findingsSection(action.diagnostics));
  sections.push(testsSection(action));
  sections.push(
    `<section aria-labelledby="callers"><h2 id="callers">Flows that call it</h2>`,
    callers.length
      ? `<ul>${callers.map((flow) => `<li><a href="../flows/${flow.slug}.html">${escapeHtml(flow.name)}</a> <span class="muted">(${escapeHtml(flow.type)})</span></li>`).join('')}</ul>`
      : '<p class="muted">No flow in the catalog calls this action.</p>',
    '</section>',
  );
  const exported = exportText(action);
  if (exported) {
    sections.push(
      `<section aria-labelledby="export"><h2 id="export">${action.origin === 'spec' ? 'Compiled export' : 'The export'}</h2>`,
      `<p>The JSON to import in Admin › Integrations › Actions › Import. <button type="button" data-copy="export-json" hidden>Copy</button></p>`,
      `<pre id="export-json"><code>${escapeHtml(exported)}</code></pre></section>`,
    );
  }
  return page({ title: action.name, depth: 1, trail: [{ label: action.name }], body: sections.join('\n'), scripts: ['copy'] });
}

/** A contract as far as it is one: an export's schemas are free-form JSON, and a page must not trust their shape. */
function contractOf(schema: unknown): { properties: Record<string, JsonObject>; required: Set<unknown> } {
  const object = isRecord(schema) ? schema : {};
  const properties = Object.entries(isRecord(object.properties) ? object.properties : {}).map(([name, property]) => [name, isRecord(property) ? property : {}]);
  return { properties: Object.fromEntries(properties) as Record<string, JsonObject>, required: new Set(Array.isArray(object.required) ? object.required : []) };
}

/** A translation map or its defaults, as text values. */
function textMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(isRecord(value) ? value : {}).map(([key, text]) => [key, typeof text === 'string' ? text : JSON.stringify(text)]));
}

function inputsSection(schema: unknown, uses: Map<string, Use[]>): string {
  const { properties, required } = contractOf(schema);
  const names = Object.keys(properties);
  const rows = names.map((name) => {
    const property = properties[name] ?? {};
    const used = uses.get(name) ?? [];
    const usedHtml = used.length ? used.map((u) => `<a href="#${u.anchor}">${escapeHtml(u.where)}</a>`).join(', ') : '<span class="status-warn">not used</span>';
    return [`<code>${escapeHtml(name)}</code>`, escapeHtml(typeText(property)), required.has(name) ? 'yes' : 'no', property.default === undefined ? '' : code(JSON.stringify(property.default)), escapeHtml(String(property.description ?? '')), usedHtml];
  });
  const attributes = names.map((name) => ` id="input-${escapeHtml(anchorPart(name))}"`);
  const unknown = [...uses.keys()].filter((name) => !Object.hasOwn(properties, name));
  return [
    `<section aria-labelledby="inputs"><h2 id="inputs">Inputs</h2>`,
    names.length ? table(['Input', 'Type', 'Required', 'Default', 'Description', 'Used in'], rows, attributes) : '<p class="muted">No inputs.</p>',
    ...unknown.map((name) => `<p id="input-${escapeHtml(anchorPart(name))}" class="status-error">The templates use <code>input.${escapeHtml(name)}</code>, which is not in the input contract.</p>`),
    '</section>',
  ].join('\n');
}

function outputsSection(artifact: NonNullable<CatalogAction['artifact']>): string {
  const { properties, required } = contractOf(artifact.contract?.output?.successSchema);
  const response: unknown = artifact.config?.response;
  const translationMap = textMap(isRecord(response) ? response.translationMap : undefined);
  const translationMapDefaults = textMap(isRecord(response) ? response.translationMapDefaults : undefined);
  const rows = Object.entries(properties).map(([name, property]) => [
    code(name),
    escapeHtml(typeText(property)),
    required.has(name) ? 'yes' : 'no',
    translationMap[name] === undefined ? '<span class="muted">(success template)</span>' : code(translationMap[name]),
    translationMapDefaults[name] === undefined ? '' : code(translationMapDefaults[name]),
  ]);
  const extra = Object.keys(translationMap).filter((key) => !Object.hasOwn(properties, key));
  const translations = extra.map((key) => [code(key), code(translationMap[key]!), translationMapDefaults[key] === undefined ? '' : code(translationMapDefaults[key])]);
  return [
    `<section aria-labelledby="outputs"><h2 id="outputs">Outputs</h2>`,
    rows.length ? table(['Output', 'Type', 'Required', 'JSONPath', 'Default'], rows) : '<p class="muted">No outputs.</p>',
    translations.length ? `<h3>Other translation-map variables</h3>${table(['Variable', 'JSONPath', 'Default'], translations)}` : '',
    '</section>',
  ].join('\n');
}

function typeText(property: JsonObject): string {
  const type = Array.isArray(property.type) ? property.type.join(' | ') : String(property.type ?? 'any');
  if (type === 'array' && isRecord(property.items)) return `array of ${typeText(property.items)}`;
  return type;
}

function findingsSection(diagnostics: readonly Diagnostic[]): string {
  const items = diagnostics.map((d) => {
    const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
    const rule = ruleIds.has(d.ruleId) ? `<a href="../rules.html#${escapeHtml(d.ruleId)}">${escapeHtml(d.ruleId)}</a>` : code(d.ruleId);
    return `<li><span class="status-${d.severity === 'error' ? 'error' : 'warn'}">${d.severity}</span> ${rule}: ${escapeHtml(d.message)}${where ? ` <span class="muted">(line ${where})</span>` : ''}</li>`;
  });
  return `<section aria-labelledby="lint"><h2 id="lint">Lint</h2>${items.length ? `<ul>${items.join('')}</ul>` : '<p class="status-ok">No findings.</p>'}</section>`;
}

function testsSection(action: CatalogAction): string {
  const parts = [`<section aria-labelledby="tests"><h2 id="tests">Tests</h2>`];
  if (action.tests === undefined) parts.push('<p class="muted">An export has no tests; import it as a spec to add some.</p>');
  else if (!action.tests.length) parts.push(`<p class="muted">${action.artifact ? 'The spec has no tests.' : 'The tests did not run: the spec does not compile.'}</p>`);
  action.tests?.forEach((test, index) => {
    parts.push(
      `<article aria-labelledby="test-${index + 1}"><h3 id="test-${index + 1}">${escapeHtml(test.name)} <span class="${test.passed ? 'status-ok">passed' : 'status-error">failed'}</span></h3>`,
      test.problems.length ? `<ul>${test.problems.map((p) => `<li class="status-error">${escapeHtml(p.message)}</li>`).join('')}</ul>` : '',
      test.trace ? `<pre><code>${escapeHtml(formatTrace(test.trace, `${action.name}: ${test.name}`))}</code></pre>` : '',
      '</article>',
    );
  });
  parts.push('</section>');
  return parts.join('\n');
}
