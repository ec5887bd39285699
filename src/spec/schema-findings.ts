import type { ErrorObject, ValidateFunction } from 'ajv';
import { suggestion, type Finding, type PathSegment } from '../diagnostics/index.js';
import { schemaCheckId, schemaProblemOf, schemaProblems, type SchemaSubject } from '../diagnostics/registry.js';

/**
 * Runs an Ajv validator and turns its errors into findings a person can act on: one per location,
 * pointed at the offending key, with "did you mean" for unknown keys and enum values.
 */
export function schemaFindings(validate: ValidateFunction, value: unknown, rulePrefix: SchemaSubject = 'spec'): Finding[] {
  if (validate(value)) return [];
  const byLocation = new Map<string, Finding>();
  for (const error of validate.errors ?? []) {
    const finding = toFinding(error, rulePrefix, value);
    if (!finding) continue;
    const key = `${finding.path.join('\u0000')}|${finding.at ?? ''}`;
    const existing = byLocation.get(key);
    if (!existing || priority(finding.ruleId) > priority(existing.ruleId)) byLocation.set(key, finding);
  }
  return [...byLocation.values()];
}

/** At one location the most specific problem wins; `schemaProblems` lists them from most to least telling. */
function priority(ruleId: string): number {
  const problem = schemaProblemOf(ruleId);
  return problem ? schemaProblems.length - schemaProblems.indexOf(problem) : -1;
}

function toFinding(error: ErrorObject, prefix: SchemaSubject, root: unknown): Finding | undefined {
  const path = pointerToPath(error.instancePath);
  const where = path.length ? `"${path.join('.')}"` : 'the document';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error);
      return {
        ruleId: schemaCheckId(prefix, 'unknown-key'),
        severity: 'error',
        message: `unknown key "${key}" in ${where}${suggestion(key, allowed)}`,
        path: [...path, key],
        at: 'key',
      };
    }
    case 'required':
      return {
        ruleId: schemaCheckId(prefix, 'missing-key'),
        severity: 'error',
        message: `${where} is missing the required key "${String(params.missingProperty)}"`,
        path,
        at: path.length ? 'key' : 'value',
      };
    case 'type':
      return {
        ruleId: schemaCheckId(prefix, 'type'),
        severity: 'error',
        message: `${where} must be ${article(String(params.type))}, not ${describe(valueAt(root, path))}`,
        path,
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const actual = valueAt(root, path);
      return {
        ruleId: schemaCheckId(prefix, 'enum'),
        severity: 'error',
        message: `${where} must be one of ${allowed.join(', ')}${typeof actual === 'string' ? suggestion(actual, allowed) : ''}`,
        path,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
      return { ruleId: schemaCheckId(prefix, 'range'), severity: 'error', message: `${where} ${error.message ?? 'is out of range'}`, path };
    case 'anyOf':
    case 'oneOf':
    case 'if':
      return undefined;
    default:
      return { ruleId: schemaCheckId(prefix, 'invalid'), severity: 'error', message: `${where} ${error.message ?? 'is invalid'}`, path };
  }
}

function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}

function article(type: string): string {
  const types = type.split(',');
  return types.map((t) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`)).join(' or ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  return `${typeof value} ${String(value)}`;
}
