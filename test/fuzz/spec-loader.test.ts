import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specToYaml } from '../../src/decompile/spec-yaml.js';
import { parseSource } from '../../src/source/load.js';
import { checkSpecShape } from '../../src/spec/load-spec.js';
import { fuzzParameters, fuzzTimeout, prototypeKeys } from './fuzz-settings.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { actionSpec } from './spec-arbitraries.js';

/** As `dactl import` writes specs (yaml's own stringify can write " \n" as a block that reads back as "\n"). */
const asYaml = (spec: ActionSpec): string => specToYaml(spec, '../../schemas/action.schema.json');

const yamlNoise = fc.constantFrom(...'\n :-?[]{},&*!|>\'"%@`#\t\\'.split(''), '&a ', '*a', '<<: *a', '---\n', '...\n', '!!binary ', '__proto__: 1\n', '  - ', '\ufeff', '\u0000');

/** A valid spec as YAML, then edited the way hands and bad merges edit files. */
const editedYaml = fc
  .tuple(actionSpec, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), yamlNoise), { maxLength: 5 }))
  .map(([spec, edits]) => {
    let text = asYaml(spec);
    for (const [at, kind, noise] of edits) {
      const i = at % (text.length + 1);
      text = kind === 0 ? text.slice(0, i) + noise + text.slice(i) : kind === 1 ? text.slice(0, i) + text.slice(i + noise.length) : text.slice(0, i) + noise + text.slice(i + noise.length);
    }
    return text;
  });

const anyText = fc.oneof(editedYaml, fc.string({ maxLength: 200, unit: fc.oneof(yamlNoise, fc.string({ maxLength: 3 })) }));
const anyBytes = fc.uint8Array({ maxLength: 200 });

function expectDiagnosticsOnly(file: string, input: string | Uint8Array): void {
  const loaded = parseSource(file, input, { rejectUnsafeKeys: true });
  const checked = checkSpecShape(loaded, 'action');
  for (const d of checked.diagnostics) {
    expect(typeof d.ruleId).toBe('string');
    expect(['error', 'warn', 'info']).toContain(d.severity);
    if (d.range) {
      expect(d.range.start.line).toBeGreaterThanOrEqual(1);
      expect(d.range.start.column).toBeGreaterThanOrEqual(1);
    }
  }
  if (checked.spec === undefined && loaded.value !== undefined) expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

describe('YAML spec loader under edited and random input', () => {
  it('turns edited specs into diagnostics, never a throw, and leaves prototypes alone', () => {
    const before = prototypeKeys();
    fc.assert(fc.property(anyText, (text) => expectDiagnosticsOnly('fuzz.action.yaml', text)), fuzzParameters());
    expect(prototypeKeys()).toEqual(before);
  }, fuzzTimeout);

  it('turns random bytes into diagnostics, never a throw', () => {
    fc.assert(fc.property(anyBytes, (bytes) => expectDiagnosticsOnly('fuzz.action.yaml', bytes)), fuzzParameters());
  }, fuzzTimeout);

  it('accepts every generated spec as written', () => {
    fc.assert(
      fc.property(actionSpec, (spec) => {
        const checked = checkSpecShape(parseSource('ok.action.yaml', asYaml(spec), { rejectUnsafeKeys: true }), 'action');
        expect(checked.diagnostics).toEqual([]);
        expect(JSON.stringify(checked.spec)).toBe(JSON.stringify(spec));
      }),
      fuzzParameters(0.5),
    );
  }, fuzzTimeout);
});
