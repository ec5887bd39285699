import { isUsageProblem } from '../../diagnostics/registry.js';
import { basename, relative, resolve } from 'node:path';
import { ExitCode } from '../../diagnostics/index.js';
import { buildSite } from '../../catalog/build-site.js';
import { collectCatalog } from '../../catalog/catalog-model.js';
import { formatCompact } from '../../formatters/compact.js';
import { loadLintConfig } from '../../lint/config.js';
import { compareTrees, readTree } from '../../output/output-tree.js';
import { replaceTree } from '../../output/replace-tree.js';
import type { CliIo } from '../io.js';

export interface CatalogCommandOptions {
  out: string;
  title?: string;
  config?: string;
}

export async function runCatalog(paths: string[], options: CatalogCommandOptions, io: CliIo): Promise<number> {
  const lint = await loadLintConfig(io.cwd, options.config);
  if (lint.diagnostics.length) io.stderr(formatCompact(lint.diagnostics, io.cwd));
  if (lint.diagnostics.some((d) => d.severity === 'error')) return ExitCode.usage;
  const inputs = paths.map((path) => resolve(io.cwd, path));
  const catalog = await collectCatalog(inputs, io.cwd, lint.config);
  if (catalog.diagnostics.length) io.stderr(formatCompact(catalog.diagnostics, io.cwd));
  if (catalog.diagnostics.some((d) => isUsageProblem(d.ruleId))) {
    io.stderr('dactl: nothing was written: give definitions folders, export JSON files or Archy flow files that exist\n');
    return ExitCode.usage;
  }
  const title = options.title ?? `${paths.map((p) => basename(resolve(io.cwd, p))).join(', ')}: actions and flows`;
  const outDir = resolve(io.cwd, options.out);
  const site = await buildSite(catalog, title);
  await replaceTree(outDir, site, compareTrees(site, await readTree(outDir)));
  const where = relative(io.cwd, outDir) || '.';
  io.stdout(`wrote ${catalog.actions.length} action${catalog.actions.length === 1 ? '' : 's'} and ${catalog.flows.length} flow${catalog.flows.length === 1 ? '' : 's'} to ${where}/index.html\n`);
  return ExitCode.ok;
}
