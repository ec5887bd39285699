import { readDefinitionIfSmall } from '../source/read-definition.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction, ProjectArchyFlow } from './model.js';
import { fileConcurrency, mapBounded } from './map-bounded.js';
import { archyActionCatalog } from './archy-action-catalog.js';
import { checkArchy, type ArchyCheckOptions } from '../flow/archy/check-archy.js';
import type { ArchyActionCatalog } from '../flow/archy/check-call-data.js';
import { archyRootKey, readArchy } from '../flow/archy/read-archy.js';


/** Reads a YAML file's text when its first key is an Archy flow type; undefined otherwise (or unreadable). */
export function readIfArchy(file: string): string | undefined {
  const text = readDefinitionIfSmall(file)?.toString('utf8');
  return text !== undefined && archyRootKey(text) ? text : undefined;
}

/** Reads and checks Archy flow files against the project's actions (each org profile's integration names included). */
export async function loadArchyFlows(
  files: ReadonlyArray<{ file: string; text: string }>,
  actions: readonly ProjectAction[],
  orgs: ReadonlyMap<string, OrgProfile>,
  options: Omit<ArchyCheckOptions, 'catalog'> = {},
): Promise<{ flows: ProjectArchyFlow[]; catalog: ArchyActionCatalog }> {
  const catalog = archyActionCatalog(actions, orgs);
  const flows = await mapBounded(files, fileConcurrency, async ({ file, text }) => checkArchyText(file, text, { ...options, catalog }));
  return { flows: flows.filter((f): f is ProjectArchyFlow => f !== undefined), catalog };
}

export function checkArchyText(file: string, text: string, options: ArchyCheckOptions): ProjectArchyFlow | undefined {
  const document = readArchy(file, text);
  if (!document) return undefined;
  const diagnostics = [...document.diagnostics, ...checkArchy(document, options).map((f) => document.source.locate(f))];
  return { file, document, diagnostics };
}
