import type { Finding, PathSegment } from '../diagnostics/index.js';
import { compileJsonPath, JsonPathSyntaxError } from '../jsonpath/index.js';
import type { OutputSpec } from '../spec/action-spec.js';
import { velocityStringLiteral } from './velocity-text.js';

export interface CompiledResponse {
  translationMap: Record<string, string>;
  translationMapDefaults: Record<string, string>;
  /** Undefined when some output has no `from` (a raw success template must say how to fill it). */
  successTemplate: string | undefined;
}

const scalarTypes = new Set(['string', 'integer', 'number', 'boolean']);
const velocityIdentifier = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Outputs become the translation map (one variable per `from`), JSON-literal defaults, and a success
 * template that never quotes a translation value and takes the first element of an indefinite path
 * that feeds a scalar or object.
 */
export function compileResponse(outputs: Record<string, OutputSpec>, findings: Finding[]): CompiledResponse {
  const result: CompiledResponse = { translationMap: {}, translationMapDefaults: {}, successTemplate: undefined };
  const used = new Map<string, number>(['rawResult', 'input', 'esc', 'math', 'successTemplateUtils', 'urlTool', 'encoding'].map((name) => [name, 2]));
  let complete = true;

  const render = (members: Record<string, OutputSpec>, path: PathSegment[], prefix: string, depth: number): string => {
    const indent = '  '.repeat(depth + 1);
    const lines = Object.entries(members).map(([name, output]) => {
      const outputPath = [...path, name];
      const value = output.from !== undefined
        ? translationValue(name, output, outputPath, prefix)
        : output.type === 'object' && output.properties
          ? render(output.properties, [...outputPath, 'properties'], `${prefix}${name}_`, depth + 1)
          : missingFrom();
      return `${indent}${JSON.stringify(name)}: ${value}`;
    });
    return lines.length ? `{\n${lines.join(',\n')}\n${'  '.repeat(depth)}}` : '{}';
  };

  const missingFrom = (): string => {
    complete = false;
    return 'null';
  };

  const translationValue = (name: string, output: OutputSpec, path: PathSegment[], prefix: string): string => {
    const key = uniqueKey(`${prefix}${name}`, used);
    const from = output.from as string;
    result.translationMap[key] = from;
    const definite = pathIsDefinite(from, [...path, 'from'], findings);
    checkDefault(output, path, findings);
    const firstElement = !definite && output.type !== 'array';
    if (output.default !== undefined) {
      result.translationMapDefaults[key] = firstElement ? '[]' : JSON.stringify(output.default);
    }
    if (!firstElement) return `\${${key}}`;
    const fallback = velocityStringLiteral(JSON.stringify(output.default ?? null));
    return `\${successTemplateUtils.firstFromArray("\${${key}}", ${fallback})}`;
  };

  const template = render(outputs, ['outputs'], '', 0);
  if (complete) result.successTemplate = template;
  return result;
}

function pathIsDefinite(from: string, path: PathSegment[], findings: Finding[]): boolean {
  try {
    return compileJsonPath(from).definite;
  } catch (error) {
    if (!(error instanceof JsonPathSyntaxError)) throw error;
    findings.push({
      ruleId: 'jsonpath-syntax',
      severity: 'error',
      message: `invalid JSONPath: ${error.message}`,
      path,
      span: { offset: error.offset, length: Math.max(1, error.length) },
    });
    return true;
  }
}

function checkDefault(output: OutputSpec, path: PathSegment[], findings: Finding[]): void {
  if (output.default === undefined || output.default === null) return;
  const actual = Array.isArray(output.default) ? 'array' : typeof output.default;
  const fits =
    output.type === 'integer'
      ? Number.isInteger(output.default)
      : output.type === 'object'
        ? actual === 'object'
        : actual === output.type;
  if (!fits) {
    findings.push({
      ruleId: 'default-type-mismatch',
      severity: 'error',
      message: `the default ${JSON.stringify(output.default)} is not ${output.type === 'integer' || output.type === 'object' || output.type === 'array' ? 'an' : 'a'} ${output.type}, the type of this output`,
      path: [...path, 'default'],
    });
  }
}

/** `used` maps each key to the next suffix to try for it as a base, so many colliding names stay linear. */
function uniqueKey(wanted: string, used: Map<string, number>): string {
  let base = wanted.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!velocityIdentifier.test(base)) base = `v${base}`;
  let key = base;
  let n = used.get(base) ?? 2;
  while (used.has(key)) key = `${base}${n++}`;
  if (key !== base) used.set(base, n);
  used.set(key, 2);
  return key;
}

export function isScalarType(type: string): boolean {
  return scalarTypes.has(type);
}
