import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const bin = join(repoRoot, 'dist', 'bin.js');

/** Builds dist/ when a source is newer than it; type errors are the typecheck's business, tsc still emits. */
export function ensureBuilt(): void {
  if (existsSync(bin) && newestSource(join(repoRoot, 'src')) < statSync(bin).mtimeMs) return;
  spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], {
    stdio: 'pipe',
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
