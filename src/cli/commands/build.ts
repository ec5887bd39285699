import { join, relative, resolve } from 'node:path';
import { buildProject } from '../../output/build-project.js';
import { ExitCode, UserError } from '../../diagnostics/index.js';
import { formatCompact } from '../../formatters/compact.js';
import { ignoreGlobs, loadLintConfig, withFolderConfigs } from '../../lint/config.js';
import { discoverDefinitions } from '../../project/discover.js';
import type { CliIo } from '../io.js';
import { watchLoop } from '../watch-loop.js';

export interface BuildCommandOptions {
  out: string;
  check?: boolean;
  org?: string;
  templates?: string;
  strict?: boolean;
  watch?: boolean;
}

export async function runBuild(definitions: string, options: BuildCommandOptions, io: CliIo): Promise<number> {
  if (!options.watch) return buildOnce(definitions, options, io);
  if (options.check) throw new UserError('--watch writes out/ on each change; it cannot be used with --check');
  await buildOnce(definitions, options, io);
  // The build cache recompiles only the changed definitions; the summary is the build's one line.
  return watchLoop([resolve(io.cwd, definitions)], io, async (_, quiet) => {
    let summary = '';
    await buildOnce(definitions, options, { ...quiet, stdout: (text) => (summary += text), stderr: (text) => (/ was not changed\n$/.test(text) ? (summary += text) : io.stderr(text)) });
    return summary.trim();
  });
}

async function buildOnce(definitions: string, options: BuildCommandOptions, io: CliIo): Promise<number> {
  const definitionsDir = resolve(io.cwd, definitions);
  const outDir = resolve(io.cwd, options.out);
  const project = await loadLintConfig(io.cwd);
  // The build lints with each definition's folder configurations too, as dactl lint does.
  const discovery = await discoverDefinitions(definitionsDir, ignoreGlobs(project.config)).catch(() => undefined);
  const folders = await withFolderConfigs(project.config, discovery?.definitions.map((d) => d.file) ?? [], false);
  const lint = { config: folders.config, diagnostics: [...project.diagnostics, ...folders.diagnostics] };
  if (lint.diagnostics.length) io.stderr(formatCompact(lint.diagnostics, io.cwd));
  if (lint.diagnostics.some((d) => d.severity === 'error')) return ExitCode.usage;
  const result = await buildProject({
    lint: lint.config,
    strict: options.strict === true,
    definitionsDir,
    outDir,
    check: options.check === true,
    ...(options.org === undefined ? {} : { org: options.org }),
    ...(options.templates === undefined ? {} : { templatesDir: resolve(io.cwd, options.templates) }),
  });
  if (result.diagnostics.length) io.stderr(formatCompact(result.diagnostics, io.cwd));
  const out = join(relative(io.cwd, outDir) || '.', options.org ?? '').replace(/\/$/, '');
  const actions = result.project.actions.length;
  switch (result.outcome) {
    case 'not-written': {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`${errors} error${errors === 1 ? '' : 's'}; ${out}/ was not changed\n`);
      return ExitCode.findings;
    }
    case 'stale':
      for (const d of result.differences) io.stderr(`${out}/${d.path}: ${staleReason[d.kind]}\n`);
      io.stderr(`${out}/ is not what the definitions compile to; run \`dactl build\` and commit the result\n`);
      return ExitCode.findings;
    case 'up-to-date':
      io.stdout(`${out}/ is up to date (${actions} action${actions === 1 ? '' : 's'})\n`);
      return ExitCode.ok;
    case 'written':
      io.stdout(`built ${actions} action${actions === 1 ? '' : 's'} into ${out}/ (${result.differences.length} file${result.differences.length === 1 ? '' : 's'} changed)\n`);
      return ExitCode.ok;
  }
}

const staleReason = { missing: 'missing', changed: 'out of date', extra: 'no longer produced by any definition' };
