import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Contracts are draft-04 JSON Schema; Ajv 8 speaks draft-07. The keywords data actions use mean the
 * same in both, except draft-04's boolean `exclusiveMinimum`/`exclusiveMaximum` (rewritten here) and
 * `id` (ignored). `$schema` is dropped so Ajv does not refuse the draft-04 URI. Formats are not checked.
 */
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false, verbose: true });
const bySchema = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();
const TEXT_CACHE_LIMIT = 500;

/** Compiled once per schema object, and once per distinct schema text (specs reloaded in watch loops). */
export function contractValidator(schema: object): ValidateFunction {
  let validate = bySchema.get(schema);
  if (validate) return validate;
  const text = JSON.stringify(schema);
  validate = byText.get(text);
  if (!validate) {
    validate = ajv.compile(asDraft07(schema) as object);
    if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
    byText.set(text, validate);
  }
  bySchema.set(schema, validate);
  return validate;
}

function asDraft07(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asDraft07);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema' || key === 'id') continue;
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') continue;
    copy[key] = key === 'enum' || key === 'const' || key === 'default' ? value : asDraft07(value);
  }
  if (source.exclusiveMinimum === true && typeof source.minimum === 'number') {
    copy.exclusiveMinimum = source.minimum;
    delete copy.minimum;
  }
  if (source.exclusiveMaximum === true && typeof source.maximum === 'number') {
    copy.exclusiveMaximum = source.maximum;
    delete copy.maximum;
  }
  return copy;
}

/** Problems of `value` against the contract, one sentence each, or none. */
export function contractProblems(schema: object, value: unknown, contract: 'input' | 'output'): string[] {
  const validate = contractValidator(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const error of validate.errors ?? []) {
    const text = describe(error, contract);
    if (!seen.has(text)) {
      seen.add(text);
      problems.push(text);
    }
  }
  return problems;
}

function describe(error: ErrorObject, contract: 'input' | 'output'): string {
  const where = pointerName(error.instancePath);
  const subject = where ? `\`${where}\`` : `the ${contract}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const name = where ? `${where}.${missing}` : missing;
      return `\`${name}\` is missing, but the ${contract} contract requires it`;
    }
    case 'type':
      return `${subject} is ${kindOf(error.data)}, but the ${contract} contract says ${String(params.type)}`;
    case 'enum':
      return `${subject} is ${preview(error.data)}, not one of ${(params.allowedValues as unknown[]).map((v) => preview(v)).join(', ')}`;
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return `\`${where ? `${where}.${extra}` : extra}\` is not in the ${contract} contract, which allows no other properties`;
    }
    case 'pattern':
      return `${subject} is ${preview(error.data)}, which does not match the pattern ${String(params.pattern)}`;
    default:
      return `${subject} ${error.message ?? 'does not match the contract'} (${contract} contract, ${error.keyword})`;
  }
}

/** `/items/0/id` → `items[0].id`. */
function pointerName(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${preview(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

export function preview(value: unknown, limit = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
