import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/output/build-project.js';
import { minimalAction, tempProject } from '../support/temp-project.js';
import { snapshotTree, writeFiles } from './hostile-project.js';

const action = (name: string, extra = ''): string => minimalAction.replace('Get Conversation', name) + extra;

/** The same definitions built with the cache beside `root/out` and from nothing into a fresh folder. */
async function buildBothWays(root: string) {
  const cached = await buildProject({ definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') });
  const fresh = join(mkdtempSync(join(tmpdir(), 'dactl-fresh-')), 'out');
  const uncached = await buildProject({ definitionsDir: join(root, 'definitions'), outDir: fresh });
  return {
    cached: { outcome: cached.outcome === 'up-to-date' ? 'written' : cached.outcome, diagnostics: cached.diagnostics, out: cached.outcome === 'not-written' ? undefined : snapshotTree(join(root, 'out')) },
    uncached: { outcome: uncached.outcome === 'up-to-date' ? 'written' : uncached.outcome, diagnostics: uncached.diagnostics, out: uncached.outcome === 'not-written' ? undefined : snapshotTree(fresh) },
  };
}

describe('incremental build', () => {
  it('gives what a build without the cache gives, through a series of edits', async () => {
    const root = tempProject({
      'definitions/actions/a.action.yaml': action('Alpha'),
      'definitions/actions/b.action.yaml': action('Beta'),
      'definitions/actions/c.action.yaml': action('Gamma', 'description: third\n'),
      // Lint findings that stay while other files change: an unused input and a positional participant.
      'definitions/actions/f.action.yaml': action('Phi').replace('  conversationId: { type: string, required: true }', '  conversationId: { type: string, required: true }\n  unused: { type: string }').replace('$.state', '$.participants[1].id'),
    });
    const edits: Array<[string, () => void]> = [
      ['first build', () => undefined],
      ['nothing changed', () => undefined],
      ['a description (no output change)', () => writeFiles(root, { 'definitions/actions/c.action.yaml': action('Gamma', 'description: edited\n') })],
      ['an output path', () => writeFiles(root, { 'definitions/actions/a.action.yaml': action('Alpha').replace('$.state', '$.entities[0].state') })],
      ['a compile error', () => writeFiles(root, { 'definitions/actions/b.action.yaml': action('Beta').replace('$.state', '$.state[?(@.a==]') })],
      ['the error fixed', () => writeFiles(root, { 'definitions/actions/b.action.yaml': action('Beta') })],
      ['a duplicate name', () => writeFiles(root, { 'definitions/actions/d.action.yaml': action('Beta') })],
      ['a file deleted', () => unlinkSync(join(root, 'definitions/actions/d.action.yaml'))],
      ['a lint finding', () => writeFiles(root, { 'definitions/actions/a.action.yaml': action('Alpha').replace('from: $.state', 'from: $.state\n    default: 1') })],
      ['the cache deleted', () => rmSync(join(root, '.dactl-cache'), { recursive: true, force: true })],
      ['a new file', () => writeFiles(root, { 'definitions/actions/e.action.yaml': action('Epsilon') })],
    ];
    for (const [step, edit] of edits) {
      edit();
      const { cached, uncached } = await buildBothWays(root);
      expect({ step, ...cached }).toEqual({ step, ...uncached });
    }
    expect(existsSync(join(root, '.dactl-cache'))).toBe(true);
  });

  it('a corrupt cache is ignored', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': action('Alpha') });
    await buildProject({ definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') });
    writeFiles(root, { '.dactl-cache/build-default.json': '{"fingerprint": 1, "entries": {"x": null' });
    rmSync(join(root, 'out'), { recursive: true });
    const { cached, uncached } = await buildBothWays(root);
    expect(cached).toEqual(uncached);
  });

  it('a corrupt or foreign cache shard is ignored', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': action('Alpha'), 'definitions/actions/b.action.yaml': action('Beta') });
    await buildProject({ definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') });
    const shards = join(root, '.dactl-cache/build-default');
    const [first, second] = readdirSync(shards).filter((f) => f.startsWith('entries-'));
    if (first) writeFileSync(join(shards, first), '{"fingerprint": "x", "entries": {"y": null');
    if (second) writeFileSync(join(shards, second), '{"fingerprint": "other", "entries": {}}');
    writeFileSync(join(shards, 'out-manifest.txt'), '{"dir": 1\nnot\ta\tmanifest\n');
    const { cached, uncached } = await buildBothWays(root);
    expect(cached).toEqual(uncached);
  });
});

/** Dates every file under `dir` an hour back, so that the cache trusts their stamps rather than hashing them. */
function ageFiles(dir: string): Date {
  const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), past, past);
  }
  return past;
}

describe('incremental build trusting file stamps', () => {
  it('catches a definition rewritten with the same size and its modification time put back', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': action('Alpha'), 'definitions/actions/b.action.yaml': action('Beta') });
    const past = ageFiles(join(root, 'definitions'));
    // A stamp is trusted only when the file's last change (ctime too, which cannot be set back) is two seconds older.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await buildProject({ definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') });
    const file = join(root, 'definitions/actions/a.action.yaml');
    const before = readFileSync(file, 'utf8');
    const edited = before.replace('$.state', '$.stat2');
    expect(edited.length).toBe(before.length);
    writeFileSync(file, edited);
    utimesSync(file, past, past);
    expect(statSync(file).mtimeMs).toBe(past.getTime());
    const { cached, uncached } = await buildBothWays(root);
    expect(cached).toEqual(uncached);
    expect(cached.out?.['actions/Alpha.custom.json']).toContain('$.stat2');
  }, 20_000);

  it('detects and rewrites a file of out/ edited by hand after its stamp was recorded', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': action('Alpha'), 'definitions/actions/b.action.yaml': action('Beta') });
    const options = { definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') };
    await buildProject(options);
    ageFiles(join(root, 'out'));
    // Reads out/ back (the stamps changed) and records the stamps, old enough to be trusted.
    expect((await buildProject(options)).outcome).toBe('up-to-date');
    const manifest = readFileSync(join(root, '.dactl-cache/build-default/out-manifest.txt'), 'utf8');
    expect(manifest).toContain('actions/Alpha.custom.json');

    const file = join(root, 'out/actions/Alpha.custom.json');
    const written = readFileSync(file, 'utf8');
    writeFileSync(file, written.replace('Alpha', 'Alpho'));
    const check = await buildProject({ ...options, check: true });
    expect(check.outcome).toBe('stale');
    expect(check.differences).toEqual([{ path: relative(join(root, 'out'), file), kind: 'changed' }]);
    const rebuilt = await buildProject(options);
    expect(rebuilt.differences).toEqual([{ path: 'actions/Alpha.custom.json', kind: 'changed' }]);
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect((await buildProject({ ...options, check: true })).outcome).toBe('up-to-date');
  });

  it('rewrites a file of out/ deleted or added by hand after its stamp was recorded', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': action('Alpha') });
    const options = { definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') };
    await buildProject(options);
    ageFiles(join(root, 'out'));
    await buildProject(options);
    unlinkSync(join(root, 'out/actions/Alpha.custom.json'));
    writeFileSync(join(root, 'out/actions/stray.json'), '{}\n');
    const rebuilt = await buildProject(options);
    expect(rebuilt.differences).toEqual([
      { path: 'actions/Alpha.custom.json', kind: 'missing' },
      { path: 'actions/stray.json', kind: 'extra' },
    ]);
    const { cached, uncached } = await buildBothWays(root);
    expect(cached).toEqual(uncached);
  });
});
