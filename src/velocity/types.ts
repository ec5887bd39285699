/** Values a data-action template can see. */
export interface TemplateContext {
  /** Input-contract values; `rawRequest` is derived as compact JSON of these unless given. */
  input?: Record<string, unknown>;
  /** Translation-map results as JSON text (success template): `${key}` prints the text as is. */
  translations?: Record<string, string>;
  /** The raw response body (`${rawResult}`). */
  rawResult?: string;
  /** More context variables as plain JSON: a number with a fraction is a Java Double, null is unset. */
  variables?: Record<string, unknown>;
  credentials?: Record<string, string>;
}

export interface RenderOptions {
  /** Velocity strict references, as Genesys runs success templates: an unknown reference is an error. */
  strict?: boolean;
  /** Template name used in strict-mode messages (`... at successTemplate[line 1, column 3]`). */
  templateName?: string;
  /** Upper bound on `#foreach` iterations, range sizes and macro calls in one render. */
  maxIterations?: number;
  maxOutputLength?: number;
}

export type RenderErrorKind = 'syntax' | 'unset-variable' | 'runtime' | 'limit';

export interface TemplatePosition {
  /** 0-based offset into the template string. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface RenderError extends TemplatePosition {
  message: string;
  kind: RenderErrorKind;
}

export type RenderResult = { ok: true; output: string } | { ok: false; error: RenderError };

/**
 * One `$name...` reference found in a template, for lint rules.
 *
 * - `name` is the dotted path up to the first method call or index (`input.conversationId`,
 *   `esc.jsonString`, `successTemplateUtils.firstFromArray`, `commid`); `root` its first segment.
 * - `offset`/`length` cover the whole reference source (`$!{input.x}`, `$esc.url("...")`).
 * - `enclosingCalls` lists the method calls whose arguments contain this reference, innermost first,
 *   by the callee's `name` (`['esc.jsonString']` for `$esc.jsonString(${input.x})`); a reference
 *   inside a string literal argument counts as an argument (`$esc.url("a ${input.x}")`).
 * - `inStringLiteral` is true when the reference sits inside a VTL string literal (`"${x}"`).
 * - `inJsonString` is true when the reference appears in template text inside a JSON string literal,
 *   judged by counting unescaped `"` in the surrounding template text of its line-independent context
 *   (text outside directives, references and comments). `"${x}"` in a success template and
 *   `"text": "${input.msg}"` in a body are both `inJsonString`.
 * - `call` is set when the reference itself ends in a method call: the method name and its argument
 *   count (`{ method: 'firstFromArray', argumentCount: 2 }`).
 * - `context` says where the reference stands: printed as text, inside a directive (`#if`, `#set`,
 *   `#foreach`, macro call) or as an argument of another reference's call.
 */
export interface TemplateReference {
  name: string;
  root: string;
  silent: boolean;
  formal: boolean;
  offset: number;
  length: number;
  line: number;
  column: number;
  enclosingCalls: string[];
  inStringLiteral: boolean;
  inJsonString: boolean;
  call?: { method: string; argumentCount: number };
  context: 'text' | 'directive' | 'argument';
}

export type TemplateReferencesResult = TemplateReference[] | { error: { message: string } & TemplatePosition };
