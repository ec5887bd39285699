// Times a command over several runs after a warm-up: median, spread and peak resident memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'dactl-bench-'));

/**
 * Runs `node ...args` `runs` times after `warmup` runs; `before` runs untimed ahead of each run (e.g. to remove
 * out/). Returns times in ms and peak memory in MB (from GNU time, when the machine has it).
 */
export function measure(args, { cwd, runs = 5, warmup = 1, before, env, expectCodes = [0, 1] } = {}) {
  const times = [];
  let peakMb;
  let failure;
  for (let i = 0; i < warmup + runs; i++) {
    before?.();
    const memoryFile = join(scratch, 'memory');
    const command = gnuTime ? [gnuTime, ['-f', '%M', '-o', memoryFile, process.execPath, ...args]] : [process.execPath, args];
    const started = performance.now();
    const result = spawnSync(command[0], command[1], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
    const elapsed = performance.now() - started;
    if (!expectCodes.includes(result.status)) failure = `exit ${result.status}: ${(result.stderr || result.stdout).slice(0, 300)}`;
    if (i < warmup) continue;
    times.push(elapsed);
    if (gnuTime && existsSync(memoryFile)) {
      const kb = Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop());
      if (kb) peakMb = Math.max(peakMb ?? 0, kb / 1024);
      rmSync(memoryFile, { force: true });
    }
  }
  return { ...summarise(times), peakMb, failure };
}

export function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

export function cleanup() {
  rmSync(scratch, { recursive: true, force: true });
}
