import { basename, sep } from 'node:path';
import { compareDiagnostics, dedupeDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { schemaProblemOf } from '../diagnostics/registry.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { compileLoadedSpec } from '../project/load-project.js';
import { maxSourceBytes, parseSource, type SourceDocument } from '../source/index.js';
import { readDefinitionFile } from '../source/read-definition.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { checkSpecShape } from '../spec/load-spec.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import { enabledRules, ignoreGlobs, type LintConfig } from './config.js';
import { exportTarget, specTarget, type LintTarget } from './lint-target.js';
import { onePerPlace } from './one-per-place.js';
import { runRules, type SourceFix } from './run-lint.js';
import { applySuppressions, readSuppressions } from './suppressions.js';
import { findFiles, ignoreOptions, type FoundFiles, type UnmatchedPath } from '../project/find-files.js';
import { fileConcurrency, mapBounded } from '../project/map-bounded.js';
import { isArchyText } from '../flow/archy/read-archy.js';
import type { ArchyActionCatalog } from '../flow/archy/check-call-data.js';
import { catalogFor, lintArchyText } from './lint-archy.js';
import { contentHash } from '../files/content-hash.js';
import type { ResultCache } from '../files/result-cache.js';

/** Exports from the platform may carry keys and lengths the schema does not know; they still lint. */
const toleratedInExports = new Set<string>(['unknown-key', 'range']);

export type LintedKind = 'spec' | 'export' | 'archy' | 'skipped';

export interface FileLintResult {
  file: string;
  kind: LintedKind;
  text: string;
  diagnostics: Diagnostic[];
  fixes: SourceFix[];
}

export interface LintResult {
  files: FileLintResult[];
  /** Arguments that named no file to lint (a usage error). */
  unmatched: UnmatchedPath[];
  /** Every file's diagnostics, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** What linting one file's text found, as kept between runs. */
export type CachedLint = Omit<FileLintResult, 'file' | 'text'>;

/** Lints spec files, export JSON files and folders of them. */
export async function lintPaths(paths: readonly string[], config: LintConfig, cwd = process.cwd(), cache?: ResultCache<CachedLint>): Promise<LintResult> {
  const { files, unmatched } = await lintableFiles(paths, config, cwd);
  return { ...(await lintFiles(files, config, cache)), unmatched };
}

/**
 * Lints files already found (see `lintableFiles`). With a `cache` (opened with `config` as its settings), a spec or
 * export whose text was linted before is answered from it; Archy flows depend on the project's actions, so they
 * are always checked afresh.
 */
export async function lintFiles(files: readonly string[], config: LintConfig, cache?: ResultCache<CachedLint>): Promise<Omit<LintResult, 'unmatched'>> {
  const catalogs = new Map<string, Promise<ArchyActionCatalog | undefined>>();
  const results = await mapBounded(files, fileConcurrency, (file) => lintFile(file, config, catalogs, cache));
  cache?.save();
  return { files: results, diagnostics: results.flatMap((r) => r.diagnostics).sort(compareDiagnostics) };
}

async function lintFile(file: string, config: LintConfig, catalogs: Map<string, Promise<ArchyActionCatalog | undefined>>, cache: ResultCache<CachedLint> | undefined): Promise<FileLintResult> {
  const read = readDefinitionFile(file);
  if ('bytes' in read) {
    const text = read.bytes.toString('utf8');
    if (!/\.json$/i.test(file) && isArchyText(text)) return lintText(file, text, config, await catalogFor(file, catalogs));
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
    message: `file is ${(read.tooLarge / 1048576).toFixed(1)} MB; definitions are limited to ${maxSourceBytes / 1048576} MB`,
    file,
    path: [],
  };
  return { file, kind: 'skipped', text: '', diagnostics: [tooLarge], fixes: [] };
}

/** Lints one file's text: a spec (YAML), an Archy flow (YAML) or an export (JSON), told apart by name and then by content. */
export function lintText(file: string, text: string, config: LintConfig, catalog?: ArchyActionCatalog): FileLintResult {
  const json = /\.json$/i.test(file);
  if (!json && isArchyText(text)) {
    const diagnostics = dedupeDiagnostics(lintArchyText(file, text, config, catalog)).sort(compareDiagnostics);
    return { file, kind: 'archy', text, diagnostics, fixes: [] };
  }
  // Flow specs are type-checked against the actions by build (and explain); lint takes only the Archy files among them.
  if (!json && /\.flow\.ya?ml$/i.test(file)) return { file, kind: 'skipped', text, diagnostics: [], fixes: [] };
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
    const problems = schemaFindings(schemaValidator('data-action-export'), value, 'export').filter((p) => !toleratedInExports.has(schemaProblemOf(p.ruleId) ?? ''));
    if (problems.length) {
      result.diagnostics.push(...problems.map((p) => loaded.source.locate({ ...p, ruleId: 'not-an-export', message: `not a valid data-action export: ${p.message}` })));
    } else {
      lintTarget(exportTarget(loaded.source, value as unknown as DataActionExport), config, result);
    }
  } else if (file.split(/[\\/]/).slice(0, -1).includes('flows')) {
    result.diagnostics.push({ ...notADefinition(loaded.source), ruleId: 'archy-definition-unknown', severity: 'error', message: 'neither a flow spec (*.flow.yaml) nor an Archy flow (its first key a flow type such as inboundCall); fix the root key or move the file out of flows/' });
  } else {
    result.diagnostics.push(notADefinition(loaded.source));
  }
  result.diagnostics = onePerPlace(dedupeDiagnostics(result.diagnostics).map((diagnostic) => ({ diagnostic }))).map((m) => m.diagnostic).sort(compareDiagnostics);
  return result;
}

/** Runs the file's enabled rules on a target and applies the file's inline suppressions. */
export function lintTarget(target: LintTarget, config: LintConfig, result: { diagnostics: Diagnostic[]; fixes: SourceFix[] }): void {
  const rules = enabledRules(config, target.file);
  const messages = runRules(target, rules);
  const { suppressions, diagnostics } = target.kind === 'spec' ? readSuppressions(target.source) : { suppressions: [], diagnostics: [] };
  const enabled = new Set(rules.map((r) => r.rule.id));
  const { kept: unsuppressed, unused } = applySuppressions(messages, suppressions, enabled, target.file);
  const kept = onePerPlace(unsuppressed);
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
export function lintableFiles(paths: readonly string[], config: LintConfig, cwd: string): Promise<FoundFiles> {
  return findFiles(paths, { cwd, ...ignoreOptions(ignoreGlobs(config)), wanted: lintable });
}

function lintable(relativePath: string): boolean {
  const name = basename(relativePath);
  if (relativePath.split(sep).slice(0, -1).includes('orgs')) return false;
  return /\.(json|ya?ml)$/i.test(name);
}
