import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareDiagnostics, ExitCode, hasErrors, UserError, type Diagnostic } from '../../diagnostics/index.js';
import type { DataActionExport } from '../../export/data-action-export.js';
import { explainAction, renderTree } from '../../explain/explain-action.js';
import { formatCompact } from '../../formatters/compact.js';
import { readExport } from '../../decompile/import-exports.js';
import { loadAction, loadProject } from '../../project/load-project.js';
import { explainFlow } from '../../flow/explain-flow.js';
import { flowCatalog, loadFlows } from '../../project/load-flows.js';
import { checkArchy } from '../../flow/archy/check-archy.js';
import { explainArchy } from '../../flow/archy/explain-archy.js';
import { checkArchyText, readIfArchy } from '../../project/load-archy-flows.js';
import { catalogFor } from '../../lint/lint-archy.js';
import type { CliIo } from '../io.js';

export interface ExplainCommandOptions {
  definitions: string;
}

export async function runExplain(target: string, options: ExplainCommandOptions, io: CliIo): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  const archy = await explainArchyFile(resolve(io.cwd, target), diagnostics);
  if (archy !== undefined) {
    if (diagnostics.length) io.stderr(formatCompact(diagnostics, io.cwd));
    if (archy === null) return ExitCode.findings;
    io.stdout(renderTree(archy));
    return ExitCode.ok;
  }
  const flow = await resolveFlow(target, options, io, diagnostics);
  if (flow !== undefined) {
    if (diagnostics.length) io.stderr(formatCompact(diagnostics, io.cwd));
    if (flow === null) return ExitCode.findings;
    io.stdout(renderTree(flow));
    return ExitCode.ok;
  }
  const found = await resolveAction(target, options, io, diagnostics);
  if (diagnostics.length) io.stderr(formatCompact(diagnostics, io.cwd));
  if (!found) return hasErrors(diagnostics) ? ExitCode.findings : ExitCode.usage;
  io.stdout(renderTree(explainAction(found.artifact, found.extra)));
  return ExitCode.ok;
}

async function resolveAction(
  target: string,
  options: ExplainCommandOptions,
  io: CliIo,
  diagnostics: Diagnostic[],
): Promise<{ artifact: DataActionExport; extra: { category?: string; description?: string } } | undefined> {
  const path = resolve(io.cwd, target);
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  if (isFile && path.toLowerCase().endsWith('.json')) {
    const artifact = await readExport(path, diagnostics);
    return artifact && { artifact, extra: {} };
  }
  if (isFile) {
    const action = await loadAction(path);
    diagnostics.push(...action.diagnostics);
    return action.artifact && { artifact: action.artifact, extra: extraOf(action.spec) };
  }
  const project = await loadProject(resolve(io.cwd, options.definitions));
  const matches = project.actions.filter((a) => a.spec?.name === target || a.spec?.name.toLowerCase() === target.toLowerCase());
  if (matches.length === 0) {
    const names = project.actions.flatMap((a) => (a.spec ? [a.spec.name] : []));
    throw new UserError(`no action named "${target}" in ${options.definitions}/ and no such file${names.length ? `; actions: ${names.join(', ')}` : ''}`);
  }
  const action = matches[0]!;
  diagnostics.push(...action.diagnostics);
  return action.artifact && { artifact: action.artifact, extra: extraOf(action.spec) };
}

function extraOf(spec: { category?: string; description?: string } | undefined): { category?: string; description?: string } {
  const extra: { category?: string; description?: string } = {};
  if (spec?.category) extra.category = spec.category;
  if (spec?.description) extra.description = spec.description;
  return extra;
}

/** An Archy flow file as a tree, its callData resolved against the definitions it lives in; undefined when it is not one. */
async function explainArchyFile(path: string, diagnostics: Diagnostic[]): Promise<ReturnType<typeof explainArchy> | null | undefined> {
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  if (!isFile || path.toLowerCase().endsWith('.json')) return undefined;
  const text = readIfArchy(path);
  if (text === undefined) return undefined;
  const catalog = await catalogFor(path, new Map());
  const checked = checkArchyText(path, text, catalog ? { catalog } : {});
  if (!checked) return undefined;
  diagnostics.push(...[...checked.diagnostics].sort(compareDiagnostics));
  if (!checked.document.flow) return null;
  const findings = checkArchy(checked.document, catalog ? { catalog } : {});
  return explainArchy(checked.document, findings, catalog);
}

/** A `*.flow.yaml` file or the name of a flow in the definitions (actions win a name clash); undefined otherwise. */
async function resolveFlow(
  target: string,
  options: ExplainCommandOptions,
  io: CliIo,
  diagnostics: Diagnostic[],
): Promise<ReturnType<typeof explainFlow> | null | undefined> {
  const path = resolve(io.cwd, target);
  const isFlowFile = /\.flow\.ya?ml$/i.test(path) && (await stat(path).then((s) => s.isFile(), () => false));
  if (!isFlowFile && (await stat(path).then(() => true, () => false))) return undefined;
  const definitions = resolve(io.cwd, options.definitions);
  const hasDefinitions = await stat(definitions).then((s) => s.isDirectory(), () => false);
  if (!isFlowFile && !hasDefinitions) return undefined;
  const project = hasDefinitions ? await loadProject(definitions) : undefined;
  const actions = project?.actions ?? [];
  let flow = isFlowFile ? project?.flows.find((f) => f.file === path) : undefined;
  if (isFlowFile && !flow) flow = (await loadFlows([path], actions)).flows[0];
  if (!isFlowFile) {
    const lower = target.toLowerCase();
    if (actions.some((a) => a.spec?.name.toLowerCase() === lower)) return undefined;
    flow = project?.flows.find((f) => f.spec?.name.toLowerCase() === lower);
    if (!flow) return undefined;
  }
  if (!flow) return undefined;
  diagnostics.push(...flow.diagnostics);
  if (!flow.spec) return null;
  return explainFlow(flow.spec, flowCatalog(actions, project?.flows ?? [flow]));
}
