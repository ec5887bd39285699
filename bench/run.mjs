// npm run bench [-- --no-5000] [-- --large] [-- --runs=N] [-- --engines-only] [-- --incremental-only]: generates synthetic
// definitions and copies of the real exports in ../shared, on tmpfs and on disk, times dactl against `node -e 0` and
// the floor (parse the YAML, write JSON), and writes bench/results.md. `--large` adds N = 20,000. Also times checking
// 100 Archy flows against parsing them, and a catalog of 1,000 actions and 100 flows against the floor.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArchy } from './archy.mjs';
import { generateFlows, generateProject, generateRealProject } from './generate.mjs';
import { cleanup, measure } from './measure.mjs';
import { renderReport } from './report.mjs';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const repo = join(benchDir, '..');
const tmp = join(benchDir, 'tmp');
const bin = join(repo, 'dist', 'bin.js');
const floor = join(benchDir, 'floor.mjs');
const args = new Set(process.argv.slice(2));
const sizes = args.has('--quick') ? [10, 100] : args.has('--no-5000') ? [10, 100, 1_000] : [10, 100, 1_000, 5_000];
const started = performance.now();
const log = (text) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

if (!args.has('--no-build')) {
  log('building dist/');
  spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.build.json')], { stdio: 'ignore' });
  spawnSync(process.execPath, [join(repo, 'scripts/precompile-validators.mjs')], { stdio: 'ignore' });
}
const runEngines = () => JSON.parse(execFileSync(process.execPath, [join(benchDir, 'engines.mjs')], { encoding: 'utf8' }));

if (args.has('--engines-only')) {
  // Replaces only the Engines section of results.md; the command figures stay from their last full run.
  log('engines');
  const resultsFile = join(benchDir, 'results.md');
  const rendered = renderReport({ meta: { date: '', machine: '', node: '', runsNote: '' }, rows: [], targets: [], engines: runEngines(), growth: {} });
  const section = rendered.slice(rendered.indexOf('## Engines'));
  const current = readFileSync(resultsFile, 'utf8');
  const start = current.indexOf('## Engines');
  const end = current.indexOf('\n## ', start + 1);
  writeFileSync(resultsFile, current.slice(0, start) + section + (end === -1 ? '' : current.slice(end)));
  log('wrote the Engines section of bench/results.md');
  process.exit(0);
}

if (args.has('--incremental-only')) {
  // Replaces only the rows of rebuilds with a cache (and their target); the other figures stay from their last full run.
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const rows = [];
  const targets = [];
  for (const n of sizes) {
    const root = join(tmp, `n${n}`);
    log(`generating N=${n}`);
    generateProject(root, n);
    spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'ignore' });
    const note = `incremental-only run ${date}`;
    const runs = n >= 5_000 ? 3 : 5;
    const unchanged = measure([bin, 'build'], { cwd: root, runs });
    rows.push({ name: 'dactl build, nothing changed (cache and out/ present)', n, ...unchanged, note });
    const rebuild = measure([bin, 'build'], { cwd: root, runs, before: editOne(root) });
    rows.push({ name: 'dactl build, one action changed (cache and out/ present)', n, ...rebuild, note });
    log(`N=${n}: nothing changed ${unchanged.median.toFixed(0)} ms, one action changed ${rebuild.median.toFixed(0)} ms`);
    if (n === 5_000) targets.push(incrementalTarget(rebuild));
  }
  const rendered = renderReport({ meta: { date: '', machine: '', node: '', runsNote: '' }, rows, targets, engines: { jsonpath: {}, velocity: { none: {} } }, growth: {} }).split('\n');
  const resultsFile = join(benchDir, 'results.md');
  // A row is known by its name and N, a target by its name.
  const keys = [...rows.map((r) => `| ${r.name} | ${r.n} |`), ...targets.map((t) => `| ${t.name} |`)];
  const keyOf = (line) => keys.find((key) => line.startsWith(key));
  const replacements = new Map(rendered.filter(keyOf).map((line) => [keyOf(line), line]));
  const lines = readFileSync(resultsFile, 'utf8').split('\n');
  writeFileSync(resultsFile, lines.map((line) => replacements.get(keyOf(line)) ?? line).join('\n'));
  cleanup();
  log('wrote the incremental rows of bench/results.md');
  process.exit(0);
}

const runs = Number([...args].find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const runsFor = (n) => (n >= 5_000 ? 1 : runs);
const warmupFor = (n) => (n >= 5_000 || runs === 1 ? 0 : 1);
const rows = [];
const record = (name, n, result, note) => {
  rows.push({ name, n, ...result, note });
  log(`${name}${n ? ` N=${n}` : ''}: ${result.failure ? `failed (${result.failure.slice(0, 120)})` : `${result.median.toFixed(0)} ms`}`);
  return result;
};
const cleanOut = (root) => () => {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  rmSync(join(root, '.dactl-cache'), { recursive: true, force: true });
  rmSync(join(root, 'floor-out'), { recursive: true, force: true });
};

// Side by side on a RAM disk and on the disk the repository is on: on disk, writing files dominates the floor.
const locations = [
  ...(existsSync('/dev/shm') ? [{ name: 'tmpfs', dir: join('/dev/shm', `dactl-bench-${process.pid}`) }] : []),
  { name: 'disk', dir: tmp },
];
const primary = locations[0];
const corpusDir = join(repo, '..', 'shared', 'corpus', 'real-actions');
const sets = [
  { name: 'synthetic', generate: (root, n) => (generateProject(root, n), true) },
  { name: 'real exports', generate: (root, n) => generateRealProject(root, n, { bin, corpusDir }) },
];

// Cold start.
const nodeBare = record('node -e 0', undefined, measure(['-e', '0'], { runs: 11 }));
const version = record('dactl --version', undefined, measure([bin, '--version'], { runs: 11 }));
const one = join(primary.dir, 'one');
generateProject(one, 1);
const oneBuild = record(`dactl build (${primary.name})`, 1, measure([bin, 'build'], { cwd: one, runs: Math.max(runs, 5), before: cleanOut(one) }));
const oneLint = record(`dactl lint --no-cache (${primary.name})`, 1, measure([bin, 'lint', '--no-cache'], { cwd: one, runs: Math.max(runs, 5) }));

/** Every command at `n` actions of `set` under `location`; `full` adds the rebuilds and the cached runs. */
function measureAll(location, set, n) {
  const root = join(location.dir, `${set.name.replace(/\W+/g, '-')}-${n}`);
  log(`generating ${set.name} N=${n} on ${location.name}`);
  if (!set.generate(root, n)) return undefined;
  const runs = runsFor(n);
  const warmup = warmupFor(n);
  const label = (what) => `${what} (${location.name}, ${set.name})`;
  const result = {};
  result.floor = record(label('floor'), n, measure([floor, 'definitions', 'floor-out'], { cwd: root, runs, warmup, before: cleanOut(root) }));
  result.build = record(label('dactl build, clean'), n, measure([bin, 'build'], { cwd: root, runs, warmup, before: cleanOut(root) }));
  spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'ignore' });
  result.unchanged = record(label('dactl build, nothing changed'), n, measure([bin, 'build'], { cwd: root, runs, warmup: 1 }));
  if (set.name === 'synthetic') result.rebuild = record(label('dactl build, one action changed'), n, measure([bin, 'build'], { cwd: root, runs: Math.max(runs, 3), warmup: 1, before: editOne(root) }));
  result.lint = record(label('dactl lint --no-cache'), n, measure([bin, 'lint', '--no-cache'], { cwd: root, runs, warmup }));
  result.lintCached = record(label('dactl lint, cache present'), n, measure([bin, 'lint'], { cwd: root, runs, warmup: 1 }));
  if (set.name === 'synthetic') {
    result.test = record(label('dactl test --no-cache'), n, measure([bin, 'test', '--no-cache'], { cwd: root, runs, warmup }));
    result.testCached = record(label('dactl test, cache present'), n, measure([bin, 'test'], { cwd: root, runs, warmup: 1 }));
  }
  rmSync(root, { recursive: true, force: true });
  return result;
}

const ratio = (a, b) => (a?.median === undefined || b?.median === undefined ? undefined : a.median / b.median);
const targets = [
  { name: '`dactl --version` vs `node -e 0`', measured: version.median, baseline: nodeBare.median, ratio: ratio(version, nodeBare), limit: 1.3 },
  { name: 'lint of one file vs `node -e 0`', measured: oneLint.median, baseline: nodeBare.median, ratio: ratio(oneLint, nodeBare), limit: 2.5 },
  { name: 'build of one file vs `node -e 0`', measured: oneBuild.median, baseline: nodeBare.median, ratio: ratio(oneBuild, nodeBare), limit: 2.5 },
];
const at1000 = {};
for (const location of locations) {
  for (const set of sets) {
    const r = measureAll(location, set, 1_000);
    if (!r) continue;
    at1000[`${location.name}/${set.name}`] = r;
    const where = `${location.name}, ${set.name}`;
    targets.push(
      { name: `clean build of 1,000 vs the floor (${where})`, measured: r.build.median, baseline: r.floor.median, ratio: ratio(r.build, r.floor), limit: 1.5 },
      { name: `lint of 1,000 vs the floor (${where})`, measured: r.lint.median, baseline: r.floor.median, ratio: ratio(r.lint, r.floor), limit: 1.0, limitText: '≤ 1.0 (no cache)' },
      { name: `lint of 1,000, cache present, vs the floor (${where})`, measured: r.lintCached.median, baseline: r.floor.median, ratio: ratio(r.lintCached, r.floor), limit: 1.0 },
      { name: `build of 1,000 with nothing changed vs the floor (${where})`, measured: r.unchanged.median, baseline: r.floor.median, ratio: ratio(r.unchanged, r.floor), limit: 0.2 },
    );
    if (r.test) {
      targets.push(
        { name: `test of 1,000, cache present, vs the floor (${where})`, measured: r.testCached.median, baseline: r.floor.median, ratio: ratio(r.testCached, r.floor), limit: 1.5 },
        { name: `test of 1,000 with --no-cache vs the floor (${where})`, measured: r.test.median, baseline: r.floor.median, ratio: ratio(r.test, r.floor), limit: 1.5, limitText: '≤ 1.5 (reported)' },
      );
    }
  }
}

const synthetic = sets[0];
const growth = {};
const perN = { 1_000: at1000[`${primary.name}/synthetic`] };
if (!args.has('--no-5000')) {
  const large = args.has('--large') ? [5_000, 20_000] : [5_000];
  for (const n of large) perN[n] = measureAll(primary, synthetic, n);
  const huge = perN[5_000];
  const peak = Math.max(...['build', 'lint', 'test'].map((c) => huge[c]?.peakMb ?? 0));
  targets.push({ name: 'peak memory at 5,000 (clean build, lint, test)', measured: peak, unit: 'MB', ratio: peak / 200, limit: 1, limitText: '≤ 200 MB' });
  targets.push(incrementalTarget(huge.rebuild));
  const last = large[large.length - 1];
  for (const command of ['build', 'lint', 'test']) {
    const perAction = (r, n) => (r?.median === undefined ? undefined : r.median / n);
    const small = perAction(perN[1_000]?.[command], 1_000);
    const big = perAction(perN[last]?.[command], last);
    targets.push({ name: `${command}: time per action at ${last.toLocaleString('en')} vs at 1,000 (linear growth)`, measured: perN[last]?.[command]?.median, baseline: perN[1_000]?.[command]?.median, ratio: small && big ? big / small : undefined, limit: 1.25, limitText: '≤ 1.25 (linear)' });
  }
} else {
  targets.push({ name: 'growth, peak memory and incremental rebuild at 5,000', measured: undefined, ratio: undefined, limit: 1, limitText: 'not run (`--no-5000`)' });
}
for (const command of ['build', 'lint', 'test', 'floor']) growth[command === 'floor' ? 'floor' : `dactl ${command}`] = Object.entries(perN).map(([n, r]) => ({ n: Number(n), median: r?.[command]?.median }));

function incrementalTarget(rebuild) {
  return { name: 'one action changed in 5,000, rebuilt (incremental)', measured: rebuild?.median, ratio: rebuild?.median === undefined ? undefined : rebuild.median / 300, limit: 1, limitText: '≤ 300 ms' };
}

/** Before each run, edits one definition so that its compiled export changes and nothing else does. */
function editOne(root) {
  let round = 0;
  return () => {
    const file = join(root, 'definitions', 'actions', 'bench-00000.action.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/pageSize: \d+/, `pageSize: ${30 + (round++ % 50)}`));
  };
}

log('Archy flows');
const archy = benchArchy({ bin, floor, tmp });
rows.push(...archy.rows);
targets.push(archy.target);

log('catalog');
{
  // A catalog of 1,000 actions and 100 flows calling them, from no site/ (as build rows start from no out/), beside the floor.
  const root = join(tmp, 'catalog');
  generateProject(root, 1_000);
  generateFlows(root, 100, 1_000);
  const catalogFloor = record('floor (catalog project)', 1_000, measure([floor, 'definitions', 'floor-out'], { cwd: root, runs, before: () => rmSync(join(root, 'floor-out'), { recursive: true, force: true }) }));
  const catalog = record('dactl catalog (with 100 flows), from no site/', 1_000, measure([bin, 'catalog', 'definitions', '-o', 'site'], { cwd: root, runs, before: () => rmSync(join(root, 'site'), { recursive: true, force: true }) }));
  const ratioOf = catalog.median !== undefined && catalogFloor.median !== undefined ? catalog.median / catalogFloor.median : undefined;
  targets.push({ name: 'catalog of 1,000 actions and 100 flows vs the floor', measured: catalog.median, baseline: catalogFloor.median, ratio: ratioOf, limit: 3 });
  rmSync(root, { recursive: true, force: true });
}

log('engines');
const engines = runEngines();

const meta = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`,
  node: process.versions.node,
  runsNote: `medians of 11 runs (cold start), ${Math.max(runs, 5)} (one file), ${runs} (N = 1,000), 1 (N ≥ 5,000)${runs > 1 ? ', after one warm-up below 5,000' : ''}; clean rows start from an empty out/ and no cache, tmpfs is /dev/shm, disk is bench/tmp/`,
};
const notesFile = join(benchDir, 'profile-notes.md');
const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
writeFileSync(join(benchDir, 'results.md'), renderReport({ meta, rows, targets, engines, growth }) + (notes ? `\n${notes}` : ''));
for (const location of locations) rmSync(location.dir, { recursive: true, force: true });
cleanup();
log('wrote bench/results.md');
