import type { PathSegment } from '../diagnostics/index.js';
import { reportUndeclaredInput, type CompileContext } from './compile-context.js';
import { joinConditional, type JoinItem } from './conditional-join.js';
import { splitPlaceholders } from './placeholders.js';
import { inputsSetCondition, velocityLiteral } from './velocity-text.js';

const bareTypes = new Set(['integer', 'number', 'boolean']);

/**
 * A structured JSON body as a Velocity request template: string inputs go through
 * `$esc.jsonString`, numbers and booleans stay bare, and a member or element that needs an optional
 * input is left out when that input is unset.
 */
export function compileBody(body: unknown, context: CompileContext): string {
  return renderValue(body, context, ['request', 'body'], 0).text;
}

interface Rendered {
  text: string;
  optionalInputs: string[];
}

function renderValue(value: unknown, context: CompileContext, path: PathSegment[], depth: number): Rendered {
  if (typeof value === 'string') return renderString(value, context, path);
  if (Array.isArray(value)) {
    const items = value.map((element, index) => asItem(renderValue(element, context, [...path, index], depth + 1)));
    return { text: container('[', ']', items, depth), optionalInputs: [] };
  }
  if (value !== null && typeof value === 'object') {
    const items = Object.entries(value).map(([key, member]) => {
      const rendered = renderValue(member, context, [...path, key], depth + 1);
      return asItem({ ...rendered, text: `${velocityLiteral(JSON.stringify(key))}: ${rendered.text}` });
    });
    return { text: container('{', '}', items, depth), optionalInputs: [] };
  }
  return { text: JSON.stringify(value ?? null), optionalInputs: [] };
}

function renderString(value: string, context: CompileContext, path: PathSegment[]): Rendered {
  const parts = splitPlaceholders(value);
  const optionalInputs: string[] = [];
  const whole = parts.length === 1 && 'input' in parts[0]! ? parts[0] : undefined;
  let text = '';
  for (const part of parts) {
    if ('text' in part) {
      text += velocityLiteral(JSON.stringify(part.text).slice(1, -1));
      continue;
    }
    const input = context.inputs.get(part.input);
    if (!input) reportUndeclaredInput(context, part.input, path, part);
    else if (!input.required && !optionalInputs.includes(part.input)) optionalInputs.push(part.input);
    const bare = input !== undefined && bareTypes.has(input.type);
    if (whole && bare) return { text: `\${input.${part.input}}`, optionalInputs };
    text += bare ? `\${input.${part.input}}` : `$esc.jsonString(\${input.${part.input}})`;
  }
  return { text: `"${text}"`, optionalInputs };
}

function asItem(rendered: Rendered): JoinItem {
  return rendered.optionalInputs.length
    ? { text: rendered.text, guard: inputsSetCondition(rendered.optionalInputs) }
    : { text: rendered.text };
}

function container(open: string, close: string, items: JoinItem[], depth: number): string {
  if (items.length === 0) return open + close;
  const indent = '  '.repeat(depth + 1);
  const body = joinConditional(items, {
    open: '',
    separator: ',',
    indent,
    newline: '\n',
    variable: `dactlSeparator${depth}`,
  });
  return `${open}\n${body}\n${'  '.repeat(depth)}${close}`;
}
