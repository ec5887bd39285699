import { actionCalled, type Catalog, type CatalogAction } from './catalog-model.js';
import { escapeHtml } from './html.js';
import { code, page, table } from './page.js';

export function indexPage(catalog: Catalog, title: string): string {
  const actionRows = catalog.actions.map((action) => {
    const request = action.artifact?.config.request;
    return [
      `<a href="actions/${action.slug}.html">${escapeHtml(action.name)}</a>`,
      `${action.category ? escapeHtml(action.category) : '<span class="muted">(integration name)</span>'}<br><span class="muted">${escapeHtml(action.artifact?.integrationType ?? '')}</span>`,
      request ? `<span class="method">${escapeHtml(request.requestType)}</span> ${code(request.requestUrlTemplate)}` : '<span class="status-error">does not compile</span>',
      lintStatus(action),
      testStatus(action),
    ];
  });
  const flowRows = catalog.flows.map((flow) => {
    const called = new Map<string, string>();
    for (const node of flow.graph.nodes) {
      if (node.kind !== 'data-action' || !node.calls) continue;
      const action = actionCalled(catalog, node);
      called.set(node.calls.name, action ? `<a href="actions/${action.slug}.html">${escapeHtml(node.calls.name)}</a>` : escapeHtml(node.calls.name));
    }
    return [`<a href="flows/${flow.slug}.html">${escapeHtml(flow.name)}</a>`, code(flow.type), flow.origin === 'spec' ? 'flow spec' : 'Archy', [...called.values()].join(', ') || '<span class="muted">none</span>'];
  });
  const filterText = (...parts: Array<string | undefined>) => ` data-filter="${escapeHtml(parts.filter(Boolean).join(' ').toLowerCase())}"`;
  const actionAttributes = catalog.actions.map((a) => filterText(a.name, a.category, a.artifact?.integrationType, a.artifact?.config.request.requestType, a.artifact?.config.request.requestUrlTemplate, a.file));
  const flowAttributes = catalog.flows.map((f) => filterText(f.name, f.type, f.file, ...f.graph.nodes.flatMap((n) => (n.calls ? [n.calls.name] : []))));
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${catalog.actions.length} action${catalog.actions.length === 1 ? '' : 's'} and ${catalog.flows.length} flow${catalog.flows.length === 1 ? '' : 's'}. <a href="rules.html">Lint rules</a></p>
<div class="filter" id="filter-box" hidden><label for="filter">Filter actions and flows</label> <input id="filter" type="search" placeholder="name, category, URL, flow type…" autocomplete="off"> <span id="filter-count" class="muted" aria-live="polite"></span></div>
<section aria-labelledby="actions"><h2 id="actions">Actions</h2>
${catalog.actions.length ? table(['Action', 'Integration', 'Request', 'Lint', 'Tests'], actionRows, actionAttributes) : '<p class="muted">No actions.</p>'}
</section>
<section aria-labelledby="flows"><h2 id="flows">Flows</h2>
${catalog.flows.length ? table(['Flow', 'Type', 'Source', 'Actions called'], flowRows, flowAttributes) : '<p class="muted">No flows.</p>'}
</section>`;
  return page({ title, depth: 0, trail: [], body, scripts: ['filter'] });
}

function lintStatus(action: CatalogAction): string {
  const errors = action.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = action.diagnostics.length - errors;
  if (!errors && !warnings) return '<span class="status-ok">clean</span>';
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `<a class="status-${errors ? 'error' : 'warn'}" href="actions/${action.slug}.html#lint">${parts.join(', ')}</a>`;
}

function testStatus(action: CatalogAction): string {
  if (action.tests === undefined) return '<span class="muted">export</span>';
  if (!action.tests.length) return '<span class="muted">none</span>';
  const passed = action.tests.filter((t) => t.passed).length;
  const all = action.tests.length;
  return `<a class="status-${passed === all ? 'ok' : 'error'}" href="actions/${action.slug}.html#tests">${passed}/${all} passed</a>`;
}
