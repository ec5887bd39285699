import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { archyActionCatalog } from '../project/archy-action-catalog.js';
import { archyRuleSeverity } from '../flow/archy/archy-rules.js';
import type { ArchyActionCatalog } from '../flow/archy/check-call-data.js';
import { checkArchyText } from '../project/load-archy-flows.js';
import { loadProfiles } from '../orgs/load-profiles.js';
import { discoverDefinitions } from '../project/discover.js';
import { loadAction } from '../project/load-project.js';
import { fileConcurrency, mapBounded } from '../project/map-bounded.js';
import type { LintConfig, RuleSetting } from './config.js';
import { matchesGlob } from '../project/glob.js';

/** Checks an Archy flow's text and applies the config's settings for the `archy-*` rules (off, warn, error). */
export function lintArchyText(file: string, text: string, config: LintConfig, catalog: ArchyActionCatalog | undefined): Diagnostic[] {
  const external = archySetting(config, file, 'archy-calldata-external');
  const checked = checkArchyText(file, text, { ...(catalog ? { catalog } : {}), externalAction: external });
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of checked?.diagnostics ?? []) {
    if (!archyRuleSeverity.has(diagnostic.ruleId)) {
      diagnostics.push(diagnostic);
      continue;
    }
    const setting = archySetting(config, file, diagnostic.ruleId);
    if (setting !== 'off') diagnostics.push({ ...diagnostic, severity: setting });
  }
  return diagnostics;
}

function archySetting(config: LintConfig, file: string, id: string): RuleSetting {
  let setting: RuleSetting = archyRuleSeverity.get(id) ?? 'error';
  if (config.rules[id]) setting = config.rules[id];
  const path = relative(config.root, file);
  for (const override of config.overrides) {
    if (override.rules[id] && override.files.some((glob) => matchesGlob(path, glob))) setting = override.rules[id];
  }
  return setting;
}

/**
 * The actions a linted flow's callData resolve against: those of the definitions folder the flow lives in
 * (the nearest ancestor named `definitions`, or one holding `actions/`), with its org profiles.
 */
export async function catalogFor(file: string, cache: Map<string, Promise<ArchyActionCatalog | undefined>>): Promise<ArchyActionCatalog | undefined> {
  const root = await definitionsRoot(file);
  if (!root) return undefined;
  let catalog = cache.get(root);
  if (!catalog) {
    catalog = loadCatalog(root);
    cache.set(root, catalog);
  }
  return catalog;
}

async function loadCatalog(root: string): Promise<ArchyActionCatalog | undefined> {
  try {
    const discovery = await discoverDefinitions(root);
    const actions = await mapBounded(discovery.definitions.filter((d) => d.kind === 'action'), fileConcurrency, (d) => loadAction(d.file));
    const orgs = await loadProfiles(root);
    return archyActionCatalog(actions, orgs.profiles);
  } catch {
    return undefined;
  }
}

async function definitionsRoot(file: string): Promise<string | undefined> {
  const parts = resolve(file).split(sep);
  const named = parts.lastIndexOf('definitions');
  if (named > 0) return parts.slice(0, named + 1).join(sep);
  for (let dir = dirname(resolve(file)); dir !== dirname(dir); dir = dirname(dir)) {
    if (await stat(join(dir, 'actions')).then((s) => s.isDirectory(), () => false)) return dir;
  }
  return undefined;
}


