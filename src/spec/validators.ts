import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const schemasDir = new URL('../../schemas/', import.meta.url);
const cache = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** A compiled validator for one of the package's schemas (`schemas/<name>.schema.json`), compiled once. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true });
    const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as object;
    validate = ajv.compile(schema);
    cache.set(name, validate);
  }
  return validate;
}
