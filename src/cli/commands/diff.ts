import { resolve } from 'node:path';
import { ExitCode, hasErrors } from '../../diagnostics/index.js';
import { diffActions } from '../../diff/diff-actions.js';
import { formatDiffHtml } from '../../diff/format-html.js';
import { formatDiffJson } from '../../diff/format-json.js';
import { formatDiffMarkdown } from '../../diff/format-markdown.js';
import { formatDiffTree } from '../../diff/format-tree.js';
import { describeOrigin, orgSidePrefix, readSide, type DiffSide } from '../../diff/read-side.js';
import { formatCompact } from '../../formatters/compact.js';
import { asUserError, connectFromEnv } from '../../orgs/cli-support.js';
import { requireProfile } from '../../orgs/load-profiles.js';
import type { OrgProfile } from '../../orgs/org-profile.js';
import { painter } from '../../formatters/paint.js';
import type { DiffFormat } from '../choices.js';
import { colourEnabled } from '../colour.js';
import type { CliIo } from '../io.js';

export interface DiffCommandOptions {
  definitions: string;
  leftOrg?: string;
  rightOrg?: string;
  format: DiffFormat;
}

export async function runDiff(left: string, right: string, options: DiffCommandOptions, io: CliIo): Promise<number> {
  const definitionsDir = resolve(io.cwd, options.definitions);
  const profile = (name: string) => requireProfile(definitionsDir, name);
  const connect = connectFromEnv(io.env);
  // Definitions compared with a live org compile for that org unless told otherwise.
  const orgOf = (side: string) => (side.startsWith(orgSidePrefix) ? side.slice(orgSidePrefix.length) : undefined);
  const leftOrgName = options.leftOrg ?? orgOf(right);
  const rightOrgName = options.rightOrg ?? orgOf(left);
  const sideOrg = async (name: string | undefined): Promise<OrgProfile | undefined> => (name === undefined ? undefined : profile(name));

  const [leftSide, rightSide] = await asUserError(async () => {
    const [leftOrg, rightOrg] = await Promise.all([sideOrg(leftOrgName), sideOrg(rightOrgName)]);
    return Promise.all([
      readSide(left, { cwd: io.cwd, org: leftOrg, profile, connect }),
      readSide(right, { cwd: io.cwd, org: rightOrg, profile, connect }),
    ]);
  });
  const diagnostics = [...leftSide.diagnostics, ...rightSide.diagnostics];
  if (diagnostics.length) io.stderr(formatCompact(diagnostics, io.cwd));
  for (const side of [leftSide, rightSide]) reportSkipped(side, io);

  const result = diffActions(leftSide.actions, rightSide.actions);
  for (const ambiguity of result.ambiguities) {
    const where = [...ambiguity.left, ...ambiguity.right].map((a) => describeOrigin(a.origin, io.cwd)).join(', ');
    io.stderr(`dactl: "${ambiguity.name}" names more than one action and categories cannot tell them apart (${where}); not compared\n`);
  }
  if (result.suffixIgnored.length) {
    io.stderr(`dactl: compared without the " - Exported …" suffix, which export files on both sides carry: ${result.suffixIgnored.join(', ')}\n`);
  }
  const title = `${left} → ${right}`;
  if (options.format === 'json') io.stdout(formatDiffJson(result));
  else if (options.format === 'markdown') io.stdout(formatDiffMarkdown(result, title));
  else if (options.format === 'html') io.stdout(formatDiffHtml(result, title));
  else io.stdout(formatDiffTree(result, title, painter(colourEnabled(io))));

  if (hasErrors(diagnostics)) {
    io.stderr('dactl: the comparison is incomplete: the files above could not be read as actions\n');
    return ExitCode.usage;
  }
  if (result.ambiguities.length) return ExitCode.usage;
  return result.changes.length ? ExitCode.findings : ExitCode.ok;
}

function reportSkipped(side: DiffSide, io: CliIo): void {
  for (const skipped of side.skipped) io.stderr(`${side.label}: skipped ${skipped.category}/${skipped.name}: ${skipped.reason}\n`);
}
