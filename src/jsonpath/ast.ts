/**
 * AST of a Jayway JsonPath. Every node keeps `offset` and `length` into the path as the user wrote it,
 * so diagnostics can point at the token. Nodes follow Jayway's path tokens one to one.
 */

export interface SourceSpan {
  /** Offset of the token in the original path string. */
  readonly offset: number;
  /** Length of the token in the original path string (0 for the implied `$` of a path without root). */
  readonly length: number;
}

/** `$` (the document) or `@` (the current item, only meaningful inside filters). Always the first node. */
export interface RootNode extends SourceSpan {
  readonly kind: 'root';
  readonly symbol: '$' | '@';
  /** False when the path was written without `$`/`@` and Jayway prepended `$.`. */
  readonly written: boolean;
}

/** `.name`, `['name']` or `['a','b']`. Several names at the leaf merge into one object; elsewhere they fan out. */
export interface PropertyNode extends SourceSpan {
  readonly kind: 'property';
  readonly names: readonly string[];
  readonly notation: 'dot' | 'bracket';
}

/** `[0]`, `[-1]` or `[0,2]`. One index is definite; several are not. */
export interface IndexNode extends SourceSpan {
  readonly kind: 'index';
  readonly indexes: readonly number[];
}

/** `[from:to]`; Jayway reads only the first two parts, so a step is ignored. */
export interface SliceNode extends SourceSpan {
  readonly kind: 'slice';
  readonly from?: number;
  readonly to?: number;
}

/** `*`, `.*` or `[*]`. */
export interface WildcardNode extends SourceSpan {
  readonly kind: 'wildcard';
}

/** `..`: the next node is applied at every level of the document. */
export interface ScanNode extends SourceSpan {
  readonly kind: 'scan';
}

/** `[?(<expression>)]`. */
export interface FilterNode extends SourceSpan {
  readonly kind: 'filter';
  readonly expression: FilterExpression;
}

/** `.name(args)`, e.g. `.length()`, `.concat("x", $.a)`. */
export interface FunctionNode extends SourceSpan {
  readonly kind: 'function';
  readonly name: string;
  readonly args: readonly FunctionArgument[];
}

export type PathNode =
  | RootNode
  | PropertyNode
  | IndexNode
  | SliceNode
  | WildcardNode
  | ScanNode
  | FilterNode
  | FunctionNode;

/** A function argument: a path (`$…`/`@…`, evaluated against the document) or a JSON value. */
export type FunctionArgument =
  | (SourceSpan & { readonly kind: 'path'; readonly path: EmbeddedPath })
  | (SourceSpan & { readonly kind: 'json'; readonly value: unknown });

/** A path written inside a filter or as a function argument. */
export interface EmbeddedPath extends SourceSpan {
  readonly source: string;
  readonly ast: readonly PathNode[];
  readonly definite: boolean;
}

export type ComparisonOperator =
  | '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=' | '=~'
  | 'in' | 'nin' | 'subsetof' | 'anyof' | 'noneof' | 'size' | 'empty'
  | 'contains' | 'all' | 'exists' | 'type' | 'matches';

/** Boolean structure of a filter. `||` binds weaker than `&&`. */
export type FilterExpression =
  | (SourceSpan & { readonly kind: 'or'; readonly operands: readonly FilterExpression[] })
  | (SourceSpan & { readonly kind: 'and'; readonly operands: readonly FilterExpression[] })
  | (SourceSpan & { readonly kind: 'not'; readonly operand: FilterExpression })
  | ComparisonExpression
  | ExistenceExpression;

/** `left <op> right`. */
export interface ComparisonExpression extends SourceSpan {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: FilterValue;
  readonly right: FilterValue;
}

/** A lone path: true when it resolves (`negated` for `!@.x`). */
export interface ExistenceExpression extends SourceSpan {
  readonly kind: 'exists';
  readonly path: EmbeddedPath;
  readonly negated: boolean;
}

/** An operand of a comparison. `number.text` keeps the literal as written (BigDecimal semantics). */
export type FilterValue =
  | (SourceSpan & { readonly kind: 'path'; readonly path: EmbeddedPath })
  | (SourceSpan & { readonly kind: 'string'; readonly value: string })
  | (SourceSpan & { readonly kind: 'number'; readonly text: string; readonly value: number })
  | (SourceSpan & { readonly kind: 'boolean'; readonly value: boolean })
  | (SourceSpan & { readonly kind: 'null' })
  | (SourceSpan & { readonly kind: 'json'; readonly value: unknown })
  /** A `[…]` or `{…}` literal that is not valid JSON; Jayway fails only when an operator reads it. */
  | (SourceSpan & { readonly kind: 'unparsed-json'; readonly text: string })
  | (SourceSpan & { readonly kind: 'regex'; readonly pattern: string; readonly flags: string });
