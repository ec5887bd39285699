import { compileJsonPath, type CompiledPath, type PathNode, type QueryResult } from '../jsonpath/index.js';
import type { FilterMatch } from './types.js';
import { isJsonObject } from '../json/json-values.js';

/** Keys that tell one element of a Genesys array from another (participants, sessions, media). */
const descriptorKeys = ['purpose', 'mediaType', 'type'] as const;
const MAX_LISTED = 10;

export interface PathExplanation {
  filters: FilterMatch[];
  notes: string[];
}

/**
 * Why a translation path found what it found, by evaluating its prefixes: how many items each filter
 * kept, which token found nothing, and which array element a definite path picked.
 */
export function explainPath(path: CompiledPath, document: unknown, result: QueryResult): PathExplanation {
  const walk = new PrefixWalk(path, document);
  const explanation: PathExplanation = { filters: walk.filterMatches(), notes: [] };
  const empty = !result.found || (!path.definite && Array.isArray(result.value) && result.value.length === 0);
  if (empty) {
    const note = walk.whyNothing();
    if (note) explanation.notes.push(note);
  } else if (path.definite) {
    explanation.notes.push(...walk.pickedElement());
  }
  return explanation;
}

class PrefixWalk {
  private readonly ast: readonly PathNode[];
  private readonly levels = new Map<number, unknown[] | undefined>();

  constructor(
    private readonly path: CompiledPath,
    private readonly document: unknown,
  ) {
    this.ast = path.ast;
  }

  /** The values the path reaches after node `index` (0 = the root): a list, or undefined when it fails there. */
  itemsAt(index: number): unknown[] | undefined {
    if (index === 0) return [this.document];
    if (this.levels.has(index)) return this.levels.get(index);
    let items: unknown[] | undefined;
    const source = this.prefixSource(index);
    try {
      const prefix = compileJsonPath(source);
      const result = prefix.evaluate(this.document);
      items = !result.found ? undefined : prefix.definite ? [result.value] : (result.value as unknown[]);
    } catch {
      items = undefined;
    }
    this.levels.set(index, items);
    return items;
  }

  prefixSource(index: number): string {
    const node = this.ast[index] as PathNode;
    return this.path.source.slice(0, node.offset + node.length);
  }

  tokenSource(index: number): string {
    const node = this.ast[index] as PathNode;
    return this.path.source.slice(node.offset, node.offset + node.length);
  }

  filterMatches(): FilterMatch[] {
    const matches: FilterMatch[] = [];
    this.ast.forEach((node, index) => {
      if (node.kind !== 'filter') return;
      const candidates = this.itemsAt(index - 1);
      const kept = this.itemsAt(index);
      if (!candidates || !kept) return;
      const of = candidates.reduce<number>((count, item) => count + (Array.isArray(item) ? item.length : 1), 0);
      matches.push({ filter: this.tokenSource(index), matched: kept.length, of });
    });
    return matches;
  }

  /** The first token after which nothing is left, described in terms of the items it was applied to. */
  whyNothing(): string | undefined {
    let last = 0;
    for (let index = 1; index < this.ast.length; index++) {
      const items = this.itemsAt(index);
      if (!items || items.length === 0) break;
      last = index;
    }
    const failing = last + 1;
    const node = this.ast[failing];
    if (!node) return undefined;
    const before = this.itemsAt(last) ?? [];
    const token = this.tokenSource(failing);
    const owners = this.describeItems(last, before);
    switch (node.kind) {
      case 'filter': {
        const candidates = before.flatMap((item) => (Array.isArray(item) ? item : [item]));
        const kinds = distinct(candidates.map(descriptor).filter((d): d is string => d !== undefined));
        const noun = plural(this.elementNoun(failing), candidates.length);
        const among = kinds.length ? ` (${kinds.slice(0, MAX_LISTED).join(', ')})` : '';
        return `\`${token}\` matched none of the ${candidates.length} ${noun}${among}`;
      }
      case 'property': {
        const name = node.names.join("', '");
        const present = before.filter((item) => isJsonObject(item) && node.names.some((n) => Object.hasOwn(item, n)));
        if (present.length === 0) return `${owners.subject} ${owners.count === 1 ? 'has' : 'have'} no \`${name}\``;
        return `\`${name}\` of ${owners.subject} is not an object or array the rest of the path can read`;
      }
      case 'index': {
        const arrays = before.filter(Array.isArray);
        if (arrays.length && arrays.every((a) => a.length === 0)) return `${this.containerName(last)} of ${this.describeItems(last - 1, this.itemsAt(last - 1) ?? []).subject} is empty`;
        const sizes = distinct(arrays.map((a) => String(a.length)));
        return `\`${token}\` is out of range: ${this.containerName(last)} has ${sizes.join(' or ')} item${sizes.join() === '1' ? '' : 's'}`;
      }
      default:
        return `\`${token}\` found nothing after \`${this.prefixSource(last)}\``;
    }
  }

  /** For `$.participants[1].id`: which element `[1]` is, e.g. the workflow participant. */
  pickedElement(): string[] {
    const notes: string[] = [];
    for (let index = 1; index < this.ast.length; index++) {
      const node = this.ast[index] as PathNode;
      if (node.kind !== 'index') continue;
      const container = this.itemsAt(index - 1)?.[0];
      const kind = descriptor(this.itemsAt(index)?.[0]);
      if (!Array.isArray(container) || kind === undefined) continue;
      const where = this.path.source.slice(this.ast[1]?.offset ?? 0, node.offset + node.length).replace(/^\.+/, '');
      const rest = this.path.source.slice(node.offset + node.length).replace(/^\./, '');
      const element = `${kind} ${this.elementNoun(index)}`;
      notes.push(rest ? `resolved to the ${element}'s \`${rest}\` (${where} is the ${element})` : `${where} is the ${element}`);
      const listed = container.slice(0, MAX_LISTED).map((item, i) => `[${i}] ${descriptor(item) ?? '?'}`);
      if (container.length > MAX_LISTED) listed.push('…');
      notes.push(`${this.containerName(index - 1)}: ${listed.join(', ')}`);
    }
    return notes;
  }

  private describeItems(index: number, items: unknown[]): { subject: string; count: number } {
    if (index <= 0) return { subject: 'the response body', count: 1 };
    const noun = this.elementNoun(index);
    const kinds = distinct(items.map(descriptor).filter((d): d is string => d !== undefined));
    if (items.length === 1) return { subject: `the ${kinds[0] ? `${kinds[0]} ` : ''}${noun}`, count: 1 };
    const which = kinds.length ? ` (${kinds.slice(0, MAX_LISTED).join(', ')})` : '';
    return { subject: `none of the ${items.length} ${plural(noun, items.length)}${which}`, count: items.length };
  }

  /** What one item at node `index` is called: `participant` after `participants[…]`. */
  private elementNoun(index: number): string {
    for (let i = index; i >= 1; i--) {
      const node = this.ast[i] as PathNode;
      if (node.kind === 'property') return i === index ? node.names.join('/') : singular(node.names[0] ?? 'item');
    }
    return 'item';
  }

  private containerName(index: number): string {
    for (let i = index; i >= 1; i--) {
      const node = this.ast[i] as PathNode;
      if (node.kind === 'property') return `\`${node.names.join('/')}\``;
    }
    return 'the document';
  }
}

function descriptor(item: unknown): string | undefined {
  if (!isJsonObject(item)) return undefined;
  for (const key of descriptorKeys) {
    const value = item[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}


function singular(name: string): string {
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(ss|us)$/.test(name)) return name;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

function plural(noun: string, count: number): string {
  if (count === 1) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
