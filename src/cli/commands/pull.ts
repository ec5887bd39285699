import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specToYaml } from '../../decompile/spec-yaml.js';
import { ExitCode } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { asUserError, connectFromEnv } from '../../orgs/cli-support.js';
import { readLiveOrg } from '../../orgs/live-actions.js';
import { requireProfile } from '../../orgs/load-profiles.js';
import { loadProject } from '../../project/load-project.js';
import { pullActions } from '../../pull/pull-actions.js';
import { readOrgState, stateFileOf, writeOrgState } from '../../orgs/org-state.js';
import type { CliIo } from '../io.js';

export interface PullCommandOptions {
  org: string;
  out: string;
  definitions: string;
  filter?: string;
  force?: boolean;
  lift?: boolean;
}

const actionSchema = fileURLToPath(new URL('../../../schemas/action.schema.json', import.meta.url));

export async function runPull(options: PullCommandOptions, io: CliIo): Promise<number> {
  const profile = await requireProfile(resolve(io.cwd, options.definitions), options.org);
  const outDir = resolve(io.cwd, options.out);
  const live = await asUserError(() => readLiveOrg(connectFromEnv(io.env)(profile)));
  const existing = (await exists(outDir)) ? (await loadProject(outDir, { org: profile })).actions : [];
  const result = pullActions(live, {
    profile,
    existing,
    ...(options.filter === undefined ? {} : { filter: options.filter }),
    force: options.force === true,
    lift: options.lift === true,
  });

  const definitionsDir = resolve(io.cwd, options.definitions);
  const out = relative(io.cwd, outDir) || '.';
  const fileOf = (pulled: (typeof result.pulled)[number]) => pulled.existingFile ?? join(outDir, pulled.fileName);
  for (const pulled of result.pulled) {
    const target = relative(io.cwd, fileOf(pulled)).split('\\').join('/');
    if (pulled.status === 'created' || pulled.status === 'updated') {
        writeFileAtomic(fileOf(pulled), specToYaml(pulled.spec, relative(dirname(fileOf(pulled)), actionSchema).split('\\').join('/')));
    }
    const line =
      pulled.status === 'differs'
        ? `${pulled.action}: ${target} defines it differently; not overwritten (use --force, or compare with dactl diff)`
        : `${pulled.action}: ${pulled.status} ${target}`;
    io.stdout(`${line}${pulled.notes.map((note) => `; ${note}`).join('')}\n`);
  }
  for (const skipped of result.skipped) io.stdout(`skipped ${skipped.category}/${skipped.name}: ${skipped.reason}\n`);
  const state = new Map((await readOrgState(definitionsDir, profile.name)).map((entry) => [entry.file, entry]));
  for (const pulled of result.pulled) {
    const file = stateFileOf(definitionsDir, fileOf(pulled));
    state.set(file, { id: pulled.id, file, name: pulled.spec.name, category: pulled.category ?? '' });
  }
  writeOrgState(definitionsDir, profile.name, [...state.values()]);

  const count = (status: string) => result.pulled.filter((p) => p.status === status).length;
  const parts = [`${count('created')} created`, `${count('updated')} updated`, `${count('unchanged')} unchanged`];
  if (count('differs')) parts.push(`${count('differs')} not overwritten`);
  parts.push(`${result.skipped.length} skipped`);
  if (result.filteredOut) parts.push(`${result.filteredOut} not matching --filter`);
  io.stdout(`pulled ${result.pulled.length} action${result.pulled.length === 1 ? '' : 's'} from org "${profile.name}" into ${out}/: ${parts.join(', ')}\n`);
  return count('differs') ? ExitCode.findings : ExitCode.ok;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
