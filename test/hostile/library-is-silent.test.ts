import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSource } from '../../src/source/load.js';
import { checkSpecShape } from '../../src/spec/load-spec.js';

describe('the loader reports problems and never prints them', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a map used as a key is a diagnostic, not a process warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const checked = checkSpecShape(parseSource('a.action.yaml', 'name: x\n? [a]\n: 1\n', { rejectUnsafeKeys: true }), 'action');
    expect(warn).not.toHaveBeenCalled();
    expect(checked.diagnostics.map((d) => d.ruleId)).toContain('spec-unknown-key');
  });
});
