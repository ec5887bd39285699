import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const schemasDir = new URL('../../schemas/', import.meta.url);
let ajv: Ajv | undefined;

function archyAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    for (const name of ['archy-calldata', 'archy-flow']) {
      ajv.addSchema(JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as object);
    }
  }
  return ajv;
}

function validator(id: string): ValidateFunction {
  const validate = archyAjv().getSchema(id);
  if (!validate) throw new Error(`schema ${id} is not loaded`);
  return validate;
}

/** The value under one `callData:` key. */
export const validateArchyCallData: ValidateFunction = lazy('https://dactl.dev/schemas/archy-calldata.schema.json');
/** A snippet file: a list holding one `- callData:` item. */
export const validateArchyCallDataItem: ValidateFunction = lazy('https://dactl.dev/schemas/archy-flow.schema.json#/definitions/callDataSnippet');
/** A whole flow file. */
export const validateArchyFlow: ValidateFunction = lazy('https://dactl.dev/schemas/archy-flow.schema.json');

/** Compiles on first use, so importing the module costs nothing; keeps `errors` on the returned function. */
function lazy(id: string): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= validator(id);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}
