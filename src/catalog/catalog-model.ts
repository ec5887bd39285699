import { isNotAnExport, isUnknownDefinitionFile } from '../diagnostics/registry.js';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { serializeExport, type DataActionExport } from '../export/data-action-export.js';
import type { LintConfig } from '../lint/config.js';
import { lintText } from '../lint/lint-files.js';
import { maxSourceBytes, readDefinitionFile } from '../source/read-definition.js';
import { lintProjectActions } from '../lint/lint-project.js';
import { loadProject } from '../project/load-project.js';
import type { ProjectAction } from '../project/model.js';
import { runSpecTests, type SpecTestResult } from '../simulate/run-spec-tests.js';
import { readArchyFlow } from './archy-document.js';
import { archyFlowGraph } from './archy-flow-graph.js';
import { layOutFlow } from './draw-flow.js';
import type { FlowGraph, FlowNode } from './flow-graph.js';
import { slug } from './html.js';
import { specFlowGraph } from './spec-flow-graph.js';

export interface CatalogAction {
  /** The page is `actions/<slug>.html`. */
  slug: string;
  name: string;
  category: string | undefined;
  description: string | undefined;
  /** Where it came from, relative to the working folder. */
  file: string;
  origin: 'spec' | 'export';
  /** The compiled export (or the export itself); undefined when the spec does not compile. */
  artifact: DataActionExport | undefined;
  /** Compile problems and lint findings. */
  diagnostics: Diagnostic[];
  /** The spec's tests as they ran; undefined for an export, which has none. */
  tests: SpecTestResult[] | undefined;
}

export interface CatalogFlow {
  slug: string;
  name: string;
  type: string;
  description: string | undefined;
  file: string;
  origin: 'spec' | 'archy';
  graph: FlowGraph;
  /** Graphviz's layout of the graph, started as soon as the flow is read. */
  layout: Promise<string>;
  diagnostics: Diagnostic[];
}

export interface Catalog {
  actions: CatalogAction[];
  flows: CatalogFlow[];
  /** Problems with files that are neither an action nor a flow the catalog can show. */
  diagnostics: Diagnostic[];
}

/**
 * Everything the catalog shows, from definitions folders (action and flow specs, plus any data-action exports and
 * Archy flow files inside them) and from export or Archy files named directly.
 */
export async function collectCatalog(paths: readonly string[], cwd: string, lint: LintConfig): Promise<Catalog> {
  const catalog: Catalog = { actions: [], flows: [], diagnostics: [] };
  const loose: string[] = [];
  const named = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      catalog.diagnostics.push({ ruleId: 'path-not-found', severity: 'error', message: 'no such file or folder', file: path, path: [] });
    } else if (info.isDirectory()) {
      await addProject(catalog, path, cwd, lint);
      loose.push(...(await otherFiles(path)));
    } else {
      loose.push(path);
      named.add(path);
    }
  }
  const known = new Set([...catalog.actions.map((a) => a.file), ...catalog.flows.map((f) => f.file)]);
  const candidates = [...new Set(loose)].filter((file) => !known.has(relative(cwd, file)));
  const others = candidates.map((file) => {
    const read = readDefinitionFile(file);
    return 'bytes' in read ? { file, text: read.bytes.toString('utf8'), size: read.bytes.length } : { file, text: undefined, size: read.tooLarge };
  });
  for (const { file, text, size } of others) {
    if (text !== undefined) addLooseFile(catalog, file, text, cwd, lint);
    // Big JSON in a folder is a recorded response, not an export; a file named on the command line is reported.
    else if (named.has(file)) catalog.diagnostics.push({ ruleId: 'file-too-large', severity: 'warn', message: `file is ${(size / 1048576).toFixed(1)} MB, over the ${maxSourceBytes / 1048576} MB a definition may be; left out of the catalog`, file, path: [] });
  }
  assignSlugs(catalog.actions);
  assignSlugs(catalog.flows);
  return catalog;
}

async function addProject(catalog: Catalog, root: string, cwd: string, lint: LintConfig): Promise<void> {
  const project = await loadProject(root);
  const problems = groupByFile(project.diagnostics.filter((d) => !isUnknownDefinitionFile(d.ruleId)));
  // Flows first: their layouts run in the worker while this thread lints and runs the tests.
  for (const flow of project.flows) {
    if (!flow.spec) {
      catalog.diagnostics.push(...flow.diagnostics);
      continue;
    }
    catalog.flows.push({
      slug: '',
      name: flow.spec.name,
      type: flow.spec.type,
      description: flow.spec.description,
      file: relative(cwd, flow.file),
      ...graphAndLayout(specFlowGraph(flow.spec)),
      origin: 'spec',
      diagnostics: problems.get(flow.file) ?? [],
    });
  }
  const findings = groupByFile(lintProjectActions(project.actions, lint));
  for (const action of project.actions) {
    const tests = action.spec?.tests?.length ? (await runSpecTests(action)).results : [];
    const diagnostics = [...(problems.get(action.file) ?? []), ...(findings.get(action.file) ?? [])];
    catalog.actions.push(specAction(action, cwd, diagnostics, tests));
  }
}

function graphAndLayout(graph: FlowGraph): { graph: FlowGraph; layout: Promise<string> } {
  return { graph, layout: layOutFlow(graph) };
}

function specAction(action: ProjectAction, cwd: string, diagnostics: Diagnostic[], tests: SpecTestResult[]): CatalogAction {
  const name = action.spec?.name ?? action.artifact?.name ?? writtenName(action) ?? relative(cwd, action.file);
  return {
    slug: '',
    name,
    category: action.spec?.category,
    description: action.spec?.description,
    file: relative(cwd, action.file),
    origin: 'spec',
    artifact: action.artifact,
    diagnostics,
    tests,
  };
}

/** The `name:` of a spec that did not load (its page lists why), so it is still found by its name. */
function writtenName(action: ProjectAction): string | undefined {
  const name: unknown = action.source.document?.get('name');
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/** A JSON file that is an export, or a YAML file that is an Archy flow; anything else in a folder is passed over. */
function addLooseFile(catalog: Catalog, file: string, text: string, cwd: string, lint: LintConfig): void {
  if (/\.json$/i.test(file)) {
    const linted = lintText(file, text, lint);
    if (linted.kind !== 'export') return;
    const artifact = JSON.parse(text) as DataActionExport & { category?: unknown; description?: unknown };
    catalog.actions.push({
      slug: '',
      // An export names itself; one whose name is missing or not text is known by its file (lint reports it).
      name: typeof artifact.name === 'string' && artifact.name.trim() ? artifact.name : relative(cwd, file),
      category: typeof artifact.category === 'string' ? artifact.category : undefined,
      description: typeof artifact.description === 'string' ? artifact.description : undefined,
      file: relative(cwd, file),
      origin: 'export',
      // Without an export's shape it is listed with its problems, and no page reads its fields.
      artifact: linted.diagnostics.some((d) => isNotAnExport(d.ruleId)) ? undefined : artifact,
      diagnostics: linted.diagnostics,
      tests: undefined,
    });
    return;
  }
  const read = readArchyFlow(file, text);
  if (!read.document) {
    if (read.diagnostics.length) catalog.diagnostics.push(...read.diagnostics);
    return;
  }
  const description = read.document.body.description;
  // A name that is only a substitution (`{{flow_name}}`) tells flows apart by their file.
  const name = /^\{\{[^{}]*\}\}$/.test(read.document.name) ? `${basename(file).replace(/\.ya?ml$/i, '')} (${read.document.name})` : read.document.name;
  catalog.flows.push({
    slug: '',
    name,
    type: read.document.flowType,
    description: typeof description === 'string' && description.trim() ? description : undefined,
    file: relative(cwd, file),
    origin: 'archy',
    ...graphAndLayout(archyFlowGraph(read.document)),
    diagnostics: read.diagnostics,
  });
}

/** JSON and YAML files under a definitions folder that are not specs or org profiles. */
async function otherFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name) && !/\.(action|flow)\.ya?ml$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(root, file).split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules' || part === 'orgs'))
    .sort();
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return byFile;
}

/** Sorted by name (then file), each with a file name of its own. */
function assignSlugs(items: Array<{ slug: string; name: string; file: string }>): void {
  items.sort((a, b) => compareText(a.name, b.name) || compareText(a.file, b.file));
  const taken = new Set<string>();
  for (const item of items) {
    const base = slug(item.name);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    item.slug = candidate;
  }
}

export function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const actionsByName = new WeakMap<Catalog, Map<string, CatalogAction[]>>();

/** The catalog's action a flow's data-action node calls: by name, and by category when names repeat. */
export function actionCalled(catalog: Catalog, node: FlowNode): CatalogAction | undefined {
  if (!node.calls) return undefined;
  let byName = actionsByName.get(catalog);
  if (!byName) {
    byName = new Map();
    for (const action of catalog.actions) byName.set(action.name, [...(byName.get(action.name) ?? []), action]);
    actionsByName.set(catalog, byName);
  }
  const named = byName.get(node.calls.name) ?? [];
  if (named.length <= 1) return named[0];
  return named.find((a) => a.category === node.calls!.category) ?? named[0];
}

export function exportText(action: CatalogAction): string | undefined {
  return action.artifact ? serializeExport(action.artifact) : undefined;
}
