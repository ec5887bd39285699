/** A flow as a graph for drawing: the containers (states, tasks, menus) and the actions on their paths. */

export type FlowNodeKind =
  | 'start'
  | 'state'
  | 'task'
  | 'menu'
  | 'bot'
  | 'data-action'
  | 'module'
  | 'decision'
  | 'switch'
  | 'loop'
  | 'choice'
  | 'transfer'
  | 'jump'
  | 'end'
  | 'action';

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  /** The name shown on the node. */
  label: string;
  /** A second line: the action type, a condition, a category. */
  detail?: string;
  /** The container (state, task, menu) node the action belongs to. */
  container?: string;
  /** For a data-action call: the action it calls, as the flow names it. */
  calls?: { name: string; category?: string };
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  /** `jump`: to another state, task or menu; `loop`: back to a loop's start. */
  kind: 'next' | 'jump' | 'loop';
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Adds nodes and edges with ids in the order they are made, so the same flow gives the same graph. */
export class GraphBuilder {
  readonly graph: FlowGraph = { nodes: [], edges: [] };
  private count = 0;

  node(node: Omit<FlowNode, 'id'>): FlowNode {
    const made: FlowNode = { id: `n${++this.count}`, ...node };
    this.graph.nodes.push(made);
    return made;
  }

  /** A second edge between the same nodes (several empty output paths) joins the first: `success, timeout`. */
  edge(from: FlowNode | string, to: FlowNode | string, label?: string, kind: FlowEdge['kind'] = 'next'): void {
    const edge: FlowEdge = { from: typeof from === 'string' ? from : from.id, to: typeof to === 'string' ? to : to.id, kind };
    const twin = this.graph.edges.find((e) => e.from === edge.from && e.to === edge.to && e.kind === kind);
    if (twin) {
      if (label && twin.label !== undefined) twin.label = `${twin.label}, ${label}`;
      else if (!label) delete twin.label;
      return;
    }
    if (label) edge.label = label;
    this.graph.edges.push(edge);
  }
}

/**
 * The open ends of a path: nodes whose path goes on to whatever comes next, each with the label of the edge that
 * leaves it (a branch name when the branch itself was empty).
 */
export type OpenEnds = Array<{ node: FlowNode; label?: string }>;

export function connect(builder: GraphBuilder, ends: OpenEnds, to: FlowNode): void {
  for (const end of ends) builder.edge(end.node, to, end.label);
}

/** `callData` → `Call data`. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase().replace(/\bacd\b/g, 'ACD');
}
