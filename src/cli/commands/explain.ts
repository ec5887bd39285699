import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode, hasErrors, UserError, type Diagnostic } from '../../diagnostics/index.js';
import type { DataActionExport } from '../../export/data-action-export.js';
import { explainAction, renderTree } from '../../explain/explain-action.js';
import { formatCompact } from '../../formatters/compact.js';
import { readExport } from '../../decompile/import-exports.js';
import { loadAction, loadProject } from '../../project/load-project.js';
import type { CliIo } from '../io.js';

export interface ExplainCommandOptions {
  definitions: string;
}

export async function runExplain(target: string, options: ExplainCommandOptions, io: CliIo): Promise<number> {
  const diagnostics: Diagnostic[] = [];
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
