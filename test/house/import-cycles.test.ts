import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCycles, cycles, fileGraph, folderGraph } from '../../scripts/check-cycles.mjs';
import { repoRoot } from '../support/paths.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('import cycles', () => {
  it('finds every circle, however long, and nothing in a tree', () => {
    expect(cycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(cycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cycles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('groups files by top-level folder of src/ and leaves the entry points out', () => {
    const folders = folderGraph(graph({ 'bin.ts': ['cli/program.ts'], 'cli/program.ts': ['cli/commands/build.ts'], 'cli/commands/build.ts': ['cli/io.ts', 'output/build.ts'], 'output/build.ts': [] }));
    expect(folders).toEqual(graph({ cli: ['output'], output: [] }));
  });

  it('sees type-only, re-exported and lazily imported modules', () => {
    const files = fileGraph();
    expect(files.get('index.ts')).toContain('project/model.ts');
    expect(files.get('cli/program.ts')).toContain('cli/commands/build.ts');
    expect(files.get('project/load-flows.ts')).toContain('project/model.ts');
  });

  it('src/ has none, between files or between folders', () => {
    expect(checkCycles()).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it('draws every folder of src/ below the folders it imports', () => {
    const text = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8');
    const block = /## Folders, from the base up[\s\S]*?```\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const rows = block.split('\n').filter(Boolean).map((line) => line.slice(0, 43).trim().split(/\s+/));
    const rowOf = new Map(rows.flatMap((folders, i) => folders.map((folder) => [folder, i] as const)));
    const folders = folderGraph(fileGraph());
    expect([...folders.keys()].sort()).toEqual([...rowOf.keys()].sort());
    const upward = [...folders].flatMap(([from, targets]) => [...targets].filter((to) => rowOf.get(to)! >= rowOf.get(from)!).map((to) => `${from} → ${to}`));
    expect(upward).toEqual([]);
  });
});
