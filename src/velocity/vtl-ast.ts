/** The syntax tree of a Velocity 1.7 template, as `vtl-parser.ts` builds it from Velocity's grammar (Parser.jjt). */

export interface Reference {
  silent: boolean;
  formal: boolean;
  root: string;
  parts: ReferencePart[];
  /** Offset of the `$`. */
  offset: number;
  /** The reference's own source text without leading backslashes (`$!{a.b}`): what Velocity prints for null. */
  literal: string;
  /**
   * `$\!a.b`, `$\!{a}`: backslashes between `$` and `!` make Velocity's reference not computable. Its `root` is
   * then the text up to the name or `{` with one backslash fewer (`$!a`), looked up like a name, printed
   * for null and named in strict errors; `#set` and `#define` ignore it.
   */
  uncomputable?: true;
}

export type ReferencePart =
  | { kind: 'property'; name: string; offset: number }
  | { kind: 'method'; name: string; args: Expression[]; offset: number }
  | { kind: 'index'; index: Expression; offset: number };

export type Expression =
  | { kind: 'string'; value: string; template?: TemplateTree; offset: number }
  | { kind: 'integer'; value: number | bigint; offset: number }
  | { kind: 'double'; value: number; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'reference'; reference: Reference; offset: number }
  | { kind: 'list'; items: Expression[]; offset: number }
  | { kind: 'range'; from: Expression; to: Expression; offset: number }
  | { kind: 'map'; entries: [Expression, Expression][]; offset: number }
  /**
   * `literal` is what Velocity prints for the node when it is null beside a string in `+`: its source from
   * after the operator through the right operand and the whitespace after it (JJTree opens the node there).
   */
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; literal: string; offset: number }
  | { kind: 'not'; operand: Expression; offset: number }
  /** `literal`: the source between the parentheses. */
  | { kind: 'group'; inner: Expression; literal: string; offset: number }
  | { kind: 'word'; value: string; offset: number };

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type TemplateNode =
  | { kind: 'text'; text: string }
  /** `escapes` counts the backslashes written before the `$`. */
  | { kind: 'reference'; reference: Reference; escapes: number }
  | { kind: 'set'; target: Reference; value: Expression; offset: number }
  | { kind: 'if'; branches: { condition?: Expression; body: TemplateNode[]; offset: number }[]; offset: number }
  | { kind: 'foreach'; variable: string; iterable: Expression; body: TemplateNode[]; offset: number }
  /** `bare`: written without parentheses (`#name`), which Velocity also calls when the macro exists. */
  | { kind: 'macro-call'; name: string; args: Expression[]; literal: string; bare: boolean; offset: number }
  | { kind: 'define'; target: Reference; body: TemplateNode[]; offset: number }
  | { kind: 'evaluate'; argument: Expression; offset: number }
  | { kind: 'load'; directive: 'parse' | 'include'; offset: number }
  | { kind: 'break'; offset: number }
  | { kind: 'stop'; offset: number };

export interface MacroDefinition {
  name: string;
  /** By position; a literal written in place of a parameter (`#macro(m 5 $a)`) takes its place and binds nothing (''). */
  parameters: string[];
  body: TemplateNode[];
  offset: number;
}

export interface TemplateTree {
  nodes: TemplateNode[];
  /** Macros defined anywhere in the text, registered while parsing as Velocity does. */
  macros: Map<string, MacroDefinition>;
}
