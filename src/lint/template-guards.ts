/** A stretch of template text that runs only when the named inputs are set (an `#if` branch on them). */
export interface GuardedRegion {
  start: number;
  end: number;
  inputs: ReadonlySet<string>;
}

const directive = /#\{?(if|elseif|else|end|foreach|macro|define)\b\}?/g;
const inputName = /input\.([A-Za-z][A-Za-z0-9_-]*)/g;

/** Finds `#if(... input.x ...)` branches, so a formal `${input.x}` inside one is known to be guarded. */
export function guardedRegions(template: string): GuardedRegion[] {
  const regions: GuardedRegion[] = [];
  const stack: Array<{ guard?: { start: number; inputs: Set<string> }; unsetInputs?: Set<string> }> = [];
  const close = (frame: (typeof stack)[number] | undefined, end: number): void => {
    if (frame?.guard) regions.push({ start: frame.guard.start, end, inputs: frame.guard.inputs });
    if (frame) delete frame.guard;
  };
  directive.lastIndex = 0;
  for (let match = directive.exec(template); match; match = directive.exec(template)) {
    const kind = match[1];
    const after = match.index + match[0].length;
    if (kind === 'if' || kind === 'elseif') {
      const conditionEnd = closingParen(template, after);
      const inputs = new Set([...template.slice(after, conditionEnd).matchAll(inputName)].map((m) => m[1] as string));
      if (kind === 'if') stack.push({});
      else close(stack[stack.length - 1], match.index);
      const frame = stack[stack.length - 1];
      if (frame && inputs.size) {
        // `#if("$!{input.x}" == "")` runs when x is unset: its #else branch is the guarded one.
        if (testsUnset(template.slice(after, conditionEnd))) frame.unsetInputs = inputs;
        else frame.guard = { start: conditionEnd, inputs };
      }
      directive.lastIndex = Math.max(after, conditionEnd);
    } else if (kind === 'else') {
      const frame = stack[stack.length - 1];
      close(frame, match.index);
      if (frame?.unsetInputs) frame.guard = { start: after, inputs: frame.unsetInputs };
    } else if (kind === 'end') {
      close(stack.pop(), match.index);
    } else {
      stack.push({});
    }
  }
  for (const frame of stack) close(frame, template.length);
  return regions;
}

export function isGuarded(regions: readonly GuardedRegion[], offset: number, input: string): boolean {
  return regions.some((r) => r.start <= offset && offset < r.end && r.inputs.has(input));
}

function testsUnset(condition: string): boolean {
  return /==\s*(?:""|'')|(?:""|'')\s*==|^\s*\(\s*!/.test(condition);
}

function closingParen(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  if (text[i] !== '(') return from;
  let depth = 0;
  let quote: string | undefined;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}
