import { stripExportSuffix } from '../export/data-action-export.js';
import { actionLabel, type ComparableAction } from './comparable-action.js';
import { compareActions, type FieldChange } from './compare-actions.js';
import { matchActions, type Ambiguity } from './match-actions.js';

export type ChangeKind = 'added' | 'removed' | 'update' | 'replace';

export interface ActionChange {
  /** `<category>/<name>`, or `<name>` when the category is not known. */
  action: string;
  kind: ChangeKind;
  fields: FieldChange[];
  left?: ComparableAction;
  right?: ComparableAction;
}

export interface DiffResult {
  /** Sorted by action; unchanged actions are not listed. */
  changes: ActionChange[];
  unchanged: number;
  ambiguities: Ambiguity[];
  /** Names compared without the export suffix, because export files on both sides carry it. */
  suffixIgnored: string[];
}

/** What changes from `left` to `right`, per action; `replace` when a changed field forces a new action id. */
export function diffActions(leftActions: readonly ComparableAction[], rightActions: readonly ComparableAction[]): DiffResult {
  const { left, right, suffixIgnored } = withoutSharedExportSuffix(leftActions, rightActions);
  const matched = matchActions(left, right);
  const changes: ActionChange[] = [];
  let unchanged = 0;
  for (const pair of matched.pairs) {
    const fields = compareActions(pair.left, pair.right);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    const labelSource = pair.left.category !== undefined && pair.right.category !== undefined ? pair.right : { ...pair.right, category: undefined };
    changes.push({
      action: actionLabel(labelSource),
      kind: fields.some((f) => f.replace) ? 'replace' : 'update',
      fields,
      left: pair.left,
      right: pair.right,
    });
  }
  for (const action of matched.added) changes.push({ action: actionLabel(action), kind: 'added', fields: [], right: action });
  for (const action of matched.removed) changes.push({ action: actionLabel(action), kind: 'removed', fields: [], left: action });
  changes.sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : a.kind < b.kind ? -1 : 1));
  return { changes, unchanged, ambiguities: matched.ambiguities, suffixIgnored };
}

/**
 * Names are compared exactly, with one exception: two export files whose names differ only in the UI's
 * " - Exported YYYY-MM-DD @ HH:MM" (both carry one) are the same action exported twice.
 */
function withoutSharedExportSuffix(left: readonly ComparableAction[], right: readonly ComparableAction[]) {
  const suffixed = (actions: readonly ComparableAction[]) =>
    new Set(actions.filter((a) => a.fromExportFile && stripExportSuffix(a.name) !== a.name).map((a) => stripExportSuffix(a.name)));
  const shared = new Set([...suffixed(left)].filter((name) => suffixed(right).has(name)));
  const strip = (actions: readonly ComparableAction[]) =>
    actions.map((a) => {
      const stripped = stripExportSuffix(a.name);
      return a.fromExportFile && stripped !== a.name && shared.has(stripped) ? { ...a, name: stripped } : a;
    });
  return { left: strip(left), right: strip(right), suffixIgnored: [...shared].sort() };
}
