import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '../platform-server/index.js';
import { tempProject } from '../support/temp-project.js';
import { dactl, dactlAsync, ensureBuilt, snapshotTree, type BinRun } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const servers: PlatformServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop().catch(() => undefined)));
});

/** What a lookup that fell through to Object.prototype prints. */
const leaked = /\[native code\]|function \w*\(|\[object Object\]|internal error/;

function expectNoLeak(run: BinRun | string, what: string): void {
  const text = typeof run === 'string' ? run : run.stdout + run.stderr;
  expect(text, what).not.toMatch(leaked);
}

/**
 * Inputs, outputs and org values named after Object.prototype's members. `constructor` and `__proto__` are refused
 * as keys of a definition; as org values, profiles and rules they are names like any other.
 */
const spec = `name: Proto Names
integration: purecloud-data-actions
request:
  method: GET
  url: /api/v2/users/{toString}?a={hasOwnProperty}&b={valueOf}&c=%{org.toString|t}&d=%{org.constructor|c}&e=%{org.valueOf|v}&f=%{org.hasOwnProperty|h}
inputs:
  toString: { type: string, required: true }
  hasOwnProperty: { type: string, required: true }
  valueOf: { type: string, required: true }
outputs:
  hasOwnProperty:
    type: string
    from: $.a
    default: none
  valueOf:
    type: string
    from: $.b
    default: none
tests:
  - name: outputs named after Object.prototype
    input: { toString: x, hasOwnProperty: y, valueOf: z }
    response: { a: "1", b: "2" }
    expect:
      request: { url: /api/v2/users/x?a=y&b=z&c=t&d=c&e=v&f=h }
      output: { hasOwnProperty: "1", valueOf: "2" }
  - name: a missing value falls back to its default, not to a function
    input: { toString: x, hasOwnProperty: y, valueOf: z }
    response: {}
    expect:
      output: { hasOwnProperty: none, valueOf: none }
`;

describe('names taken from Object.prototype are names like any other', () => {
  it('build, build --org, lint, test, run, explain, diff, import and query', () => {
    const root = tempProject({
      'definitions/actions/proto.action.yaml': spec,
      'definitions/orgs/constructor.yaml': 'values: {}\nintegrations: {}\n',
      'definitions/orgs/valueOf.yaml': 'values:\n  toString: T\n',
      'response.json': '{"a": "1"}',
      'empty.json': '{}',
    });
    const build = dactl(['build'], root);
    expectNoLeak(build, 'build');
    expect(build.code).toBe(0);
    const url = (org: string) => (JSON.parse(readFileSync(join(root, 'out', org, 'actions/Proto-Names.custom.json'), 'utf8')) as { config: { request: { requestUrlTemplate: string } } }).config.request.requestUrlTemplate;
    expect(url('')).toMatch(/&c=t&d=c&e=v&f=h$/);
    expect(url('constructor')).toMatch(/&c=t&d=c&e=v&f=h$/);
    expect(url('valueOf')).toMatch(/&c=T&d=c&e=v&f=h$/);
    for (const file of Object.values(snapshotTree(join(root, 'out')))) expectNoLeak(file, 'out/');

    const missingProfile = dactl(['build', '--org', 'toString'], root);
    expect(missingProfile.stderr).toMatch(/^dactl: unknown org profile "toString"/);
    expect(missingProfile.code).toBe(2);
    for (const org of ['constructor', '__proto__', 'hasOwnProperty']) expectNoLeak(dactl(['build', '--org', org], root), `build --org ${org}`);

    const lint = dactl(['lint'], root);
    expectNoLeak(lint, 'lint');
    expect(lint.code).toBe(0);
    const test = dactl(['test'], root);
    expectNoLeak(test, 'test');
    expect(test.stdout).toContain('2 passed, 0 failed');
    expect(test.code).toBe(0);
    const run = dactl(['run', 'definitions/actions/proto.action.yaml', '--response', 'response.json', '-i', 'toString=x', '-i', 'hasOwnProperty=y', '-i', 'valueOf=z'], root);
    expectNoLeak(run, 'run');
    expect(run.code).toBe(0);
    const explain = dactl(['explain', 'definitions/actions/proto.action.yaml'], root);
    expectNoLeak(explain, 'explain');
    expect(explain.stdout).toContain('default "none"');
    const diff = dactl(['diff', 'definitions', 'out'], root);
    expectNoLeak(diff, 'diff');
    expect(diff.code).toBe(0);
    const imported = dactl(['import', 'out/actions', '-o', 'imported'], root);
    expectNoLeak(imported, 'import');
    expect(imported.code).toBe(0);
    expectNoLeak(readFileSync(join(root, 'imported/Proto-Names.action.yaml'), 'utf8'), 'imported spec');
    for (const path of ['$.toString', '$.constructor', '$.__proto__', "$['hasOwnProperty']", '$.valueOf']) {
      const query = dactl(['query', path, 'empty.json'], root);
      expect(query.stderr).toContain('not found');
      expect(query.code).toBe(1);
    }
  });

  it('lint rules and their settings named after Object.prototype are unknown rules', () => {
    const root = tempProject({ 'definitions/actions/proto.action.yaml': spec, '.dactl.yaml': 'rules:\n  toString: off\n  constructor: error\n  __proto__: warn\n' });
    const lint = dactl(['lint'], root);
    expectNoLeak(lint, 'lint');
    expect(lint.stdout + lint.stderr).toMatch(/there is no rule "toString"/);
    expect(lint.stdout + lint.stderr).toMatch(/there is no rule "constructor"/);
    expect(lint.code).toBe(2);
  });

  it('pull: an org whose actions, inputs and categories are named after Object.prototype', async () => {
    const exported = tempProject({ 'definitions/actions/proto.action.yaml': spec });
    expect(dactl(['build'], exported).code).toBe(0);
    const action = JSON.parse(readFileSync(join(exported, 'out/actions/Proto-Names.custom.json'), 'utf8')) as { config: never; contract: never };
    const server = await startPlatformServer({
      clientId: 'client',
      clientSecret: 'secret',
      seed: {
        integrations: [{ id: 'int-gc', name: 'toString', typeId: 'purecloud-data-actions' }],
        actions: ['toString', 'constructor', '__proto__'].map((name) => ({ name, integrationId: 'int-gc', category: 'valueOf', config: action.config, contract: action.contract })),
      },
    });
    servers.push(server);
    const root = tempProject({ 'definitions/orgs/test.yaml': `apiBaseUrl: ${server.url}\nloginBaseUrl: ${server.loginUrl}\nvalues: {}\n` });
    const env = { TEST_GENESYSCLOUD_OAUTHCLIENT_ID: 'client', TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret' };
    const pull = await dactlAsync(['pull', '--org', 'test'], root, env).done;
    expectNoLeak(pull, 'pull');
    expect(pull.code).toBe(0);
    const specs = snapshotTree(join(root, 'definitions/actions'));
    expect(Object.keys(specs)).toHaveLength(3);
    for (const text of Object.values(specs)) expectNoLeak(text, 'pulled spec');
  });
});
