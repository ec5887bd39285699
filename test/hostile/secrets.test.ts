import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dactl, ensureBuilt, projectWithPreviousOut } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const secret = 'canary-client-secret-5f1e2d';
const token = 'canary-access-token-9a8b7c';
const env = {
  GENESYSCLOUD_OAUTHCLIENT_ID: 'canary-client-id',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: secret,
  GENESYSCLOUD_ACCESS_TOKEN: token,
  GENESYSCLOUD_REGION: 'nowhere.invalid',
  PROD_GENESYSCLOUD_OAUTHCLIENT_SECRET: secret,
  PROD_GENESYSCLOUD_ACCESS_TOKEN: token,
};
/** The forms a secret could leak in: as is, in a Basic header, URL-encoded. */
const leaks = [secret, token, Buffer.from(`canary-client-id:${secret}`).toString('base64'), encodeURIComponent(secret)];

function commands(root: string): string[] {
  const help = dactl(['--help'], root, env).stdout;
  return [...help.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
}

function everyFile(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

describe('secrets in the environment never appear in output or in written files', () => {
  it('for every command, with and without arguments', () => {
    const root = projectWithPreviousOut({
      'exports/action.json': readFileSync(join(__dirname, '../../out/actions/Create-External-Contact.custom.json'), 'utf8'),
    });
    const spec = 'definitions/actions/good.action.yaml';
    const argumentSets = [[], ['--help'], [spec], ['definitions'], ['exports/action.json'], ['definitions', 'definitions'], ['--org', 'prod'], ['$.a', '{"a": 1}']];
    const names = commands(root);
    expect(names).toEqual(expect.arrayContaining(['build', 'import', 'explain']));
    let output = '';
    for (const name of names) {
      for (const args of argumentSets) {
        const run = dactl([name, ...args], root, env);
        output += `${run.stdout}\n${run.stderr}\n`;
        expect(run.stderr, `dactl ${name} ${args.join(' ')}`).not.toContain('internal error');
      }
    }
    output += dactl(['--version'], root, env).stdout;
    for (const leak of leaks) {
      expect(output).not.toContain(leak);
      expect(everyFile(root)).not.toContain(leak);
    }
  }, 120_000);
});
