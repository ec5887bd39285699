export interface JoinItem {
  text: string;
  /** Velocity condition; the item is written only when it holds. */
  guard?: string;
}

export interface JoinLayout {
  /** Written before the first item that is written (e.g. `?` for a query). */
  open: string;
  separator: string;
  /** Indentation and line break around items; empty for single-line output. */
  indent: string;
  newline: string;
  /** Name of the Velocity variable holding the pending separator, unique per nesting level. */
  variable: string;
}

/**
 * Joins items of which some are conditional so that separators are right whatever is left out.
 * With an unconditional item to anchor on, items before it carry a trailing separator and items after
 * it a leading one (the usual hand-written technique); otherwise a Velocity variable holds the pending
 * separator.
 */
export function joinConditional(items: readonly JoinItem[], layout: JoinLayout): string {
  const { open, separator, indent, newline, variable } = layout;
  if (items.length === 0) return '';
  const anchor = items.findIndex((item) => item.guard === undefined);
  if (anchor < 0) {
    const lines = items.map(
      (item) => `${indent}#if(${item.guard})\${${variable}}${item.text}#set($${variable} = "${separator}")#end`,
    );
    return `#set($${variable} = "${open}")${newline}${lines.join(newline)}`;
  }
  let out = open;
  items.forEach((item, index) => {
    if (index < anchor) {
      out += `${indent}#if(${item.guard})${item.text}${separator}#end${newline}`;
    } else if (index === anchor) {
      out += `${indent}${item.text}`;
    } else if (item.guard === undefined) {
      out += `${separator}${newline}${indent}${item.text}`;
    } else {
      out += `#if(${item.guard})${separator}${newline}${indent}${item.text}#end`;
    }
  });
  return out;
}
