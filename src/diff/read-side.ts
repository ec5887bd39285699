import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readExport } from '../decompile/import-exports.js';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { liveActionToExport, readLiveOrg, type SkippedAction } from '../orgs/live-actions.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { PlatformClient } from '../platform/client.js';
import { discoverDefinitions } from '../project/discover.js';
import { findFiles } from '../project/find-files.js';
import { loadAction, loadProject } from '../project/load-project.js';
import type { ProjectAction } from '../project/model.js';
import { schemaValidator } from '../spec/validators.js';
import { comparableFromExport, type ComparableAction } from './comparable-action.js';
import { fileConcurrency, mapBounded } from '../project/map-bounded.js';

export interface DiffSide {
  /** How the side is named in output: the argument as given. */
  label: string;
  actions: ComparableAction[];
  /** Problems reading it; any error makes the comparison incomplete. */
  diagnostics: Diagnostic[];
  /** Live actions left out of the comparison, and why. */
  skipped: SkippedAction[];
}

export interface SideContext {
  cwd: string;
  /** Profile for a definitions side (compile with its values and categories). */
  org: OrgProfile | undefined;
  /** Resolves `org:<name>`. */
  profile: (name: string) => Promise<OrgProfile>;
  connect: (profile: OrgProfile) => PlatformClient;
}

export const orgSidePrefix = 'org:';

/** One side of `dactl diff`: `org:<profile>`, a definitions folder, an out/ folder, or export JSON files. */
export async function readSide(argument: string, context: SideContext): Promise<DiffSide> {
  if (argument.startsWith(orgSidePrefix)) {
    return readOrgSide(argument, await context.profile(argument.slice(orgSidePrefix.length)), context);
  }
  const path = resolve(context.cwd, argument);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UserError(`${argument} does not exist (expected a definitions folder, an out/ folder, an export JSON file or org:<profile>)`);
  const side: DiffSide = { label: argument, actions: [], diagnostics: [], skipped: [] };
  if (info.isDirectory()) {
    const discovery = await discoverDefinitions(path);
    if (discovery.definitions.length > 0) {
      const project = await loadProject(path, context.org ? { org: context.org } : {});
      side.diagnostics.push(...project.diagnostics);
      side.actions = project.actions.flatMap((action) => comparableFromSpec(action));
      return side;
    }
    const actionsDir = join(path, 'actions');
    const isOutFolder = await stat(actionsDir).then((s) => s.isDirectory(), () => false);
    const files = await jsonFiles(isOutFolder ? actionsDir : path);
    side.actions = await readExports(files, side.diagnostics);
    return side;
  }
  if (/\.ya?ml$/i.test(path)) {
    const action = await loadAction(path, context.org);
    side.diagnostics.push(...action.diagnostics);
    side.actions = comparableFromSpec(action);
    return side;
  }
  side.actions = await readExports([path], side.diagnostics);
  return side;
}

function comparableFromSpec(action: ProjectAction): ComparableAction[] {
  if (!action.artifact || !action.spec) return [];
  return [
    comparableFromExport(action.artifact, action.file, {
      category: action.spec.category,
      timeoutSeconds: action.spec.timeoutSeconds ?? null,
    }),
  ];
}

async function readOrgSide(label: string, profile: OrgProfile, context: SideContext): Promise<DiffSide> {
  const live = await readLiveOrg(context.connect(profile));
  const side: DiffSide = { label, actions: [], diagnostics: [], skipped: [...live.skipped] };
  for (const action of live.actions) {
    const exported = liveActionToExport(action);
    if (!exported) {
      side.skipped.push({
        id: action.action.id,
        name: action.action.name,
        category: action.action.category,
        reason: action.integrationType === undefined ? 'its integration is not visible to this OAuth client' : 'the API returned it without config or contract',
      });
      continue;
    }
    const comparable = comparableFromExport(exported, `${label} ${action.action.id}`, {
      category: action.action.category,
      timeoutSeconds: action.action.config?.timeoutSeconds ?? null,
    });
    comparable.id = action.action.id;
    side.actions.push(comparable);
  }
  return side;
}

/** Export files, parsed fast; one that fails is re-read with positions to say which file and why. */
async function readExports(files: readonly string[], diagnostics: Diagnostic[]): Promise<ComparableAction[]> {
  const validate = schemaValidator('data-action-export');
  const read = await mapBounded(
    files,
    fileConcurrency,
    async (file): Promise<ComparableAction | Diagnostic[]> => {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        value = undefined;
      }
      const api = value === undefined ? undefined : fromApiShape(value);
      if (api && validate(api.exported)) {
        const comparable = comparableFromExport(api.exported, file, { category: api.category });
        if (!api.knowsIntegrationType) comparable.integrationType = undefined;
        comparable.fromExportFile = true;
        return comparable;
      }
      const found: Diagnostic[] = [];
      const exported = await readExport(file, found);
      return exported ? { ...comparableFromExport(exported, file), fromExportFile: true } : found;
    },
  );
  const actions: ComparableAction[] = [];
  for (const item of read) {
    if (Array.isArray(item)) diagnostics.push(...item);
    else actions.push(item);
  }
  return actions;
}

const platformOnlyKeys = ['id', 'version', 'selfUri', 'integrationId', 'category'];

/**
 * Exports as the UI writes them, and also actions as the Platform API returns them (saved from a GET): their ids,
 * versions and selfUris are dropped, and their category kept.
 */
function fromApiShape(value: unknown): { exported: DataActionExport; category: string | undefined; knowsIntegrationType: boolean } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const category = typeof record.category === 'string' ? record.category : undefined;
  const isApiAction = 'integrationId' in record && !('integrationType' in record);
  for (const key of platformOnlyKeys) delete record[key];
  if (isApiAction) {
    record.integrationType = 'unknown';
    record.actionType = 'custom';
    record.secure = record.secure === true;
  }
  return { exported: record as unknown as DataActionExport, category, knowsIntegrationType: !isApiAction };
}

async function jsonFiles(dir: string): Promise<string[]> {
  const found = await findFiles([dir], { cwd: dir, wanted: (path) => path.toLowerCase().endsWith('.json') });
  if (found.unmatched.length) throw new UserError(`${dir} holds no export JSON file to compare`);
  return found.files.sort();
}

export function describeOrigin(origin: string, cwd: string): string {
  return origin.startsWith(orgSidePrefix) ? origin : relative(cwd, origin) || origin;
}
