import type { Attributes, Graph } from '@viz-js/viz';
import type { FlowGraph, FlowNode, FlowNodeKind } from './flow-graph.js';
import { escapeHtml } from './html.js';
import { layOut } from './layout-pool.js';

/**
 * A flow graph laid out with Graphviz (`dot`, as WebAssembly) as inline SVG: a `g.node` per node, classed by kind,
 * data-action calls as links. Graphviz rather than ELK: in this project's benchmark a 40-node flow takes about
 * 14 ms with Graphviz against 94 ms with elkjs, and 100 flows must fit in a catalog build.
 */
export interface DrawOptions {
  /** The page a data-action node links to, when the catalog has the action it calls. */
  actionHref: (node: FlowNode) => string | undefined;
  title: string;
}

/** Graphviz's SVG of the graph, before links and titles: started early, finished by `drawnFlow`. */
export function layOutFlow(graph: FlowGraph): Promise<string> {
  const layout = layOut(toGraphviz(graph));
  layout.catch(() => undefined);
  return layout;
}

export function drawnFlow(svg: string, graph: FlowGraph, options: DrawOptions): string {
  return cleanSvg(linkNodes(svg, graph, options), graph, options.title);
}

const shapes: Record<FlowNodeKind, Attributes> = {
  start: { shape: 'oval', style: 'filled,bold' },
  state: { shape: 'box', style: 'filled,bold', peripheries: 2 },
  task: { shape: 'box', style: 'filled,bold,rounded', peripheries: 2 },
  menu: { shape: 'tab', style: 'filled,bold' },
  bot: { shape: 'box', style: 'filled,bold', peripheries: 2 },
  'data-action': { shape: 'note', style: 'filled' },
  module: { shape: 'component', style: 'filled' },
  decision: { shape: 'hexagon', style: 'filled' },
  switch: { shape: 'hexagon', style: 'filled' },
  loop: { shape: 'box', style: 'filled,dashed,rounded' },
  choice: { shape: 'box', style: 'filled,rounded' },
  transfer: { shape: 'box', style: 'filled' },
  jump: { shape: 'box', style: 'filled,dashed' },
  end: { shape: 'box', style: 'filled,rounded,bold' },
  action: { shape: 'box', style: 'filled,rounded' },
};

function toGraphviz(graph: FlowGraph): Graph {
  // No clusters per state: Graphviz lays a flow out two to three times faster without them, and each state's
  // node heads its own actions anyway.
  const nodes = graph.nodes.map((node) => {
    const attributes: Attributes = { ...shapes[node.kind], label: nodeLabel(node), class: `kind-${node.kind}`, id: `node-${node.id}`, tooltip: plainLabel(node) };
    return { name: node.id, attributes };
  });
  const edges = graph.edges.map((edge) => {
    const attributes: Attributes = { class: `edge-${edge.kind}` };
    if (edge.label) attributes.xlabel = edge.label;
    if (edge.kind === 'jump') attributes.style = 'dashed';
    if (edge.kind === 'loop') Object.assign(attributes, { style: 'dotted', constraint: false });
    return { tail: edge.from, head: edge.to, attributes };
  });
  return {
    directed: true,
    graphAttributes: { rankdir: 'TB', nodesep: 0.3, ranksep: 0.35, fontname: 'Arial', bgcolor: 'transparent' },
    // Measured at 12 and drawn at 11 (see the style sheet), names drawn bold still fit their boxes.
    nodeAttributes: { fontname: 'Arial', fontsize: 12, margin: '0.2,0.06', penwidth: 1.2 },
    edgeAttributes: { fontname: 'Arial', fontsize: 9, arrowsize: 0.7 },
    nodes,
    edges,
  };
}

/** Plain (escString) labels: Graphviz lays them out several times faster than HTML-like labels. */
function nodeLabel(node: FlowNode): string {
  return labelLines(node).map((line) => line.replace(/\\/g, '\\\\')).join('\\n');
}

function labelLines(node: FlowNode): string[] {
  return [...nameLines(node), ...(node.detail ? wrap(node.detail, 40) : [])];
}

function nameLines(node: FlowNode): string[] {
  return wrap(node.label, 30);
}

export function plainLabel(node: FlowNode): string {
  return node.detail ? `${node.label} (${node.detail})` : node.label;
}

/** Up to three lines of at most `width` characters, broken at spaces where possible. */
function wrap(text: string, width: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = word.length > width ? word.match(new RegExp(`.{1,${width}}`, 'g'))! : [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = piece;
      } else {
        line = line ? `${line} ${piece}` : piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 3) return lines;
  return [...lines.slice(0, 2), `${lines[2]!.slice(0, width - 1)}…`];
}

/** Links each data-action node the catalog has an action for: Graphviz wrapped every node (it has a tooltip) in `<a>`. */
function linkNodes(svg: string, graph: FlowGraph, options: DrawOptions): string {
  const hrefs = new Map<string, string>();
  for (const node of graph.nodes) {
    const href = node.kind === 'data-action' ? options.actionHref(node) : undefined;
    if (href) hrefs.set(node.id, href);
  }
  if (!hrefs.size) return svg;
  return svg.replace(/<g id="a_node&#45;(n\d+)"><a /g, (all, id: string) => {
    const href = hrefs.get(id);
    return href ? `${all}xlink:href="${escapeHtml(href)}" ` : all;
  });
}

/**
 * Graphviz's SVG without its prolog, comments and hard-coded colours (the page's style sheet colours it for light and
 * dark), titled for screen readers, with each node's name lines told apart from its detail lines.
 */
function cleanSvg(svg: string, graph: FlowGraph, title: string): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const labels = new Map(graph.nodes.map((n) => [n.id, plainLabel(n)]));
  let current: FlowNode | undefined;
  let line = 0;
  const classed = svg.split('\n').map((text) => {
    const opened = /^<g id="node&#45;(n\d+)"/.exec(text);
    if (opened) {
      current = byId.get(opened[1]!);
      line = 0;
    } else if (text.startsWith('<g id="edge')) {
      current = undefined;
    } else if (current && text.startsWith('<text ')) {
      return text.replace('<text ', `<text class="${line++ < nameLines(current).length ? 'name' : 'detail'}" `);
    }
    return text;
  });
  return classed
    .join('\n')
    .replace(/ (fill|stroke)="(black|lightgrey|white|none)"/g, (all, _attribute: string, colour: string) => (colour === 'none' ? all : ''))
    .replace(/ font-family="Arial( Bold)?"/g, '')
    .slice(svg.indexOf('<svg'))
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/<svg width="(\d+)pt" height="(\d+)pt"/, (_, w: string, h: string) => `<svg class="flow-diagram" role="group" aria-label="${escapeHtml(title)}" width="${w}" height="${h}"`)
    .replace(/<title>(n\d+)<\/title>/g, (_, id: string) => `<title>${escapeHtml(labels.get(id) ?? id)}</title>`)
    .replace(/<title>(n\d+)&#45;&gt;(n\d+)<\/title>/g, (_, from: string, to: string) => `<title>${escapeHtml(`${labels.get(from) ?? from} → ${labels.get(to) ?? to}`)}</title>`)
    .trim();
}
