import { resolve } from 'node:path';
import { ExitCode, hasErrors } from '../../diagnostics/index.js';
import { formatCompact } from '../../formatters/compact.js';
import { asUserError, connectFromEnv } from '../../orgs/cli-support.js';
import { readLiveOrg } from '../../orgs/live-actions.js';
import { requireProfile } from '../../orgs/load-profiles.js';
import { loadProject } from '../../project/load-project.js';
import { applyPush, type StepResult } from '../../push/apply-push.js';
import { needsConfirmation, planPush, type PlanKind, type PushPlan } from '../../push/plan-push.js';
import type { CliIo } from '../io.js';

export interface PushCommandOptions {
  org: string;
  definitions: string;
  dryRun?: boolean;
  yes?: boolean;
  prune?: boolean;
}

export async function runPush(options: PushCommandOptions, io: CliIo): Promise<number> {
  const definitionsDir = resolve(io.cwd, options.definitions);
  const profile = await requireProfile(definitionsDir, options.org);
  const project = await loadProject(definitionsDir, { org: profile });
  if (project.diagnostics.length) io.stderr(formatCompact(project.diagnostics, io.cwd));
  if (hasErrors(project.diagnostics)) {
    io.stderr(`dactl: the definitions have errors; nothing was pushed to org "${profile.name}"\n`);
    return ExitCode.findings;
  }
  const client = connectFromEnv(io.env)(profile);
  const live = await asUserError(() => readLiveOrg(client));
  const plan = planPush(project.actions, live, { profile, prune: options.prune === true });
  io.stdout(describePlan(plan, profile.name));
  if (plan.problems.length) {
    for (const problem of plan.problems) io.stderr(`dactl: ${problem}\n`);
    io.stderr(`dactl: nothing was pushed to org "${profile.name}"\n`);
    return ExitCode.usage;
  }
  if (options.dryRun) return ExitCode.ok;
  const destructive = needsConfirmation(plan);
  if (destructive.length && options.yes !== true) {
    const what = destructive.map((step) => `${step.kind} ${step.action}`).join(', ');
    io.stderr(
      `dactl: ${what}: flows that call ${destructive.length === 1 ? 'this action' : 'these actions'} break (a new or no action id); nothing was pushed; re-run with --yes to go ahead\n`,
    );
    return ExitCode.usage;
  }
  const total = plan.steps.filter((s) => isWork(s.kind)).length;
  if (total === 0) {
    io.stdout(`org "${profile.name}" is up to date\n`);
    return ExitCode.ok;
  }
  const progress = io.isTTY ? progressBar(io) : (result: StepResult) => io.stdout(`${resultLine(result)}\n`);
  const applied = await applyPush(client, plan, { onStepDone: progress });
  if (io.isTTY) io.stderr('\n');
  return report(applied.results, applied.abortedBecause, profile.name, io);
}

const isWork = (kind: PlanKind) => kind === 'create' || kind === 'update' || kind === 'replace' || kind === 'delete';

const planMarks: Record<PlanKind, string> = { create: '+', update: '~', replace: '!', delete: '-', keep: '=', unchanged: ' ' };

export function describePlan(plan: PushPlan, org: string): string {
  const count = (kind: PlanKind) => plan.steps.filter((s) => s.kind === kind).length;
  const lines = [
    `plan for org "${org}": ${count('create')} to create, ${count('update')} to update in place, ${count('replace')} to replace with a new id, ${count('delete')} to delete, ${count('unchanged')} unchanged`,
  ];
  for (const step of plan.steps) {
    if (step.kind === 'unchanged') continue;
    const fields = step.fields.length ? `  (${step.fields.map((f) => f.field).join(', ')})` : '';
    const why =
      step.kind === 'replace'
        ? '  new id: flows that call it must be re-pointed'
        : step.reason !== undefined
          ? `  ${step.reason}`
          : step.resumeDraftId !== undefined
            ? '  finishing the draft an earlier push left'
            : '';
    lines.push(`  ${planMarks[step.kind]} ${step.kind.padEnd(7)} ${step.action}${fields}${why}`);
  }
  return lines.join('\n') + '\n';
}

function resultLine(result: StepResult): string {
  const { step } = result;
  switch (result.outcome) {
    case 'published':
      return result.oldKept
        ? `published ${step.action} (${step.kind}) as ${result.newId}, but the old action ${step.live?.action.id} was not deleted: ${result.error}`
        : `published ${step.action} (${step.kind})`;
    case 'deleted':
      return `deleted ${step.action}`;
    case 'failed':
      return `failed ${step.action} (${step.kind}): ${result.error}`;
    case 'not-attempted':
      return `not attempted ${step.action} (${step.kind})`;
  }
}

function progressBar(io: CliIo): (result: StepResult, done: number, total: number) => void {
  const width = 30;
  return (result, done, total) => {
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${result.step.action.slice(0, 40).padEnd(40)}`);
  };
}

function report(results: StepResult[], abortedBecause: string | undefined, org: string, io: CliIo): number {
  const done = results.filter((r) => r.outcome === 'published' || r.outcome === 'deleted');
  const notDone = results.filter((r) => r.outcome === 'failed' || r.outcome === 'not-attempted');
  const partial = results.filter((r) => r.oldKept);
  if (io.isTTY) for (const result of results) if (result.outcome !== 'published' || result.oldKept) io.stderr(`${resultLine(result)}\n`);
  const summary = `pushed to org "${org}": ${done.length} of ${results.length} change${results.length === 1 ? '' : 's'} applied`;
  if (notDone.length === 0 && partial.length === 0) {
    io.stdout(`${summary}\n`);
    return ExitCode.ok;
  }
  io.stderr(`${summary}; not applied: ${notDone.map((r) => r.step.action).join(', ') || 'none'}\n`);
  if (abortedBecause !== undefined) {
    io.stderr(`dactl: stopped: ${abortedBecause}\n`);
    return ExitCode.usage;
  }
  io.stderr('dactl: re-run the same push to finish; it picks up where this one stopped\n');
  return ExitCode.findings;
}
