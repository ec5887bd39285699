import { relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../../diagnostics/index.js';
import { asUserError, connectFromEnv } from '../../orgs/cli-support.js';
import { requireProfile } from '../../orgs/load-profiles.js';
import { runRemoteTests, type RemoteTestResult } from '../../simulate/remote-tests.js';
import { loadProject } from '../../project/load-project.js';
import { painter, type Paint, type Style } from '../../formatters/paint.js';
import type { TestFormat } from '../choices.js';
import { colourEnabled } from '../colour.js';
import type { CliIo } from '../io.js';

export interface RemoteTestCommandOptions {
  org?: string;
  definitions: string;
  format?: TestFormat;
}

const marks = { agree: '=', disagree: '≠', 'not-in-org': '?' } as const;
const markStyles = { agree: 'green', disagree: 'red', 'not-in-org': 'yellow' } as const satisfies Record<RemoteTestResult['outcome'], Style>;

/** `dactl test --remote --org <profile>`: the platform's own test endpoint against the local simulation. */
export async function runRemoteTest(paths: string[], options: RemoteTestCommandOptions, io: CliIo): Promise<number> {
  if (!options.org) throw new UserError('--remote needs --org <profile>: the org whose test endpoint to use');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--remote supports the formats text and json, not "${format}"`);
  const profile = await requireProfile(resolve(io.cwd, options.definitions), options.org);
  const actions = (await Promise.all(paths.map((p) => loadProject(resolve(io.cwd, p), { org: profile })))).flatMap((p) => p.actions);
  const results = await asUserError(() => runRemoteTests(actions, connectFromEnv(io.env)(profile), profile));
  if (format === 'json') io.stdout(`${JSON.stringify({ results: results.map((r) => ({ ...r, file: relative(io.cwd, r.file) })) }, null, 2)}\n`);
  else io.stdout(textReport(results, profile.name, painter(colourEnabled(io))));
  return results.every((r) => r.outcome === 'agree') ? ExitCode.ok : ExitCode.findings;
}

function textReport(results: RemoteTestResult[], org: string, paint: Paint): string {
  const lines = results.flatMap((r) => [`${paint(markStyles[r.outcome], marks[r.outcome])} ${r.action} › ${r.test}`, ...r.notes.map((note) => `    ${note}`)]);
  const count = (outcome: RemoteTestResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  lines.push('', `org "${org}": ${results.length} tests, ${count('agree')} agree, ${count('disagree')} disagree, ${count('not-in-org')} not in the org`);
  return `${lines.join('\n')}\n`;
}
