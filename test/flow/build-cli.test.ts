import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../orgs/cli-harness.js';
import { repoRoot } from '../support/paths.js';

async function seedCopy(): Promise<string> {
  const cwd = await tempProject();
  await cp(join(repoRoot, 'definitions/actions'), join(cwd, 'definitions/actions'), { recursive: true });
  await cp(join(repoRoot, 'definitions/flows'), join(cwd, 'definitions/flows'), { recursive: true });
  return cwd;
}

describe('dactl build with flows', () => {
  it('writes a snippet per action and the seed flow, identical to the committed out/', async () => {
    const cwd = await seedCopy();
    const run = await runCli(['build'], { cwd });
    expect(run.code).toBe(0);
    expect((await readdir(join(cwd, 'out/snippets'))).sort()).toEqual((await readdir(join(repoRoot, 'out/snippets'))).sort());
    for (const dir of ['snippets', 'flows']) {
      for (const name of await readdir(join(repoRoot, 'out', dir))) {
        expect(await readFile(join(cwd, 'out', dir, name), 'utf8')).toBe(await readFile(join(repoRoot, 'out', dir, name), 'utf8'));
      }
    }
  });

  it('reports every flow problem with file:line:col and rule id, exits 1 and leaves out/ untouched', async () => {
    const cwd = await seedCopy();
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const before = await readFile(join(cwd, 'out/flows/Chat-Customer-Verification.yaml'), 'utf8');
    await writeFile(
      join(cwd, 'definitions/flows/broken.flow.yaml'),
      'name: Broken\ntype: workflow\nsteps:\n  - callAction:\n      action: Find Contacts\n  - transferToAcd: { queue: Support }\n',
    );
    const run = await runCli(['build'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('definitions/flows/broken.flow.yaml:5:15  error');
    expect(run.stderr).toContain('(flow-unknown-action)');
    expect(run.stderr).toContain('definitions/flows/broken.flow.yaml:6:5  error');
    expect(run.stderr).toContain('(flow-step-not-allowed)');
    expect(await readFile(join(cwd, 'out/flows/Chat-Customer-Verification.yaml'), 'utf8')).toBe(before);
    expect(await readdir(join(cwd, 'out/flows'))).toEqual(['Chat-Customer-Verification.yaml']);
  });

  it('--templates overrides a bundled template by file name; a broken one is reported at its line', async () => {
    const cwd = await seedCopy();
    await writeFile(join(cwd, 'disconnect.yaml.hbs'), '- disconnect:\n    name: {{scalar name}}\n');
    await writeFile(join(cwd, 'transfer-to-acd.yaml.hbs'), '- transferToAcd:\n    name: {{scalar name}}\n    targetQueue:\n      lit:\n        name: {{scalar queueName}}\n');
    const run = await runCli(['build', '--templates', '.'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^transfer-to-acd\.yaml\.hbs:5:15 {2}error .*"queueName" is not defined.*\(template-render\)$/m);
  });

  it('an unpinned category is an Archy substitution, and an org profile pins it in out/<org>/', async () => {
    const cwd = await seedCopy();
    const spec = join(cwd, 'definitions/actions/get-customer-chat-communication.action.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('category: Genesys Cloud Data Actions\n', ''));
    await mkdir(join(cwd, 'definitions/orgs'));
    await writeFile(join(cwd, 'definitions/orgs/dev.yaml'), 'region: us-east-1\nintegrations:\n  purecloud-data-actions: Dev Data Actions\n');
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const name = 'Get-Customer-Chat-Communication.yaml';
    expect(await readFile(join(cwd, 'out/snippets', name), 'utf8')).toContain('      "{{data_action_category}}":\n');
    expect(await readFile(join(cwd, 'out/dev/snippets', name), 'utf8')).toContain('      Dev Data Actions:\n');
    const flow = await readFile(join(cwd, 'out/flows/Chat-Customer-Verification.yaml'), 'utf8');
    expect(flow).toContain('"{{data_action_category}}":');
    expect(await readFile(join(cwd, 'out/dev/flows/Chat-Customer-Verification.yaml'), 'utf8')).not.toContain('{{data_action_category}}');
  });
});
