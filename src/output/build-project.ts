import { join } from 'node:path';
import { compareDiagnostics, dedupeDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { serializeExport } from '../export/data-action-export.js';
import { assignFileStems } from '../export/file-stems.js';
import { buildFlowOutputs } from './flow-outputs.js';
import { flowCatalog } from '../project/load-flows.js';
import { defaultConfig, ignoreGlobs, type LintConfig } from '../lint/config.js';
import { lintProjectActions } from '../lint/lint-project.js';
import { requireProfile } from '../orgs/load-profiles.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import { compileLoadedSpec, loadProject } from '../project/load-project.js';
import type { Project, ProjectAction } from '../project/model.js';
import { cachedLint, cachedSnippets, openBuildCache, rememberSnippets } from './cache.js';
import { compareWithManifest, manifestAfterWrite } from './out-manifest.js';
import { compareTrees, readTree, type OutputTree, type TreeDifference } from './output-tree.js';
import { finishInterruptedSwap, replaceTree } from './replace-tree.js';

export interface BuildOptions {
  definitionsDir: string;
  outDir: string;
  /** `check`: compare with what is in outDir and write nothing. */
  check?: boolean;
  /** Build only this org profile (`definitions/orgs/<org>.yaml`) into `<outDir>/<org>/`. */
  org?: string;
  /** A folder of Handlebars templates that override the bundled Archy templates by file name. */
  templatesDir?: string;
  /** Lint rules to report with the build (default: the recommended preset). */
  lint?: LintConfig;
  /** Refuse to write on lint errors too; otherwise only compile errors stop the build. */
  strict?: boolean;
}

export type BuildOutcome = 'written' | 'up-to-date' | 'not-written' | 'stale';

export interface BuildResult {
  outcome: BuildOutcome;
  diagnostics: Diagnostic[];
  tree: OutputTree;
  /** For `check` (and writes): how outDir differed from the definitions. */
  differences: TreeDifference[];
  project: Project;
}

/**
 * Compiles every definition; writes out/ only when nothing has an error, and then atomically. The default build
 * also compiles every org profile into `out/<profile>/`, so `--check` covers them; with `org`, only that profile's
 * subtree is built and replaced.
 */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const profile = options.org === undefined ? undefined : await requireProfile(options.definitionsDir, options.org);
  const lintConfig = options.lint ?? defaultConfig(options.definitionsDir);
  const cache = options.check ? undefined : await openBuildCache(options.outDir, { profile, lintConfig, templatesDir: options.templatesDir });
  const ignore = ignoreGlobs(lintConfig);
  const project = await loadProject(options.definitionsDir, { ...(profile ? { org: profile } : {}), ...(cache ? { cache } : {}), ignore });
  const diagnostics = [...project.diagnostics];
  const tree: OutputTree = new Map();
  const addActions = (actions: readonly ProjectAction[], prefix: string): void => {
    const compiled = actions.filter((action) => action.artifact !== undefined);
    const named = compiled.map((action) => ({ action, name: action.artifact!.name, qualifier: action.spec?.category ?? action.artifact!.integrationType }));
    const stems = assignFileStems(named);
    for (const item of named) {
      const { stem, caseTwin } = stems.get(item)!;
      const path = `${prefix}actions/${stem}.custom.json`;
      if (caseTwin !== undefined && prefix === '') {
        diagnostics.push(
          item.action.source.locate({
            ruleId: 'name-differs-only-in-case',
            severity: 'warn',
            message: `"${item.name}" differs from "${caseTwin}" only in case: Genesys Cloud keeps both, many disks cannot, so it is written to ${path}`,
            path: ['name'],
          }),
        );
      }
      tree.set(path, serializeExport(item.action.artifact!));
    }
  };
  const addArchy = async (actions: readonly ProjectAction[], prefix: string, org: OrgProfile | undefined): Promise<void> => {
    const reused = prefix === '' && cache ? cachedSnippets(cache, actions) : new Map<string, { path: string; content: string }>();
    const rendered = actions.filter((action) => !reused.has(action.file));
    const catalog = prefix === '' || project.flows.length === 0 ? project.flowCatalog : flowCatalog(actions, project.flows);
    const archy = await buildFlowOutputs(rendered, project.flows, catalog, options.templatesDir, org);
    if (prefix === '' && cache) rememberSnippets(cache, rendered, archy);
    for (const snippet of reused.values()) tree.set(snippet.path, snippet.content);
    diagnostics.push(...archy.diagnostics);
    for (const output of archy.outputs) tree.set(`${prefix}${output.path}`, output.content);
  };
  addActions(project.actions, '');
  await addArchy(project.actions, '', profile);
  if (!profile) {
    for (const org of project.orgs.values()) {
      const compiled = project.actions.map((action) => compileLoadedSpec({ ...action, spec: action.written }, org));
      diagnostics.push(...compiled.flatMap((action) => action.diagnostics));
      addActions(compiled, `${org.name}/`);
      await addArchy(compiled, `${org.name}/`, org);
    }
  }
  const compileFailed = hasErrors(diagnostics);
  const lint = cache ? cachedLint(cache, project.actions, lintConfig) : lintProjectActions(project.actions, lintConfig);
  const refused = compileFailed || (options.strict === true && hasErrors(lint));

  const base = { diagnostics: dedupeDiagnostics([...diagnostics, ...lint]).sort(compareDiagnostics), tree, project };
  if (refused) {
    await cache?.save();
    return { ...base, outcome: 'not-written', differences: [] };
  }
  const outDir = profile ? join(options.outDir, profile.name) : options.outDir;
  if (!options.check) await finishInterruptedSwap(outDir);
  if (!cache) {
    const differences = compareTrees(tree, await readTree(outDir));
    if (options.check) return { ...base, outcome: differences.length ? 'stale' : 'up-to-date', differences };
    if (differences.length === 0) return { ...base, outcome: 'up-to-date', differences };
    await replaceTree(outDir, tree, differences);
    return { ...base, outcome: 'written', differences };
  }
  const { differences, seen, seenChanged } = await compareWithManifest(outDir, tree, cache.outManifest());
  // Saved only once out/ is written: a build that could not write it (a full disk) leaves the cache as it was.
  if (differences.length) await replaceTree(outDir, tree, differences);
  await cache.save();
  if (differences.length) await cache.saveOutManifest(manifestAfterWrite(seen, differences));
  else if (seenChanged) await cache.saveOutManifest(seen);
  return { ...base, outcome: differences.length ? 'written' : 'up-to-date', differences };
}
