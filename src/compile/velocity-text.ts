/**
 * Literal text made safe to place in a Velocity template: a `$` or `#` that Velocity would read as a
 * reference or directive is written through the EscapeTool (`${esc.d}`, `${esc.h}`).
 */
export function velocityLiteral(text: string): string {
  return text.replace(/\$(?=[A-Za-z{!_])/g, '${esc.d}').replace(/#(?=[A-Za-z{*#@[])/g, '${esc.h}').replace(/\\(?=[$#])/g, '${esc.b}');
}

export function inputReference(name: string): string {
  return `\${input.${name}}`;
}

/** A Velocity condition true when every named input has a value. */
export function inputsSetCondition(names: readonly string[]): string {
  return names.map((name) => `"$!{input.${name}}" != ""`).join(' && ');
}

/** A Velocity single- or double-quoted string literal holding `text` verbatim (no interpolation). */
export function velocityStringLiteral(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\$/g, '${esc.d}').replace(/#/g, '${esc.h}').replace(/"/g, '${esc.quote}')}"`;
}
