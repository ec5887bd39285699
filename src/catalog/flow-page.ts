import { actionCalled, type Catalog, type CatalogFlow } from './catalog-model.js';
import { drawnFlow } from './draw-flow.js';
import type { FlowNodeKind } from './flow-graph.js';
import { escapeHtml } from './html.js';
import { code, page, table } from './page.js';

const legend: Array<[FlowNodeKind, string]> = [
  ['state', 'state, task, menu'],
  ['data-action', 'data-action call'],
  ['decision', 'decision, switch, loop'],
  ['transfer', 'transfer'],
  ['end', 'end, disconnect'],
  ['action', 'other action'],
];

export async function flowPage(flow: CatalogFlow, catalog: Catalog): Promise<string> {
  const svg = drawnFlow(await flow.layout, flow.graph, {
    title: `Diagram of ${flow.name}`,
    actionHref: (node) => {
      const action = actionCalled(catalog, node);
      return action ? `../actions/${action.slug}.html` : undefined;
    },
  });
  const containers = flow.graph.nodes.filter((n) => n.kind === 'state' || n.kind === 'task' || n.kind === 'menu' || n.kind === 'bot');
  const calls = flow.graph.nodes.filter((n) => n.kind === 'data-action');
  const callRows = calls.map((node) => {
    const action = actionCalled(catalog, node);
    const name = node.calls?.name ?? node.label;
    return [
      action ? `<a href="../actions/${action.slug}.html">${escapeHtml(name)}</a>` : `${escapeHtml(name)} <span class="muted">(not in the catalog)</span>`,
      node.calls?.category ? escapeHtml(node.calls.category) : '',
      containerName(flow, node.container),
    ];
  });
  const facts: Array<[string, string]> = [
    ['Type', code(flow.type)],
    ['Source', `<code id="source-file">${escapeHtml(flow.file)}</code> (${flow.origin === 'spec' ? 'dactl flow spec' : 'Archy flow'})`],
  ];
  const body = [
    `<h1>${escapeHtml(flow.name)}</h1>`,
    flow.description ? `<p>${escapeHtml(flow.description)}</p>` : '',
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `<section aria-labelledby="diagram"><h2 id="diagram">Diagram</h2>`,
    `<ul class="legend">${legend.map(([kind, words]) => `<li><span class="swatch legend-${kind}"></span>${words}</li>`).join('')}<li>dashed: jump to a state, task or menu; dotted: back to a loop</li></ul>`,
    `<figure><div class="diagram" tabindex="0" role="region" aria-label="Diagram of ${escapeHtml(flow.name)} (scrolls)">${svg}</div>`,
    `<figcaption class="muted">Data-action calls link to the action’s page.</figcaption></figure></section>`,
    `<section aria-labelledby="calls"><h2 id="calls">Data actions called</h2>`,
    calls.length ? table(['Action', 'Category', 'In'], callRows) : '<p class="muted">This flow calls no data action.</p>',
    '</section>',
    containers.length
      ? `<section aria-labelledby="containers"><h2 id="containers">States, tasks and menus</h2><ul>${containers.map((n) => `<li>${escapeHtml(n.label)} <span class="muted">(${escapeHtml(n.detail ?? n.kind)})</span></li>`).join('')}</ul></section>`
      : '',
    flow.diagnostics.length
      ? `<section aria-labelledby="problems"><h2 id="problems">Problems</h2><ul>${flow.diagnostics.map((d) => `<li><span class="status-${d.severity === 'error' ? 'error' : 'warn'}">${d.severity}</span> ${code(d.ruleId)}: ${escapeHtml(d.message)}${d.range ? ` <span class="muted">(line ${d.range.start.line})</span>` : ''}</li>`).join('')}</ul></section>`
      : '',
  ].join('\n');
  return page({ title: flow.name, depth: 1, trail: [{ label: flow.name }], body });
}

function containerName(flow: CatalogFlow, id: string | undefined): string {
  const node = id ? flow.graph.nodes.find((n) => n.id === id) : undefined;
  if (!node || node.kind === 'start') return '<span class="muted">start-up</span>';
  return escapeHtml(node.label);
}
