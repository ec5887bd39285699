import type { ValidateFunction } from 'ajv';
import { schemaValidator } from '../spec/validators.js';

/** The value under one `callData:` key. */
export const validateArchyCallData: ValidateFunction = lazy('archy-calldata');
/** A snippet file: a list holding one `- callData:` item. */
export const validateArchyCallDataItem: ValidateFunction = lazy('archy-snippet');
/** A whole flow file. */
export const validateArchyFlow: ValidateFunction = lazy('archy-flow');

/** Loads on first use, so importing the module costs nothing; keeps `errors` on the returned function. */
function lazy(name: string): ValidateFunction {
  const validate = ((data: unknown) => {
    const loaded = schemaValidator(name);
    const valid = loaded(data);
    validate.errors = loaded.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}
