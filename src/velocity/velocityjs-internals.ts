import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Compile } from 'velocityjs';

/** The velocityjs AST node shapes this adapter reads (velocityjs's own types are looser than its data). */
export interface Position {
  first_line: number;
  last_line: number;
  first_column: number;
  last_column: number;
}

export interface VtlNode {
  type: string;
  id?: string;
  pos?: Position;
  leader?: string;
  isWraped?: boolean;
  path?: VtlAttribute[];
  args?: VtlNode[] | false;
  value?: unknown;
  isEval?: boolean;
  isRange?: boolean;
  condition?: VtlNode;
  expression?: VtlNode[];
  operator?: string;
  equal?: [VtlNode, VtlNode];
  from?: VtlNode;
  to?: string;
  /** Added by the parser: the node's source span, relative to the text it was parsed from. */
  span?: { start: number; end: number };
}

export interface VtlAttribute {
  type: 'method' | 'property' | 'index';
  id: string | VtlNode;
  args?: VtlNode[] | false;
}

export type FlatItem = string | VtlNode;
/** A leveled list: text, nodes, and blocks (`[head, ...children]`). */
export type Leveled = string | VtlNode | Leveled[];

const requireFromHere = createRequire(import.meta.url);
const parserModule = requireFromHere(join(dirname(requireFromHere.resolve('velocityjs')), 'parse/index.cjs')) as {
  parse_1: (text: string) => FlatItem[];
};

/** velocityjs's generated parser, before velocityjs groups blocks and trims whitespace. */
export function parseFlat(text: string): FlatItem[] {
  return parserModule.parse_1(text);
}

/** velocityjs's evaluator with the members the adapter overrides, loosely typed. */
export interface CompileInternals {
  context: Record<string, unknown>;
  local: Record<string, Record<string, unknown>>;
  conditions: string[];
  contextId: string;
  macrosStore: Record<string, { asts: Leveled[]; args: VtlNode[] }>;
  macros: Record<string, unknown>;
  runState: { stop: boolean; break: boolean };
  asts: Leveled[];
  render(context: Record<string, unknown>, macros?: object, silence?: boolean): string;
  renderAstList(asts?: Leveled[], contextId?: string): string;
  getReferences(ast: VtlNode, isVal?: boolean): unknown;
  getLiteral(ast: VtlNode): unknown;
  getExpression(ast: VtlNode): unknown;
  getAttributes(property: VtlAttribute, baseRef: unknown, ast: VtlNode): unknown;
  getPropMethod(property: VtlAttribute, baseRef: unknown, ast: VtlNode): unknown;
  getLocal(ast: VtlNode): { value: unknown; isLocal: boolean };
  getContext(id: string): Record<string, unknown>;
  resolveSetPath(
    context: Record<string, unknown>,
    ref: VtlNode,
    keys: string[],
  ): { blocked: boolean; rootRef?: Record<string, unknown>; shouldSetRoot?: boolean; baseRef?: Record<string, unknown>; key?: string };
  getPathKeys(ref: VtlNode): string[];
  getBlock(block: Leveled[]): string;
  getMacro(ast: VtlNode, bodyContent?: string): string;
  eval(str: Leveled[] | string, local?: object, contextId?: string): string;
  evalStr(str: string): string;
  setValue(ast: VtlNode): void;
}

export const CompileBase = Compile as unknown as new (asts: Leveled[], config: object) => CompileInternals;
