import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dactl, ensureBuilt, projectWithPreviousOut, snapshotTree } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

describe('symbolic links in definitions/', () => {
  it('folder loops are followed once, and the build still succeeds', () => {
    const root = projectWithPreviousOut();
    symlinkSync('..', join(root, 'definitions/actions/up'));
    symlinkSync('.', join(root, 'definitions/here'));
    symlinkSync('loop-b', join(root, 'definitions/loop-a'));
    symlinkSync('loop-a', join(root, 'definitions/loop-b'));
    const run = dactl(['build'], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('built 1 action');
    expect(run.code).toBe(0);
    expect(Object.keys(snapshotTree(join(root, 'out'))).filter((p) => p.startsWith('actions/'))).toEqual(['actions/Get-Conversation.custom.json']);
  });

  it('a definition that links to itself or to nowhere is a diagnostic, not a crash', () => {
    const root = projectWithPreviousOut();
    symlinkSync('self.action.yaml', join(root, 'definitions/actions/self.action.yaml'));
    symlinkSync('/nonexistent/x.yaml', join(root, 'definitions/actions/dangling.action.yaml'));
    const before = snapshotTree(join(root, 'out'));
    const run = dactl(['build'], root);
    expect(run.stderr).toMatch(/self\.action\.yaml:1:1 +error +cannot read the file: its symbolic links form a loop +\(file-unreadable\)/);
    expect(run.stderr).toMatch(/dangling\.action\.yaml:1:1 +error +cannot read the file: it does not exist +\(file-unreadable\)/);
    expect(run.code).toBe(1);
    expect(snapshotTree(join(root, 'out'))).toEqual(before);
  });
});
