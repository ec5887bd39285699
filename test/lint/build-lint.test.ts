import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/output/build-project.js';
import { main } from '../../src/cli/main.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dactl-build-lint-'));
  await mkdir(join(dir, 'definitions/actions'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lintError = `name: Get interaction state
integration: purecloud-data-actions
request: { method: GET, url: "/api/v2/conversations/{id}" }
inputs: { id: { type: string, required: true } }
response:
  translationMap: { state: "$.participants[?(@.purpose=='customer')].state" }
  translationMapDefaults: { state: disconnected }
  successTemplate: '{"state": \${successTemplateUtils.firstFromArray("\${state}")}}'
`;

describe('dactl build with lint', () => {
  it('writes despite lint errors and reports them; --strict refuses', async () => {
    await writeFile(join(dir, 'definitions/actions/state.action.yaml'), lintError);
    const options = { definitionsDir: join(dir, 'definitions'), outDir: join(dir, 'out') };
    const loose = await buildProject(options);
    expect(loose.outcome).toBe('written');
    expect(loose.diagnostics.map((d) => `${d.ruleId} ${d.range?.start.line}:${d.range?.start.column}`)).toEqual(['default-not-json 7:36']);
    const strict = await buildProject({ ...options, strict: true });
    expect(strict.outcome).toBe('not-written');
  });

  it('still refuses on compile errors, reporting each problem once', async () => {
    await writeFile(join(dir, 'definitions/actions/bad.action.yaml'), lintError.replace('"/api/v2/conversations/{id}"', '"/api/v2/conversations/{conversationId}"'));
    const result = await buildProject({ definitionsDir: join(dir, 'definitions'), outDir: join(dir, 'out') });
    expect(result.outcome).toBe('not-written');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unknown-input-reference']);
  });

  it('exits 0 with lint errors, 1 with --strict', async () => {
    await writeFile(join(dir, 'definitions/actions/state.action.yaml'), lintError);
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: dir };
    expect(await main(['build'], io)).toBe(0);
    expect(await main(['build', '--strict', '-o', 'out2'], io)).toBe(1);
  });
});
