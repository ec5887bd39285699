import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '../platform-server/index.js';
import { minimalAction, tempProject } from '../support/temp-project.js';
import { dactl, dactlAsync, ensureBuilt, manyActions, snapshotTree, writeFiles } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const mounts: string[] = [];
const servers: PlatformServer[] = [];
afterEach(async () => {
  for (const mount of mounts.splice(0)) spawnSync('umount', [mount]);
  await Promise.all(servers.splice(0).map((server) => server.stop().catch(() => undefined)));
});

const actionCount = 30;
const rounds = 6;
/** Large enough that writing each file takes a while, so kills land inside writes. */
const longText = 'Long words '.repeat(20_000);

/** Files whose names the user chose: what a kill must never leave half-written. */
function userFiles(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(dir)).filter(([path]) => !path.endsWith('.dactl-tmp')));
}

interface Scenario {
  /** A fresh project in its "before" state; `folder` holds the files the command rewrites. */
  prepare(): Promise<{ root: string; folder: string; args: string[]; env?: Record<string, string> }>;
}

/** Resolves at the first change inside `folder` (a file created, written or renamed). */
function firstChange(folder: string): { changed: Promise<number>; stop: () => void } {
  let watcher: FSWatcher | undefined;
  const changed = new Promise<number>((resolve) => {
    watcher = watch(folder, () => resolve(Date.now()));
  });
  return { changed, stop: () => watcher?.close() };
}

/**
 * Runs the command once to the end (for its "after" files and how long it spends writing), then, each time in a
 * fresh project, kills it at a random instant after it starts writing, and finds every file either as it was or
 * as the command writes it.
 */
async function expectOldOrNewAfterKills(scenario: Scenario): Promise<void> {
  const reference = await scenario.prepare();
  const before = userFiles(reference.folder);
  const watching = firstChange(reference.folder);
  const complete = await dactlAsync(reference.args, reference.root, reference.env).done;
  const writing = Date.now() - (await watching.changed);
  watching.stop();
  expect(complete.signal).toBeNull();
  const after = userFiles(reference.folder);
  const rewritten = Object.keys(after).filter((path) => after[path] !== before[path]);
  expect(rewritten.length).toBeGreaterThanOrEqual(actionCount);

  for (let round = 0; round < rounds; round++) {
    const run = await scenario.prepare();
    const change = firstChange(run.folder);
    const command = dactlAsync(run.args, run.root, run.env);
    void change.changed.then(() => setTimeout(() => command.child.kill('SIGKILL'), Math.random() * writing));
    await command.done;
    change.stop();
    const found = userFiles(run.folder);
    for (const [path, content] of Object.entries(found)) {
      if (content !== before[path] && content !== after[path]) throw new Error(`${path} is neither old nor new after a kill (${content.length} characters)`);
    }
    for (const path of Object.keys(before)) expect(found[path], `${path} disappeared`).toBeDefined();
  }
}

/** `count` exports (built from specs), each with a hand-written spec of the same name that import replaces. */
function exportsAndSpecs(count: number): { exports: Record<string, string>; specs: Record<string, string> } {
  const actions = Object.entries(manyActions(count)).map(([path, text]) => [path, text.replace('type: string\n    default', `type: string\n    description: ${longText}\n    default`)]);
  const source = tempProject(Object.fromEntries(actions));
  expect(dactl(['build'], source).code).toBe(0);
  const exports = snapshotTree(join(source, 'out/actions'));
  const imported = tempProject();
  writeFiles(imported, Object.fromEntries(Object.entries(exports).map(([name, text]) => [`exports/${name}`, text])));
  expect(dactl(['import', 'exports', '-o', 'specs'], imported).code).toBe(0);
  const specs = Object.fromEntries(Object.entries(snapshotTree(join(imported, 'specs'))).map(([name, text]) => [name, `# hand-written\n${text}`]));
  return { exports, specs };
}

describe('a write killed at any instant leaves each file old or new, never partial', () => {
  it('import --force', async () => {
    const { exports, specs } = exportsAndSpecs(actionCount);
    await expectOldOrNewAfterKills({
      prepare: async () => {
        const root = tempProject();
        writeFiles(root, Object.fromEntries(Object.entries(exports).map(([name, text]) => [`exports/${name}`, text])));
        writeFiles(root, Object.fromEntries(Object.entries(specs).map(([name, text]) => [`specs/${name}`, text])));
        return { root, folder: join(root, 'specs'), args: ['import', '--force', 'exports', '-o', 'specs'] };
      },
    });
  }, 180_000);

  it('lint --fix', async () => {
    const { exports } = exportsAndSpecs(actionCount);
    const unfixed = Object.fromEntries(Object.entries(exports).map(([name, text]) => [`exports/${name}`, text.replace(/\$esc\.url\((\$\{input\.[^}]+\})\)/g, '$1')]));
    await expectOldOrNewAfterKills({
      prepare: async () => {
        const root = tempProject(unfixed);
        return { root, folder: join(root, 'exports'), args: ['lint', '--fix', 'exports'] };
      },
    });
  }, 180_000);

  it('pull --force', async () => {
    const { exports } = exportsAndSpecs(actionCount);
    const actions = Object.values(exports).map((text) => {
      const action = JSON.parse(text) as { name: string; config: never; contract: never };
      return { name: action.name, integrationId: 'int-gc', category: 'Genesys Cloud Data Actions', config: action.config, contract: action.contract };
    });
    const server = await startPlatformServer({
      clientId: 'client',
      clientSecret: 'secret',
      seed: { integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }], actions },
    });
    servers.push(server);
    const env = { TEST_GENESYSCLOUD_OAUTHCLIENT_ID: 'client', TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret' };
    const profile = `apiBaseUrl: ${server.url}\nloginBaseUrl: ${server.loginUrl}\nintegrations:\n  purecloud-data-actions: Genesys Cloud Data Actions\n`;
    const first = tempProject({ 'definitions/orgs/test.yaml': profile });
    expect((await dactlAsync(['pull', '--org', 'test'], first, env).done).code).toBe(0);
    const specs = Object.fromEntries(Object.entries(snapshotTree(join(first, 'definitions/actions'))).map(([name, text]) => [name, text.replace('$.', '$..')]));
    await expectOldOrNewAfterKills({
      prepare: async () => {
        const root = tempProject({ 'definitions/orgs/test.yaml': profile });
        writeFiles(root, Object.fromEntries(Object.entries(specs).map(([name, text]) => [`definitions/actions/${name}`, text])));
        return { root, folder: join(root, 'definitions/actions'), args: ['pull', '--org', 'test', '--force'], env };
      },
    });
  }, 180_000);
});

/** A tmpfs of `size` at `dir`, filled to the last byte, when this machine lets us mount (root in a container). */
function fullDisk(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return false;
  mounts.push(dir);
  return true;
}

function fill(dir: string): void {
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(4096));
    } catch {
      return;
    }
  }
}

describe('a full disk leaves the file being replaced whole, with one line saying so', () => {
  it('import --force and lint --fix', (context) => {
    const root = tempProject();
    if (!fullDisk(join(root, 'small'), '256k')) return context.skip();
    // Larger than the file it replaces: writing over it in place would truncate it, then run out of room.
    const source = tempProject({ 'definitions/actions/a.action.yaml': minimalAction.replace('type: string\n    from', `type: string\n    description: ${'Long words '.repeat(900)}\n    from`) });
    expect(dactl(['build'], source).code).toBe(0);
    const exported = readFileSync(join(source, 'out/actions/Get-Conversation.custom.json'), 'utf8');
    // Its fix adds ten bytes, which crosses into one more page than the disk has.
    const unfixedText = exported.replace('$esc.url(${input.conversationId})', '${input.conversationId}').trimEnd();
    const padded = `${unfixedText}${' '.repeat((4090 - (Buffer.byteLength(unfixedText) % 4096) + 4096) % 4096)}\n`;
    writeFiles(root, { 'export.json': exported, 'small/specs/Get-Conversation.action.yaml': minimalAction, 'small/unfixed.json': padded });
    fill(join(root, 'small'));
    const spec = readFileSync(join(root, 'small/specs/Get-Conversation.action.yaml'), 'utf8');

    const imported = dactl(['import', '--force', 'export.json', '-o', 'small/specs'], root);
    expect(imported.stderr).toMatch(/^dactl: cannot write \S+small\/specs\/Get-Conversation\.action\.yaml: the disk is full \(ENOSPC\); free some space and run again; \S+ was left as it was\n$/);
    expect(imported.code).toBe(2);
    expect(readFileSync(join(root, 'small/specs/Get-Conversation.action.yaml'), 'utf8')).toBe(spec);

    const unfixed = readFileSync(join(root, 'small/unfixed.json'), 'utf8');
    const fixed = dactl(['lint', '--fix', 'small/unfixed.json'], root);
    expect(fixed.stderr).toMatch(/^dactl: cannot write \S+small\/unfixed\.json: the disk is full \(ENOSPC\); free some space and run again; \S+ was left as it was\n$/);
    expect(fixed.code).toBe(2);
    expect(readFileSync(join(root, 'small/unfixed.json'), 'utf8')).toBe(unfixed);
    expect(readdirSync(join(root, 'small')).filter((name) => name.endsWith('.dactl-tmp'))).toEqual([]);
  });
});
