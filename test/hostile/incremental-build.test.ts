import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/build-project.js';
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
});
