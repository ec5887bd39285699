import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchy, readArchy } from '../../../src/flow/archy/index.js';
import { runCli } from '../../support/cli.js';
import { corpusDir } from '../../support/paths.js';

const folders = ['real-flows', 'archy-flows'].map((folder) => join(corpusDir, folder));
const present = folders.every((folder) => existsSync(folder));
const files = present ? folders.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => join(folder, f))) : [];

if (!present) {
  if (process.env.CI === 'true') throw new Error(`the corpus is missing: ${folders.join(', ')}`);
  console.warn(`skipping the real Archy flows: ${folders.join(', ')} not found`);
}

describe.skipIf(!present)('real published Archy flows', () => {
  it('are 22 files', () => expect(files).toHaveLength(22));

  it.each(files.map((file) => [file.split('/').pop()!, file]))('%s reads and checks with no error', (_, file) => {
    const document = readArchy(file, readFileSync(file, 'utf8'));
    expect(document).toBeDefined();
    const errors = [...document!.diagnostics, ...checkArchy(document!).map((f) => document!.source.locate(f))].filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([]);
  });

  it('pass dactl lint with no error', async () => {
    const run = await runCli(['lint', '--format', 'json', ...folders]);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Array<{ ruleId: string; severity: string }> };
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });
});
