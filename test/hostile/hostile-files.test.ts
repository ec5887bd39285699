import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dactl, ensureBuilt, projectWithPreviousOut, snapshotTree } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

const cases: Array<[string, () => string | Uint8Array, string]> = [
  ['a YAML alias bomb', aliasBomb, 'yaml-alias-bomb'],
  ['10,000-deep flow nesting', () => `name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'yaml-too-deep'],
  ['10,000-deep block sequences', () => `name: x\ntests:\n${'- '.repeat(10_000)}1\n`, 'yaml-too-deep'],
  ['10,000-deep JSON in a spec', () => `{"name": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, 'yaml-too-deep'],
  ['a 50 MB file', () => `name: x\ndescription: ${'a'.repeat(50 * 1024 * 1024)}\n`, 'file-too-large'],
  ['a binary file', () => Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), randomBytes(4096)]), 'file-encoding'],
];

describe('hostile definition files are refused with a diagnostic; out/ is kept', () => {
  it.each(cases)('%s', (_, content, ruleId) => {
    const root = projectWithPreviousOut({ 'definitions/actions/hostile.action.yaml': content() });
    const before = snapshotTree(join(root, 'out'));
    const run = dactl(['build'], root);
    expect(run.stderr).toMatch(new RegExp(`hostile\\.action\\.yaml:\\d+:\\d+ +error .*\\(${ruleId}\\)`));
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain('out/ was not changed');
    expect(run.code).toBe(1);
    expect(snapshotTree(join(root, 'out'))).toEqual(before);
  });
});

describe('hostile export files are refused by import with a diagnostic', () => {
  it.each([
    ['10,000-deep JSON', () => `{"name": "x", "deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'yaml-too-deep'],
    ['a 50 MB export', () => `{"name": "${'a'.repeat(50 * 1024 * 1024)}"}`, 'file-too-large'],
    ['a binary export', () => randomBytes(4096).fill(0xff, 0, 1), 'file-encoding'],
  ] as const)('%s', (_, content, ruleId) => {
    const root = projectWithPreviousOut({ 'exports/hostile.json': content() });
    const run = dactl(['import', 'exports/hostile.json', '-o', 'imported'], root);
    expect(run.stderr).toMatch(new RegExp(`hostile\\.json:\\d+:\\d+ +error .*\\(${ruleId}\\)`));
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(1);
    expect(snapshotTree(join(root, 'imported'))).toEqual({});
  });
});
