#!/usr/bin/env node
// Runs a Jayway expectations file ({cases: [{id, selector, document, ordered, expect}]}) against the
// compiled JSONPath engine and prints every disagreement, then "jsonpath conformance: A/B agree".
// Usage: npm run conformance -- ../shared/corpus/jsonpath/jayway-2.10.json
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? resolve(repoRoot, '../shared/corpus/jsonpath/jayway-2.10.json');
const engine = resolve(repoRoot, 'dist/jsonpath/conformance.js');

if (!existsSync(engine)) {
  console.error(`${engine} is missing; build first with: npx tsc -p tsconfig.build.json`);
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`expectations file not found: ${file}`);
  process.exit(2);
}

const { runConformance } = await import(pathToFileURL(engine).href);
const parsed = JSON.parse(readFileSync(file, 'utf8'));
const cases = Array.isArray(parsed) ? parsed : parsed.cases;
const report = runConformance(cases);
for (const d of report.disagreements) {
  console.log(`${d.id}\n  selector: ${d.selector}\n  expected: ${d.expected}\n  got:      ${d.got}`);
}
console.log(`jsonpath conformance: ${report.agree}/${report.total} agree`);
process.exitCode = report.agree === report.total ? 0 : 1;
