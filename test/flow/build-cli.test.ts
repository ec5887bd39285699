import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
    expect((await readdir(join(cwd, 'out/flows'))).sort()).toEqual(['Chat-Customer-Verification.yaml', 'Message-Customer-Verification.yaml']);
  });

  it('--templates overrides a bundled template by file name; a broken one is reported at its line', async () => {
    const cwd = await seedCopy();
    await writeFile(join(cwd, 'disconnect.yaml.hbs'), '- disconnect:\n    name: {{scalar name}}\n');
    await writeFile(join(cwd, 'transfer-to-acd.yaml.hbs'), '- transferToAcd:\n    name: {{scalar name}}\n    targetQueue:\n      lit:\n        name: {{scalar queueName}}\n');
    const run = await runCli(['build', '--templates', '.'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^transfer-to-acd\.yaml\.hbs:5:15 {2}error .*"queueName" is not defined.*\(template-render\)$/m);
  });

  it('never writes an integration name into callData: each org gets an Archy options file with the substitutions', async () => {
    const cwd = await seedCopy();
    await mkdir(join(cwd, 'definitions/orgs'));
    await writeFile(
      join(cwd, 'definitions/orgs/dev.yaml'),
      'region: eu-west-1\nintegrations:\n  purecloud-data-actions: Dev Data Actions\nvalues:\n  chat_queue: Support Chat\n  message_queue: "Support: Messaging"\n',
    );
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const name = 'Get-Customer-Chat-Communication.yaml';
    expect(await readFile(join(cwd, 'out/snippets', name), 'utf8')).toContain('      "{{data_action_category}}":\n');
    const orgSnippet = await readFile(join(cwd, 'out/dev/snippets', name), 'utf8');
    expect(orgSnippet).toContain('      "{{data_action_category}}":\n');
    expect(orgSnippet).toContain('(here: Dev Data Actions)');
    const flow = await readFile(join(cwd, 'out/dev/flows/Chat-Customer-Verification.yaml'), 'utf8');
    expect(flow).toMatch(/^# {3}chat_queue$/m);
    expect(flow).toMatch(/^# {3}data_action_category: the name of the purecloud-data-actions integration in the org$/m);
    expect(flow).not.toContain('Genesys Cloud Data Actions:');
    const options = parse(await readFile(join(cwd, 'out/dev/flows/Chat-Customer-Verification.options.yaml'), 'utf8')) as unknown;
    expect(options).toEqual({ location: 'mypurecloud.ie', substitutions: { chat_queue: 'Support Chat', data_action_category: 'Dev Data Actions' } });
    // Archy replaces every placeholder from the options file as text: the result must hold none and still be YAML.
    const published = Object.entries((options as { substitutions: Record<string, string> }).substitutions).reduce(
      (text, [key, value]) => text.replaceAll(`{{${key}}}`, value),
      flow,
    );
    expect(published).not.toMatch(/\{\{/);
    expect(() => parse(published)).not.toThrow();
    const messageOptions = parse(await readFile(join(cwd, 'out/dev/flows/Message-Customer-Verification.options.yaml'), 'utf8')) as { substitutions: unknown };
    expect(messageOptions.substitutions).toEqual({ data_action_category: 'Dev Data Actions', message_queue: 'Support: Messaging' });
  });

  it('building for an org that has no value for a substitution is an error at each place the flow uses it', async () => {
    const cwd = await seedCopy();
    await mkdir(join(cwd, 'definitions/orgs'));
    await writeFile(join(cwd, 'definitions/orgs/dev.yaml'), 'region: us-east-1\nvalues:\n  message_queue: Support\n');
    const run = await runCli(['build'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^definitions\/flows\/chat-customer-verification\.flow\.yaml:9:21 {2}error {2}org profile "dev" has no value for the substitution \{\{chat_queue\}\}.*\(flow-substitution-undefined\)$/m);
    expect(run.stderr).toMatch(/^definitions\/flows\/chat-customer-verification\.flow\.yaml:34:15 {2}error .*does not name its purecloud-data-actions integration.*\(flow-substitution-undefined\)$/m);
    expect(run.stderr.split('\n').filter((line) => line.includes('{{chat_queue}}'))).toHaveLength(8);
    expect(await readdir(cwd)).not.toContain('out');
  });
});
