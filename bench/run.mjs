// npm run bench [-- --no-5000] [-- --quick] [-- --engines-only] [-- --incremental-only] [-- --archy-only] [-- --catalog-only]: generates synthetic definitions into bench/tmp/, times dactl
// against `node -e 0` and the floor (parse the YAML, write JSON), and writes bench/results.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArchy } from './archy.mjs';
import { generateFlows, generateProject } from './generate.mjs';
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
  replaceRows(rows, targets);
  cleanup();
  log('wrote the incremental rows of bench/results.md');
  process.exit(0);
}

/** Replaces the given rows and targets in results.md, known by name and N (a target by name); the rest stays. */
function replaceRows(rows, targets) {
  const rendered = renderReport({ meta: { date: '', machine: '', node: '', runsNote: '' }, rows, targets, engines: { jsonpath: {}, velocity: { none: {} } }, growth: {} }).split('\n');
  const resultsFile = join(benchDir, 'results.md');
  const keys = [...rows.map((r) => `| ${r.name} | ${r.n} |`), ...targets.map((t) => `| ${t.name} |`)];
  const keyOf = (line) => keys.find((key) => line.startsWith(key));
  const replacements = new Map(rendered.filter(keyOf).map((line) => [keyOf(line), line]));
  const lines = readFileSync(resultsFile, 'utf8').split('\n');
  const updated = lines.map((line) => replacements.get(keyOf(line)) ?? line);
  // A row seen for the first time goes after the last row of its N, a new target at the end of the targets.
  const present = (key) => lines.some((line) => line.startsWith(key));
  for (const row of rows.filter((r) => !present(`| ${r.name} | ${r.n} |`))) {
    const at = updated.findLastIndex((line) => line.startsWith('| ') && line.split(' | ')[1] === String(row.n));
    updated.splice(at + 1, 0, replacements.get(`| ${row.name} | ${row.n} |`));
  }
  for (const target of targets.filter((t) => !present(`| ${t.name} |`))) {
    let at = updated.findIndex((line) => line.startsWith('| target |'));
    while (updated[at + 1]?.startsWith('|')) at++;
    updated.splice(at + 1, 0, replacements.get(`| ${target.name} |`));
  }
  writeFileSync(resultsFile, updated.join('\n'));
}

const catalogRow = 'dactl catalog (with 100 flows), from no site/';

/** A catalog of 1,000 actions and 100 flows calling them, each run from no site/ (as build rows start from no out/). */
function measureCatalog(runs) {
  const root = join(tmp, 'catalog');
  generateProject(root, 1_000);
  generateFlows(root, 100, 1_000);
  const run = spawnSync(process.execPath, [bin, 'catalog', '--help'], { encoding: 'utf8' });
  if (run.status !== 0) return { missing: true };
  return measure([bin, 'catalog', 'definitions', '-o', 'site'], { cwd: root, runs, before: () => rmSync(join(root, 'site'), { recursive: true, force: true }) });
}

function catalogTarget(catalog, floor) {
  const ratio = catalog.median !== undefined && floor.median !== undefined ? catalog.median / floor.median : undefined;
  return { name: 'catalog of 1,000 actions and 100 flows vs the floor', measured: catalog.median, baseline: floor.median, ratio, limit: 3 };
}

if (args.has('--catalog-only')) {
  // Replaces only the catalog row and target; the floor is measured alongside for the ratio, its row left alone.
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const root = join(tmp, 'n1000');
  log('generating N=1000');
  generateProject(root, 1_000);
  const floorRun = measure([floor, 'definitions', 'floor-out'], { cwd: root, runs: 5, before: () => rmSync(join(root, 'floor-out'), { recursive: true, force: true }) });
  log('catalog');
  const catalog = measureCatalog(5);
  log(`floor ${floorRun.median.toFixed(0)} ms, catalog ${catalog.median?.toFixed(0)} ms`);
  const note = `catalog-only run ${date}; the floor alongside: ${floorRun.median.toFixed(0)} ms`;
  replaceRows([{ name: catalogRow, n: 1_000, ...catalog, note }], [catalogTarget(catalog, floorRun)]);
  cleanup();
  log('wrote the catalog rows of bench/results.md');
  process.exit(0);
}

if (args.has('--archy-only')) {
  // Replaces only the Archy rows and target in results.md (appending them the first time).
  log('Archy flows');
  const archy = benchArchy({ bin, floor, tmp });
  const rendered = renderReport({ meta: { date: '', machine: '', node: '', runsNote: '' }, rows: archy.rows, targets: [archy.target], engines: { jsonpath: {}, velocity: { none: {} } }, growth: {} }).split('\n');
  const resultsFile = join(benchDir, 'results.md');
  const keys = [...archy.rows.map((r) => `| ${r.name} | ${r.n} |`), `| ${archy.target.name} |`];
  const keyOf = (line) => keys.find((key) => line.startsWith(key));
  const fresh = rendered.filter(keyOf);
  let lines = readFileSync(resultsFile, 'utf8').split('\n');
  const replaced = new Set();
  lines = lines.map((line) => {
    const key = keyOf(line);
    if (!key) return line;
    replaced.add(key);
    return fresh.find((l) => l.startsWith(key)) ?? line;
  });
  for (const line of fresh.filter((l) => !replaced.has(keyOf(l)))) {
    // A new target goes after the last target, a new row after the last row of the Commands table.
    const isTarget = line.startsWith(`| ${archy.target.name} |`);
    let end = lines.indexOf(isTarget ? '## Targets' : '## Commands');
    while (end < lines.length && !lines[end].startsWith('|')) end++;
    while (end < lines.length && lines[end].startsWith('|')) end++;
    lines.splice(end, 0, line);
  }
  writeFileSync(resultsFile, lines.join('\n'));
  cleanup();
  log('wrote the Archy rows of bench/results.md');
  process.exit(0);
}

const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
const available = new Set([...help.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]));
const runsFor = (n) => (n >= 5_000 ? 3 : 5);

const rows = [];
const record = (name, n, result, note) => {
  rows.push({ name, n, ...result, note });
  log(`${name}${n ? ` N=${n}` : ''}: ${result.missing ? 'command missing' : `${result.median.toFixed(0)} ms`}${result.failure ? ` (${result.failure.slice(0, 120)})` : ''}`);
  return result;
};
const dactl = (command, n, argv, options) =>
  available.has(command) ? record(`dactl ${command}`, n, measure([bin, command, ...argv], options)) : record(`dactl ${command}`, n, { missing: true });

// Cold start.
const nodeBare = record('node -e 0', undefined, measure(['-e', '0'], { runs: 11 }));
const version = record('dactl --version', undefined, measure([bin, '--version'], { runs: 11 }));
const helpRun = record('dactl --help', undefined, measure([bin, '--help'], { runs: 11 }));

// One file.
const one = join(tmp, 'one');
generateProject(one, 1);
const cleanOut = (root) => () => {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  rmSync(join(root, '.dactl-cache'), { recursive: true, force: true });
  rmSync(join(root, 'floor-out'), { recursive: true, force: true });
};
const oneBuild = dactl('build', 1, [], { cwd: one, runs: 11, before: cleanOut(one) });
if (available.has('build')) record('dactl build, nothing changed (cache and out/ present)', 1, measure([bin, 'build'], { cwd: one, runs: 11 }));
const oneLint = dactl('lint', 1, [], { cwd: one, runs: 11 });
record('floor', 1, measure([floor, 'definitions', 'floor-out'], { cwd: one, runs: 11, before: cleanOut(one) }));

// Each N.
const perN = {};
for (const n of sizes) {
  const root = join(tmp, `n${n}`);
  log(`generating N=${n}`);
  generateProject(root, n);
  const runs = runsFor(n);
  const result = {};
  result.floor = record('floor', n, measure([floor, 'definitions', 'floor-out'], { cwd: root, runs, before: cleanOut(root) }));
  result.build = dactl('build', n, [], { cwd: root, runs, before: cleanOut(root) });
  if (available.has('build') && existsSync(join(root, 'out'))) {
    result.unchanged = record('dactl build, nothing changed (cache and out/ present)', n, measure([bin, 'build'], { cwd: root, runs }));
    result.rebuild = record('dactl build, one action changed (cache and out/ present)', n, measure([bin, 'build'], { cwd: root, runs, before: editOne(root) }));
  }
  result.lint = dactl('lint', n, [], { cwd: root, runs });
  result.test = dactl('test', n, [], { cwd: root, runs });
  if (available.has('diff')) {
    const partner = join(tmp, `n${n}-variant`);
    generateProject(partner, n, { variant: true });
    result.diff = dactl('diff', n, [join(root, 'definitions'), join(partner, 'definitions'), '-d', join(root, 'definitions')], { cwd: root, runs, expectCodes: [0, 1] });
  } else result.diff = dactl('diff', n, []);
  if (n === 1_000) result.catalog = record(catalogRow, n, measureCatalog(runs));
  perN[n] = result;
}

function incrementalTarget(rebuild) {
  return { name: 'one action changed in 5,000, rebuilt (incremental)', measured: rebuild.median, ratio: rebuild.median / 500, limit: 1, limitText: '< 500 ms' };
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

log('engines');
const engines = runEngines();

const ratio = (a, b) => (a?.median === undefined || b?.median === undefined ? undefined : a.median / b.median);
const targets = [
  { name: '`dactl --version` vs `node -e 0`', measured: version.median, baseline: nodeBare.median, ratio: ratio(version, nodeBare), limit: 1.5 },
  { name: '`dactl --help` vs `node -e 0`', measured: helpRun.median, baseline: nodeBare.median, ratio: ratio(helpRun, nodeBare), limit: 1.5, limitText: '≤ 1.5 (as --version)' },
  { name: 'lint of one file vs `node -e 0`', measured: oneLint.median, baseline: nodeBare.median, ratio: ratio(oneLint, nodeBare), limit: 3 },
  { name: 'build of one file vs `node -e 0`', measured: oneBuild.median, baseline: nodeBare.median, ratio: ratio(oneBuild, nodeBare), limit: 3 },
];
targets.push(archy.target);
const big = perN[1_000];
if (big) {
  targets.push(
    { name: 'build of 1,000 actions vs the floor', measured: big.build.median, baseline: big.floor.median, ratio: ratio(big.build, big.floor), limit: 1.5 },
    { name: 'lint of 1,000 actions vs the floor', measured: big.lint.median, baseline: big.floor.median, ratio: ratio(big.lint, big.floor), limit: 1.5 },
    { name: 'test of 1,000 tests vs the floor', measured: big.test.median, baseline: big.floor.median, ratio: ratio(big.test, big.floor), limit: 2.5 },
    catalogTarget(big.catalog, big.floor),
  );
}
const huge = perN[5_000];
if (big && huge) {
  for (const command of ['build', 'lint', 'test']) {
    const perAction = (r, n) => (r?.median === undefined ? undefined : r.median / n);
    const at1000 = perAction(big[command], 1_000);
    const at5000 = perAction(huge[command], 5_000);
    targets.push({
      name: `${command}: time per action at 5,000 vs at 1,000 (linear growth)`,
      measured: huge[command]?.median,
      baseline: big[command]?.median,
      ratio: at1000 && at5000 ? at5000 / at1000 : undefined,
      limit: 1.25,
      limitText: '≤ 1.25 (linear)',
    });
  }
  const peak = Math.max(...['build', 'lint', 'test'].map((c) => huge[c]?.peakMb ?? 0));
  targets.push({ name: 'peak memory at 5,000 (build, lint, test)', measured: peak, unit: 'MB', ratio: peak / 300, limit: 1, limitText: '< 300 MB' });
  if (huge.rebuild) targets.push(incrementalTarget(huge.rebuild));
} else {
  targets.push({ name: 'growth to 5,000, peak memory and incremental rebuild at 5,000', measured: undefined, ratio: undefined, limit: 1, limitText: 'not run (`--no-5000`)' });
}

const growth = {};
for (const command of ['build', 'lint', 'test', 'floor']) growth[command === 'floor' ? 'floor' : `dactl ${command}`] = sizes.map((n) => ({ n, median: perN[n][command]?.median }));

const meta = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
  node: process.versions.node,
  runsNote: `medians of 11 runs (cold start, one file), 5 (N ≤ 1,000), 3 (N = 5,000), each after one warm-up; \`dactl build\` rows start from an empty out/ and no cache unless they say otherwise`,
};
const notesFile = join(benchDir, 'profile-notes.md');
const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
writeFileSync(join(benchDir, 'results.md'), renderReport({ meta, rows, targets, engines, growth }) + (notes ? `\n${notes}` : ''));
cleanup();
log('wrote bench/results.md');
