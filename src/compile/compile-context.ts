import type { Finding, PathSegment } from '../diagnostics/index.js';

export interface InputInfo {
  type: string;
  required: boolean;
}

/** What the request compilers need to know about the declared inputs, and where they report. */
export interface CompileContext {
  inputs: ReadonlyMap<string, InputInfo>;
  findings: Finding[];
}

export function reportUndeclaredInput(
  context: CompileContext,
  name: string,
  path: PathSegment[],
  span: { offset: number; length: number },
): void {
  const declared = [...context.inputs.keys()];
  const close = declared.find((d) => d.toLowerCase() === name.toLowerCase());
  context.findings.push({
    ruleId: 'unknown-input-reference',
    severity: 'error',
    message: `{${name}} refers to an input that is not declared${close ? `; did you mean "${close}"? (names are case-sensitive)` : `; declare it under inputs`}`,
    path,
    span,
  });
}
