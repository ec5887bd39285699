import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../src/spec/validators.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { jsonDocument } from './json-documents.js';
import { actionSpec } from './spec-arbitraries.js';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const runtime = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object);

/** A spec with one member replaced by arbitrary JSON: the kind of value a validator has to explain. */
const brokenSpec = fc.tuple(actionSpec, fc.constantFrom('name', 'request', 'inputs', 'outputs', 'tests', 'secure', 'extra'), jsonDocument).map(([spec, key, value]) => ({ ...spec, [key]: value }));

describe('precompiled validators', () => {
  it.each(['action', 'data-action-export', 'org', 'config'])('report exactly what Ajv compiled at run time reports: %s', (name) => {
    const loaded = schemaValidator(name);
    const fresh = runtime(name);
    fc.assert(
      fc.property(fc.oneof(brokenSpec, jsonDocument), (value) => {
        const verdict = loaded(value);
        expect(verdict).toBe(fresh(value));
        expect(JSON.stringify(loaded.errors ?? null)).toBe(JSON.stringify(fresh.errors ?? null));
      }),
      fuzzParameters(0.5),
    );
  }, fuzzTimeout);
});
