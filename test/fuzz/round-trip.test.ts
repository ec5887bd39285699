import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import { decompileExport } from '../../src/decompile/decompile-export.js';
import { specToYaml } from '../../src/decompile/spec-yaml.js';
import { dataActionExport, type DataActionExport } from '../../src/export/data-action-export.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { schemaFindings } from '../../src/spec/schema-findings.js';
import { schemaValidator } from '../../src/spec/validators.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { jsonDocument } from './json-documents.js';
import { actionSpec } from './spec-arbitraries.js';

const velocityText = fc.string({ maxLength: 40, unit: fc.constantFrom(...'ab {}$#!."\'\\\n:,[]'.split(''), '${input.a}', '$esc.url(${input.b})', '#if($x)', '#end', '${esc.d}') });
const schemaType = fc.constantFrom('string', 'integer', 'number', 'boolean', 'object', 'array');
const property = fc.record({ type: schemaType, description: fc.string({ maxLength: 8 }) }, { requiredKeys: ['type'] });
const contract = fc.oneof(
  fc.record(
    {
      $schema: fc.constant('http://json-schema.org/draft-04/schema#'),
      title: fc.string({ maxLength: 8 }),
      type: fc.constant('object'),
      required: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd-e', '1x'), property, { maxKeys: 3 }),
      additionalProperties: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.dictionary(fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__'), jsonDocument, { maxKeys: 3 }),
);

/** Exports as the UI writes them: any template text, any maps, any contracts. */
const exported: fc.Arbitrary<DataActionExport> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    integrationType: fc.constantFrom('purecloud-data-actions', 'custom-rest-actions'),
    requestUrlTemplate: fc.oneof(velocityText.filter((t) => t.length > 0), fc.constant('/api/v2/users/${input.a}')),
    requestType: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
    headers: fc.dictionary(fc.stringMatching(/^[A-Za-z-]{1,8}$/), velocityText, { maxKeys: 2 }),
    requestTemplate: fc.oneof(fc.constant('${input.rawRequest}'), velocityText),
    translationMap: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,5}$/), fc.constantFrom('$.id', '$.entities[*].id', '$..x', 'nonsense['), { maxKeys: 3 }),
    translationMapDefaults: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,5}$/), fc.constantFrom('0', '""', '[]', 'null', 'x'), { maxKeys: 2 }),
    successTemplate: fc.oneof(fc.constant('${rawResult}'), velocityText),
    inputSchema: contract,
    successSchema: contract,
    secure: fc.boolean(),
  })
  .map((r) =>
    dataActionExport({
      name: r.name,
      integrationType: r.integrationType,
      request: { requestUrlTemplate: r.requestUrlTemplate, requestType: r.requestType, headers: r.headers, requestTemplate: r.requestTemplate },
      response: { translationMap: r.translationMap, translationMapDefaults: r.translationMapDefaults, successTemplate: r.successTemplate },
      inputSchema: r.inputSchema as Record<string, unknown>,
      successSchema: r.successSchema as Record<string, unknown>,
      secure: r.secure,
    }),
  );

/** The spec as the user gets it: written as YAML, read back, shape-checked. */
function throughYaml(spec: ActionSpec): ActionSpec {
  const reparsed = parse(specToYaml(spec, '../../schemas/action.schema.json')) as ActionSpec;
  expect(schemaFindings(schemaValidator('action'), reparsed)).toEqual([]);
  return reparsed;
}

describe('import and build agree', () => {
  it('an imported export compiles back to the same JSON', () => {
    fc.assert(
      fc.property(exported, (x) => {
        const spec = decompileExport(x);
        expect(JSON.stringify(compileAction(spec).artifact)).toBe(JSON.stringify(x));
        expect(JSON.stringify(compileAction(throughYaml(spec)).artifact)).toBe(JSON.stringify(x));
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout);

  it('compile, import, compile is a fixed point for generated specs', () => {
    fc.assert(
      fc.property(actionSpec, (spec) => {
        const first = compileAction(spec);
        expect(first.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const imported = throughYaml(decompileExport(first.artifact!));
        const second = compileAction(imported);
        expect(JSON.stringify(second.artifact)).toBe(JSON.stringify(first.artifact));
        expect(JSON.stringify(decompileExport(second.artifact!))).toBe(JSON.stringify(imported));
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout);
});
