import { isRecord, unmaskPlaceholders, type ArchyDocument } from './archy-document.js';
import { GraphBuilder, humanise, type FlowGraph, type FlowNode, type FlowNodeKind, type OpenEnds } from './flow-graph.js';

/** Containers and the key of each item in their lists (`states: [- state: …]`). */
const containers = [
  { key: 'states', item: 'state', kind: 'state' },
  { key: 'tasks', item: 'task', kind: 'task' },
  { key: 'menus', item: 'menu', kind: 'menu' },
  { key: 'bots', item: 'bot', kind: 'bot' },
] as const;

/** Actions after which the path does not go on to the next action. */
const terminal = /^(disconnect|end[A-Z]|exit|transfer|menuTransfer|menuDisconnect|menuJump|jumpTo|changeState|loopNext|loopExit|abort|complete[A-Z])/;
const referencePattern = /(?:states\/state|tasks\/task|menus\/menu|bots\/bot)\[(.+)\]$/;
/** Output paths an action follows when it has no actions for them: the path goes on past the action. */
const knownOutputs: Record<string, readonly string[]> = {
  decision: ['yes', 'no'],
  callData: ['success', 'failure', 'timeout'],
};

interface Branch {
  label: string;
  actions: unknown[];
}

/**
 * The graph of an Archy flow of any type: a node per state, task, menu and bot, their actions in order with a
 * branch per output path, decision outcome and switch case, loops drawn back to their start, and jumps
 * (`changeState`, `callTask`, `jumpToMenu`…) as edges to the container they name.
 */
export function archyFlowGraph(document: ArchyDocument): FlowGraph {
  const builder = new GraphBuilder();
  const byReference = new Map<string, FlowNode>();
  const jumps: Array<{ from: FlowNode; reference: string }> = [];
  const body = document.body;
  const start = builder.node({ kind: 'start', label: document.name, detail: `${document.flowType} flow` });

  const listed: Array<{ node: FlowNode; item: Record<string, unknown>; kind: (typeof containers)[number]['kind'] }> = [];
  for (const container of containers) {
    const list = body[container.key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const item = isRecord(entry) ? entry[container.item] : undefined;
      if (!isRecord(item)) continue;
      const name = text(item.name) ?? (text(item.refId) ?? humanise(container.item));
      const node = builder.node({ kind: container.kind, label: name, detail: containerWords[container.kind] });
      for (const key of [item.refId, item.name]) if (typeof key === 'string' && !byReference.has(key)) byReference.set(key, node);
      listed.push({ node, item, kind: container.kind });
    }
  }

  const loops: Array<{ node: FlowNode; exits: OpenEnds }> = [];

  const walk = (actions: readonly unknown[], ends: OpenEnds, container: FlowNode, entryLabel?: string): OpenEnds => {
    let open = ends;
    let label = entryLabel;
    let previous: FlowNode | undefined;
    for (const entry of actions) {
      if (!isRecord(entry)) continue;
      const [kind] = Object.keys(entry);
      if (kind === undefined) continue;
      // Actions after an end still belong to the list: drawn after it, the edge says no path reaches them.
      if (!open.length && previous) open = [{ node: previous, label: 'unreachable' }];
      const before = builder.graph.nodes.length;
      open = action(kind, isRecord(entry[kind]) ? (entry[kind] as Record<string, unknown>) : {}, open, container, label);
      previous = builder.graph.nodes[before];
      label = undefined;
    }
    return open;
  };

  const action = (kind: string, props: Record<string, unknown>, ends: OpenEnds, container: FlowNode, entryLabel?: string): OpenEnds => {
    const node = builder.node({ container: container.id, ...describe(kind, props) });
    for (const end of ends) builder.edge(end.node, node, entryLabel ?? end.label);
    for (const reference of references(props)) jumps.push({ from: node, reference });

    const branches = nestedBranches(props);
    if (kind === 'loop') {
      const loop = { node, exits: [] as OpenEnds };
      loops.push(loop);
      for (const branch of branches) {
        for (const end of walk(branch.actions, [{ node }], container, branch.label)) builder.edge(end.node, node, 'next', 'loop');
      }
      loops.pop();
      return [{ node, label: 'done' }, ...loop.exits];
    }
    if (kind === 'loopNext' && loops.length) builder.edge(node, loops[loops.length - 1]!.node, 'next', 'loop');
    if (kind === 'loopExit' && loops.length) loops[loops.length - 1]!.exits.push({ node, label: 'exit loop' });

    const open: OpenEnds = [];
    for (const branch of branches) open.push(...walk(branch.actions, [{ node }], container, branch.label));
    if (terminal.test(kind)) return open;
    const outputs = knownOutputs[kind];
    if (outputs && branches.length) {
      for (const output of outputs) if (!branches.some((b) => b.label === output)) open.push({ node, label: output });
    } else if (kind === 'switch') {
      if (!branches.some((b) => b.label === 'default')) open.push({ node, label: 'default' });
    } else {
      open.push({ node });
    }
    return open;
  };

  const startUp = body.startUpTaskActions;
  if (Array.isArray(startUp)) walk(startUp, [{ node: start }], start);
  const startReference = typeof body.startUpRef === 'string' ? referenceKey(body.startUpRef) : undefined;
  const first = startReference ? byReference.get(startReference) : undefined;
  if (first) builder.edge(start, first, 'start');
  else if (!Array.isArray(startUp) && listed[0]) builder.edge(start, listed[0].node, 'start');

  for (const { node, item, kind } of listed) {
    if (kind === 'menu') {
      for (const choice of Array.isArray(item.choices) ? item.choices : []) {
        if (!isRecord(choice)) continue;
        const [choiceKind] = Object.keys(choice);
        if (choiceKind === undefined) continue;
        const props = isRecord(choice[choiceKind]) ? (choice[choiceKind] as Record<string, unknown>) : {};
        action(choiceKind, props, [{ node, label: choiceLabel(props) }], node);
      }
    } else {
      walk(Array.isArray(item.actions) ? item.actions : [], [{ node }], node);
      for (const branch of nestedBranches(item, ['actions'])) walk(branch.actions, [{ node }], node, branch.label);
    }
  }

  for (const jump of jumps) {
    const target = byReference.get(jump.reference);
    if (target) builder.edge(jump.from, target, undefined, 'jump');
  }
  return builder.graph;
}

const containerWords: Record<string, string> = { state: 'State', task: 'Reusable task', menu: 'Menu', bot: 'Bot' };

function describe(kind: string, props: Record<string, unknown>): Omit<FlowNode, 'id' | 'container'> {
  const words = humanise(kind);
  const name = text(props.name);
  if (kind === 'callData') {
    const call = dataActionCalled(props);
    const named = name && name !== 'Call Data Action' ? `${name} · ` : '';
    if (call) return { kind: 'data-action', label: call.name, detail: `${named}data action in ${call.category}`, calls: call };
    return { kind: 'data-action', label: name ?? words, detail: 'Call data action' };
  }
  const detail = kind === 'decision' ? (valueText(props.condition) ?? words) : kind === 'transferToAcd' || kind === 'menuTransferToAcd' ? queueText(props) ?? words : words;
  const label = name ?? words;
  // `Play Audio` named "Play Audio" says it once.
  const shown = (name || detail !== words) && detail.toLowerCase() !== label.toLowerCase() ? detail : undefined;
  return { kind: nodeKind(kind), label, detail: shown };
}

function nodeKind(kind: string): FlowNodeKind {
  if (kind === 'decision') return 'decision';
  if (kind === 'switch') return 'switch';
  if (kind === 'loop') return 'loop';
  if (kind === 'callCommonModule' || kind === 'callBotFlow') return 'module';
  if (/^menu(Task|SubMenu)$/.test(kind)) return 'choice';
  if (/^(callTask|changeState|jumpTo|menuJump|loopNext|loopExit)/.test(kind)) return 'jump';
  if (/^(transfer|menuTransfer)/.test(kind)) return 'transfer';
  if (terminal.test(kind)) return 'end';
  return 'action';
}

/** `category: {<category>: {dataAction: {<action>: …}}}`. */
function dataActionCalled(props: Record<string, unknown>): { name: string; category: string } | undefined {
  if (!isRecord(props.category)) return undefined;
  const [category] = Object.keys(props.category);
  const inner = category === undefined ? undefined : props.category[category];
  if (!isRecord(inner) || !isRecord(inner.dataAction)) return undefined;
  const [name] = Object.keys(inner.dataAction);
  if (name === undefined) return undefined;
  return { name: unmaskPlaceholders(name), category: unmaskPlaceholders(category!) };
}

/**
 * The action lists nested in an action (its output paths, decision outcomes, switch cases, a loop's body, a menu
 * choice's task), each labelled by the path it is: `success`, `yes`, `case: <value>`, `default`.
 */
function nestedBranches(props: Record<string, unknown>, skip: readonly string[] = []): Branch[] {
  const found: Branch[] = [];
  const visit = (value: unknown, label: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((item) => visit(item, label));
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (value === props && skip.includes(key)) continue;
      if (key === 'actions' && Array.isArray(inner)) {
        found.push({ label: label ?? '', actions: inner });
      } else if (key === 'case' && isRecord(inner)) {
        visit(inner, `case ${valueText(inner.value) ?? ''}`.trim());
      } else if (isRecord(inner) || Array.isArray(inner)) {
        visit(inner, branchLabel(key) ?? label);
      }
    }
  };
  visit(props, undefined);
  return found;
}

/** Keys that name a path (`outputs.success`), as opposed to keys that only group (`outputs`, `evaluate`). */
function branchLabel(key: string): string | undefined {
  if (['outputs', 'evaluate', 'firstTrue', 'cases', 'task', 'choices', 'intents', 'slots'].includes(key)) return undefined;
  return key;
}

function references(props: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (key === 'outputs' || key === 'evaluate' || key === 'task') continue;
    const reference = typeof value === 'string' ? referenceKey(value) : isRecord(value) ? referenceIn(value) : undefined;
    if (reference) found.push(reference);
  }
  return found;
}

function referenceIn(value: Record<string, unknown>): string | undefined {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'string' && referenceKey(inner)) return referenceKey(inner);
  }
  return undefined;
}

function referenceKey(reference: string): string | undefined {
  return reference.match(referencePattern)?.[1];
}

function choiceLabel(props: Record<string, unknown>): string | undefined {
  const dtmf = typeof props.dtmf === 'string' ? props.dtmf.replace(/^digit_/, '') : undefined;
  return dtmf;
}

function queueText(props: Record<string, unknown>): string | undefined {
  const queue = valueText(props.targetQueue);
  return queue ? `Transfer to ACD · queue ${queue}` : undefined;
}

/** `{lit: …}`, `{exp: …}`, `{var: …}` or a plain value as short text. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return unmaskPlaceholders(String(value));
  if (!isRecord(value)) return undefined;
  for (const key of ['exp', 'lit', 'var']) {
    const inner = value[key];
    if (typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean') return unmaskPlaceholders(String(inner));
    if (isRecord(inner) && typeof inner.name === 'string') return unmaskPlaceholders(inner.name);
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? unmaskPlaceholders(value) : undefined;
}
