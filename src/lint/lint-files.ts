import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { compareDiagnostics, dedupeDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { compileLoadedSpec } from '../project/load-project.js';
import { maxSourceBytes, parseSource, type SourceDocument } from '../source/index.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { checkSpecShape } from '../spec/load-spec.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import { enabledRules, type LintConfig } from './config.js';
import { exportTarget, specTarget, type LintTarget } from './lint-target.js';
import { runRules, type SourceFix } from './run-lint.js';
import { applySuppressions, readSuppressions } from './suppressions.js';
import { fileConcurrency, mapBounded } from '../project/map-bounded.js';
import { contentHash } from '../output/content-hash.js';
import type { ResultCache } from '../output/result-cache.js';

export type LintedKind = 'spec' | 'export' | 'skipped';

export interface FileLintResult {
  file: string;
  kind: LintedKind;
  text: string;
  diagnostics: Diagnostic[];
  fixes: SourceFix[];
}

export interface LintResult {
  files: FileLintResult[];
  /** Every file's diagnostics, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** What linting one file's text found, as kept between runs. */
export type CachedLint = Omit<FileLintResult, 'file' | 'text'>;

/**
 * Lints spec files, export JSON files and folders of them. With a `cache` (opened with `config` as its settings),
 * a file whose text was linted before is answered from it.
 */
export async function lintPaths(paths: readonly string[], config: LintConfig, cache?: ResultCache<CachedLint>): Promise<LintResult> {
  const { files, diagnostics } = await collectFiles(paths);
  const results = await mapBounded(files, fileConcurrency, (file) => lintFile(file, config, cache));
  cache?.save();
  const all = [...diagnostics, ...results.flatMap((r) => r.diagnostics)].sort(compareDiagnostics);
  return { files: results, diagnostics: all };
}

async function lintFile(file: string, config: LintConfig, cache: ResultCache<CachedLint> | undefined): Promise<FileLintResult> {
  const info = await stat(file);
  if (info.size <= maxSourceBytes) {
    const text = await readFile(file, 'utf8');
    if (!cache) return lintText(file, text, config);
    const hash = contentHash(text);
    const cached = cache.lookup(file, hash);
    if (cached) return { file, text, ...cached };
    const { file: _file, text: _text, ...result } = lintText(file, text, config);
    cache.remember(file, result, { hash });
    return { file, text, ...result };
  }
  const tooLarge: Diagnostic = {
    ruleId: 'file-too-large',
    severity: 'error',
    message: `file is ${(info.size / 1048576).toFixed(1)} MB; definitions are limited to ${maxSourceBytes / 1048576} MB`,
    file,
    path: [],
  };
  return { file, kind: 'skipped', text: '', diagnostics: [tooLarge], fixes: [] };
}

/** Lints one file's text: a spec (YAML) or an export (JSON), told apart by name and then by content. */
export function lintText(file: string, text: string, config: LintConfig): FileLintResult {
  const json = /\.json$/i.test(file);
  const loaded = parseSource(file, text, json ? {} : { rejectUnsafeKeys: true });
  const result: FileLintResult = { file, kind: 'skipped', text, diagnostics: [...loaded.diagnostics], fixes: [] };
  if (loaded.value === undefined || loaded.diagnostics.some((d) => d.severity === 'error')) return result;
  const value = loaded.value as Record<string, unknown> | null;
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject && !json && (/\.action\.ya?ml$/i.test(file) || ('request' in value && 'integration' in value))) {
    result.kind = 'spec';
    // A spec that does not compile reports its compile problems; the rules read the export, so they do not run.
    const action = compileLoadedSpec(checkSpecShape<ActionSpec>(loaded, 'action'));
    result.diagnostics = [...action.diagnostics];
    if (action.spec && action.artifact) lintTarget(specTarget(action.source, action.spec, action.artifact), config, result);
  } else if (isObject && ('config' in value || 'actionType' in value) && 'contract' in value) {
    result.kind = 'export';
    const problems = schemaFindings(schemaValidator('data-action-export'), value, 'export').filter((p) => p.ruleId !== 'export-unknown-key' && p.ruleId !== 'export-range');
    if (problems.length) {
      result.diagnostics.push(...problems.map((p) => loaded.source.locate({ ...p, ruleId: 'not-an-export', message: `not a valid data-action export: ${p.message}` })));
    } else {
      lintTarget(exportTarget(loaded.source, value as unknown as DataActionExport), config, result);
    }
  } else {
    result.diagnostics.push(notADefinition(loaded.source));
  }
  result.diagnostics = dedupeDiagnostics(result.diagnostics).sort(compareDiagnostics);
  return result;
}

/** Runs the file's enabled rules on a target and applies the file's inline suppressions. */
export function lintTarget(target: LintTarget, config: LintConfig, result: { diagnostics: Diagnostic[]; fixes: SourceFix[] }): void {
  const rules = enabledRules(config, target.file);
  const messages = runRules(target, rules);
  const { suppressions, diagnostics } = target.kind === 'spec' ? readSuppressions(target.source) : { suppressions: [], diagnostics: [] };
  const enabled = new Set(rules.map((r) => r.rule.id));
  const { kept, unused } = applySuppressions(messages, suppressions, enabled, target.file);
  result.diagnostics.push(...diagnostics, ...unused, ...kept.map((m) => m.diagnostic));
  result.fixes.push(...kept.flatMap((m) => (m.fix ? [m.fix] : [])));
}

/** Compile and lint can report the same problem (same rule, file and start): keep the first. */
function notADefinition(source: SourceDocument, reason = 'neither an action spec nor a data-action export'): Diagnostic {
  return {
    ruleId: 'not-a-definition',
    severity: 'warn',
    message: `${reason}; skipped`,
    file: source.file,
    path: [],
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
}

/** Files to lint: named files as given; folders walked for *.json and *.yaml (flow and org definitions are left out). */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push({ ruleId: 'path-not-found', severity: 'error', message: 'no such file or folder', file: path, path: [] });
    } else if (info.isDirectory()) {
      files.push(...(await walk(path, path)));
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], diagnostics };
}

async function walk(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(root, path)));
    else if (entry.isFile() && lintable(relative(root, path))) found.push(path);
  }
  return found;
}

function lintable(relativePath: string): boolean {
  const name = basename(relativePath);
  if (/\.flow\.ya?ml$/i.test(name) || relativePath.split(sep).slice(0, -1).includes('orgs')) return false;
  return /\.(json|ya?ml)$/i.test(name);
}
