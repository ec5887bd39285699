import { isCallDataCheck, isUnknownCallDataAction } from '../../diagnostics/registry.js';
import type { Finding, PathSegment } from '../../diagnostics/index.js';
import type { TreeNode } from '../../explain/explain-action.js';
import { hasSubstitution, showSubstitutions } from '../expression/opaque.js';
import { resolveCallData, type ArchyActionCatalog } from './check-call-data.js';
import type { ArchyDocument } from './read-archy.js';

type Json = unknown;

/**
 * An Archy flow as a tree: variables, then each state, task, menu and bot with its actions and their
 * output paths. Each callData shows the project action it resolves to and whether the call fits its contract.
 */
export function explainArchy(document: ArchyDocument, findings: readonly Finding[], catalog?: ArchyActionCatalog): TreeNode {
  const flow = document.flow ?? {};
  const root: TreeNode = { label: `${text(flow.name) ?? '(unnamed)'}  (${document.flowType})`, nodes: [] };
  const describeCall = (body: Record<string, Json>, path: PathSegment[]): string => {
    const category = isMap(body.category) ? Object.keys(body.category)[0] : undefined;
    const inner = category !== undefined && isMap(body.category) ? (body.category as Record<string, Json>)[category] : undefined;
    const actions = isMap(inner) && isMap(inner.dataAction) ? inner.dataAction : {};
    const actionName = Object.keys(actions)[0];
    if (category === undefined || actionName === undefined) return 'callData (no action named)';
    const callPath = [...path, 'category', category, 'dataAction', actionName];
    const problems = findings.filter((f) => isCallDataCheck(f.ruleId) && startsWith(f.path, callPath));
    const resolved = resolveCallData({ category, actionName }, catalog);
    const target = `${showSubstitutions(category)} / ${showSubstitutions(actionName)}`;
    let status: string;
    if (resolved.action) {
      const errors = problems.filter((p) => p.severity === 'error').length;
      status = `→ ${resolved.action.name}${resolved.action.file ? ` (${resolved.action.file})` : ''}: ${errors ? `${errors} contract problem${errors === 1 ? '' : 's'}` : 'fits its contract'}`;
    } else if (hasSubstitution(actionName)) {
      status = '→ named at publish time (substitution)';
    } else if (problems.some((p) => isUnknownCallDataAction(p.ruleId))) {
      status = '→ no such action in the project';
    } else {
      status = catalog ? '→ not an action of this project' : '→ (no project actions to check against)';
    }
    return `callData${body.name ? ` "${text(body.name)}"` : ''}: ${target}  ${status}`;
  };

  const actionNodes = (actions: Json, path: PathSegment[], depth: number): TreeNode[] => {
    if (!Array.isArray(actions) || depth > 200) return [];
    return actions.map((item, index) => {
      if (!isMap(item) || Object.keys(item).length !== 1) return leaf('(not an action)');
      const [type, body] = Object.entries(item)[0]!;
      const at = [...path, index, type];
      const map = isMap(body) ? body : {};
      const label = type === 'callData' || type === 'callDataSecure' ? describeCall(map, at) : `${type}${map.name !== undefined ? ` "${text(map.name)}"` : ''}${reference(map)}`;
      return { label, nodes: nestedPaths(map, at, depth) };
    });
  };

  const nestedPaths = (body: Record<string, Json>, path: PathSegment[], depth: number): TreeNode[] => {
    const found: TreeNode[] = [];
    const walk = (value: Json, at: PathSegment[], labels: string[], level: number): void => {
      if (level > 12) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, [...at, i], labels, level + 1));
        return;
      }
      if (!isMap(value)) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'actions' && Array.isArray(inner)) {
          found.push({ label: labels.filter((l) => !['outputs', 'evaluate', 'case', 'cases'].includes(l)).join(' ') || 'actions', nodes: actionNodes(inner, [...at, key], depth + 1) });
        } else if (key !== 'category') {
          const label = key === 'value' && isMap(inner) ? `when ${describeValue(inner)}` : key;
          walk(inner, [...at, key], [...labels, label], level + 1);
        }
      }
    };
    walk(body, path, [], 0);
    return found;
  };

  const variables = declarations(flow.variables);
  if (variables.length) root.nodes.push({ label: 'variables', nodes: variables.map(leaf) });
  if (Array.isArray(flow.startUpTaskActions)) root.nodes.push({ label: 'start-up actions', nodes: actionNodes(flow.startUpTaskActions, [document.rootKey, 'startUpTaskActions'], 0) });
  for (const container of ['menus', 'states', 'tasks', 'bots']) {
    const items = flow[container];
    if (!Array.isArray(items)) continue;
    const kind = container.slice(0, -1);
    const nodes = items.map((item, index): TreeNode => {
      const body = isMap(item) && isMap(item[kind]) ? (item[kind] as Record<string, Json>) : {};
      const at: PathSegment[] = [document.rootKey, container, index, kind];
      const start = typeof flow.startUpRef === 'string' && typeof body.refId === 'string' && flow.startUpRef.endsWith(`[${body.refId}]`) ? '  (start)' : '';
      const label = `${kind} "${text(body.name) ?? text(body.refId) ?? index}"${start}`;
      const children: TreeNode[] = declarations(body.variables).map(leaf);
      if (Array.isArray(body.actions)) children.push(...actionNodes(body.actions, [...at, 'actions'], 0));
      if (Array.isArray(body.choices)) {
        body.choices.forEach((choice, i) => {
          if (!isMap(choice)) return;
          const [type, inner] = Object.entries(choice)[0] ?? [];
          if (!type) return;
          const map = isMap(inner) ? inner : {};
          children.push({ label: `${type}${map.dtmf ? ` [${text(map.dtmf)}]` : ''}${map.name ? ` "${text(map.name)}"` : ''}${reference(map)}`, nodes: nestedPaths(map, [...at, 'choices', i, type], 0) });
        });
      }
      if (kind === 'bot') children.push(...nestedPaths(body, at, 0));
      return { label, nodes: children };
    });
    root.nodes.push({ label: container, nodes });
  }
  return root;
}

function declarations(list: Json): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    if (!isMap(item)) return [];
    const [key, body] = Object.entries(item)[0] ?? [];
    if (!key || !isMap(body)) return [];
    const io = [body.isInput === true ? 'input' : '', body.isOutput === true ? 'output' : ''].filter(Boolean).join(', ');
    return [`${text(body.name) ?? '?'}  ${key.replace(/Variable$/, '')}${io ? `  (${io})` : ''}`];
  });
}

function reference(body: Record<string, Json>): string {
  for (const key of ['targetTaskRef', 'targetStateRef', 'targetMenuRef']) if (typeof body[key] === 'string') return ` → ${String(body[key])}`;
  return '';
}

function describeValue(value: Record<string, Json>): string {
  if ('lit' in value) return JSON.stringify(value.lit);
  if ('exp' in value) return showSubstitutions(String(value.exp));
  return 'no value';
}

function text(value: Json): string | undefined {
  return typeof value === 'string' ? showSubstitutions(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

function leaf(label: string): TreeNode {
  return { label, nodes: [] };
}

function isMap(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
