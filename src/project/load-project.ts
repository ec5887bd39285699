import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { relative, sep } from 'node:path';
import { compileAction } from '../compile/compile-action.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { checkSpecShape, loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import { deferredSource } from '../source/deferred-source.js';
import { SourceDocument } from '../source/source-document.js';
import { parseSource } from '../source/load.js';
import { readDefinitionIfSmall } from '../source/read-definition.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import { applyProfile } from '../orgs/apply-profile.js';
import { loadProfiles } from '../orgs/load-profiles.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import { duplicateFlowNames, loadFlows } from './load-flows.js';
import { discoverDefinitions } from './discover.js';
import type { IgnoreGlobs } from './find-files.js';
import { fileConcurrency, mapBounded } from './map-bounded.js';
import type { LoadCache, Project, ProjectAction } from './model.js';
import { loadArchyFlows, readIfArchy } from './load-archy-flows.js';

/**
 * Loads, checks and compiles every definition under `root`; problems come back as diagnostics. With `org`, the
 * actions compile with that profile's values (see `applyProfile`).
 */
export async function loadProject(root: string, options: { org?: OrgProfile; cache?: LoadCache; ignore?: IgnoreGlobs } = {}): Promise<Project> {
  const discovery = await discoverDefinitions(root, options.ignore);
  const archyFiles = await findArchyFiles(discovery);
  const archyPaths = new Set(archyFiles.map((f) => f.file));
  const diagnostics: Diagnostic[] = discovery.unrecognised.filter((file) => !archyPaths.has(file)).map((file) => unrecognisedFile(root, file));
  const actionFiles = discovery.definitions.filter((d) => d.kind === 'action');
  const { cache } = options;
  const load = cache ? (file: string) => loadActionCached(file, cache, options.org) : (file: string) => loadAction(file, options.org);
  const actions = await mapBounded(actionFiles, fileConcurrency, (d) => load(d.file));
  for (const action of actions) diagnostics.push(...action.diagnostics);
  diagnostics.push(...duplicateNames(actions));
  const orgs = await loadProfiles(root);
  diagnostics.push(...orgs.diagnostics);
  const flowFiles = discovery.definitions.filter((d) => d.kind === 'flow' && !archyPaths.has(d.file)).map((d) => d.file);
  const { flows, catalog } = await loadFlows(flowFiles, actions);
  for (const flow of flows) diagnostics.push(...flow.diagnostics);
  diagnostics.push(...duplicateFlowNames(flows));
  const archy = await loadArchyFlows(archyFiles, actions, orgs.profiles);
  for (const flow of archy.flows) diagnostics.push(...flow.diagnostics);
  return { root, actions, flows, flowCatalog: catalog, archyFlows: archy.flows, files: discovery.definitions, orgs: orgs.profiles, diagnostics };
}

/** Archy flows: YAML files whose first key is a flow type, wherever they are (a `*.flow.yaml` too). */
async function findArchyFiles(discovery: Awaited<ReturnType<typeof discoverDefinitions>>): Promise<Array<{ file: string; text: string }>> {
  const candidates = [...discovery.unrecognised, ...discovery.definitions.filter((d) => d.kind === 'flow').map((d) => d.file)];
  const read = candidates.map((file) => ({ file, text: readIfArchy(file) }));
  return read.flatMap((r) => (r.text === undefined ? [] : [{ file: r.file, text: r.text }]));
}

/** A YAML file of no known kind: an error under flows/ (a flow that would silently not be checked), else a warning. */
function unrecognisedFile(root: string, file: string): Diagnostic {
  const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  if (relative(root, file).split(sep)[0] === 'flows') {
    return {
      ruleId: 'archy-definition-unknown',
      severity: 'error',
      message: 'neither a flow spec (*.flow.yaml) nor an Archy flow (its first key a flow type such as inboundCall); fix the root key or move the file out of flows/',
      file,
      path: [],
      range,
    };
  }
  return { ruleId: 'unknown-definition-file', severity: 'warn', message: 'not a dactl definition (expected *.action.yaml, *.flow.yaml, orgs/*.yaml or an Archy flow); skipped', file, path: [], range };
}

export async function loadAction(file: string, org?: OrgProfile): Promise<ProjectAction> {
  return compileLoadedSpec(await loadSpec<ActionSpec>(file, 'action'), org);
}

/** `loadAction`, answered from the cache when the file's stamp, or else its content, is what it was. */
async function loadActionCached(file: string, cache: LoadCache, org?: OrgProfile): Promise<ProjectAction> {
  const stats = statIfReadable(file);
  const unchanged = stats?.isFile() ? cache.unchanged(file, stats) : undefined;
  if (unchanged) return { file, source: sourceReadOnDemand(file), ...unchanged };
  const bytes = readDefinitionIfSmall(file);
  if (!stats || !bytes) return loadAction(file, org);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const hit = cache.get(file, hash, stats);
  if (hit) return { file, source: deferredSource(file, new TextDecoder().decode(bytes)), ...hit };
  const action = compileLoadedSpec(checkSpecShape<ActionSpec>(parseSource(file, bytes, { rejectUnsafeKeys: true }), 'action'), org);
  cache.set(file, hash, stats, { written: action.written, spec: action.spec, artifact: action.artifact, diagnostics: action.diagnostics });
  // Thousands of parsed YAML trees held to the end of a build cost hundreds of MB; a later diagnostic re-parses.
  return { ...action, source: deferredSource(file, action.source.text) };
}

/** A file that cannot be stat'ed (gone, a link loop) is loaded uncached, to report why. */
function statIfReadable(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The source of a file taken from the cache unread: it is read (and parsed) only if a diagnostic needs a position. */
function sourceReadOnDemand(file: string): SourceDocument {
  let loaded: SourceDocument | undefined;
  const real = (): SourceDocument => (loaded ??= deferredSource(file, readFileSync(file, 'utf8')));
  return new Proxy(Object.create(SourceDocument.prototype) as SourceDocument, {
    get(_, key) {
      if (key === 'file') return file;
      return Reflect.get(real(), key) as unknown;
    },
  });
}

/** Compiles a loaded spec for the default build or for one org; `spec` becomes that org's view of it. */
export function compileLoadedSpec(loaded: LoadedSpec<ActionSpec>, org?: OrgProfile): ProjectAction {
  const action: ProjectAction = { ...loaded, written: loaded.spec, artifact: undefined };
  if (!loaded.spec) return action;
  const applied = applyProfile(loaded.spec, org);
  action.spec = applied.spec;
  const compiled = compileAction(applied.spec);
  action.diagnostics = [
    ...loaded.diagnostics,
    ...applied.findings.map((f) => loaded.source.locate(f)),
    ...compiled.findings.map((f) => loaded.source.locate(f)),
  ];
  const failed = [...loaded.diagnostics, ...applied.findings].some((d) => d.severity === 'error');
  if (compiled.artifact && !failed) {
    const problems = schemaFindings(schemaValidator('data-action-export'), compiled.artifact, 'artifact');
    if (problems.length) {
      action.diagnostics.push(
        ...problems.map((p) =>
          loaded.source.locate({ ...p, path: [], message: `the compiled export is invalid: ${p.message}` }),
        ),
      );
    } else {
      action.artifact = compiled.artifact;
    }
  }
  return action;
}

function duplicateNames(actions: ProjectAction[]): Diagnostic[] {
  const byName = new Map<string, ProjectAction[]>();
  for (const action of actions) {
    if (!action.spec) continue;
    // Without a category, the integration decides it: two integrations' actions never share one.
    const key = `${action.spec.category ?? `type:${action.spec.integration}`}\u0000${action.spec.name}`;
    byName.set(key, [...(byName.get(key) ?? []), action]);
  }
  const found: Diagnostic[] = [];
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const action of group) {
      const others = group.filter((a) => a !== action).map((a) => a.file);
      found.push(
        action.source.locate({
          ruleId: 'duplicate-action',
          severity: 'error',
          message: `another spec defines an action with the same name: ${others.join(', ')}; names must be unique`,
          path: ['name'],
        }),
      );
    }
  }
  return found;
}
