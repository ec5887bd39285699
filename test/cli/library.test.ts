import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

/** Runs a module script inside the checkout, where `dactl` resolves to this package as an installed user's would. */
function runModule(source: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("import('dactl')", () => {
  it('compiles a spec, queries JSONPath and simulates an action through the package entry', () => {
    const result = runModule(`
      const { compileAction, queryJsonPath, simulateAction } = await import('dactl');
      const { artifact } = compileAction({
        name: 'Get State', integration: 'purecloud-data-actions',
        request: { method: 'GET', url: '/api/v2/conversations/{id}' },
        inputs: { id: { type: 'string', required: true } },
        outputs: { state: { type: 'string', from: '$.state' } },
      });
      const trace = simulateAction(artifact, { input: { id: 'c 1' }, response: { body: { state: 'connected' } } });
      console.log(JSON.stringify({
        url: trace.request.url,
        output: trace.output,
        query: queryJsonPath("$.participants[?(@.purpose=='customer')].id", { participants: [{ purpose: 'customer', id: 'p1' }] }),
      }));
    `);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      url: '/api/v2/conversations/c+1',
      output: { state: 'connected' },
      query: { found: true, value: ['p1'] },
    });
  });
});
