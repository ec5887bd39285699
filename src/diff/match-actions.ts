import type { ComparableAction } from './comparable-action.js';

export interface ActionPair {
  left: ComparableAction;
  right: ComparableAction;
}

export interface Ambiguity {
  name: string;
  left: ComparableAction[];
  right: ComparableAction[];
}

export interface MatchResult {
  pairs: ActionPair[];
  /** Only on the right. */
  added: ComparableAction[];
  /** Only on the left. */
  removed: ComparableAction[];
  /** Same name more than once where categories cannot tell them apart: reported, never guessed. */
  ambiguities: Ambiguity[];
}

function groupByName(actions: readonly ComparableAction[]): Map<string, ComparableAction[]> {
  const groups = new Map<string, ComparableAction[]>();
  for (const action of actions) {
    const group = groups.get(action.name);
    if (group) group.push(action);
    else groups.set(action.name, [action]);
  }
  return groups;
}

/**
 * Pairs actions by name, and by category + name where a name occurs more than once. A lone action on each side
 * pairs even across categories (a category change is an update); duplicates pair only when every one of them has
 * a category that is unique on its side.
 */
export function matchActions(left: readonly ComparableAction[], right: readonly ComparableAction[]): MatchResult {
  const result: MatchResult = { pairs: [], added: [], removed: [], ambiguities: [] };
  const leftGroups = groupByName(left);
  const rightGroups = groupByName(right);
  const names = [...new Set([...leftGroups.keys(), ...rightGroups.keys()])].sort();
  for (const name of names) {
    const l = leftGroups.get(name) ?? [];
    const r = rightGroups.get(name) ?? [];
    if (l.length <= 1 && r.length <= 1) {
      if (l[0] && r[0]) result.pairs.push({ left: l[0], right: r[0] });
      else if (l[0]) result.removed.push(l[0]);
      else if (r[0]) result.added.push(r[0]);
      continue;
    }
    if (!distinctCategories(l) || !distinctCategories(r)) {
      result.ambiguities.push({ name, left: l, right: r });
      continue;
    }
    const rightByCategory = new Map(r.map((action) => [action.category as string, action]));
    for (const action of l) {
      const partner = rightByCategory.get(action.category as string);
      if (partner) {
        result.pairs.push({ left: action, right: partner });
        rightByCategory.delete(action.category as string);
      } else result.removed.push(action);
    }
    result.added.push(...rightByCategory.values());
  }
  return result;
}

function distinctCategories(actions: readonly ComparableAction[]): boolean {
  const categories = actions.map((action) => action.category);
  return categories.every((c) => c !== undefined) && new Set(categories).size === categories.length;
}
