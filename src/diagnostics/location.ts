/** A key or an index on the way from a document's root to a value. */
export type PathSegment = string | number;

/** A part of a string value: `offset`/`length` count UTF-16 units of the decoded value. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * A place in a document before it is resolved to a line and column: a JSON path, optionally narrowed to the map
 * key (`at: 'key'`) or to a span of a string value (e.g. one token of a JSONPath).
 */
export interface SourceLocation {
  path: PathSegment[];
  at?: 'key' | 'value';
  span?: Span;
}
