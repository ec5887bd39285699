import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { ExitCode, hasErrors, UserError } from '../../diagnostics/index.js';
import { formatCompact } from '../../formatters/compact.js';
import { asUserError, connectFromEnv } from '../../orgs/cli-support.js';
import { readLiveOrg } from '../../orgs/live-actions.js';
import { requireProfile } from '../../orgs/load-profiles.js';
import { loadProject } from '../../project/load-project.js';
import { applyPush, type StepResult } from '../../push/apply-push.js';
import { needsConfirmation, planPush, type PlanKind, type PushPlan } from '../../push/plan-push.js';
import { describePlan } from '../../push/describe-plan.js';
import { callersOf, findFlowCallers } from '../../push/flow-callers.js';
import { isSavedPlan, savedPlanMismatch, savePlan, type SavedPlan } from '../../push/saved-plan.js';
import { readOrgState, stateFileOf, writeOrgState, type StateEntry } from '../../orgs/org-state.js';
import { globMatcher } from '../../pull/glob.js';
import { loadLintConfig, type LintConfig } from '../../lint/config.js';
import { lintProjectActions } from '../../lint/lint-project.js';
import { redactCredentials } from '../../platform/redact.js';
import type { ProjectAction } from '../../project/model.js';
import type { CliIo } from '../io.js';

export interface PushCommandOptions {
  org: string;
  definitions: string;
  dryRun?: boolean;
  yes?: boolean;
  prune?: boolean;
  /** Only actions whose name or category/name matches (repeatable). */
  target?: string[];
  /** Save the plan to this file and change nothing. */
  out?: string;
  /** Apply exactly the plan saved in this file. */
  plan?: string;
  allowLintErrors?: boolean;
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
  const saved = options.plan === undefined ? undefined : await readSavedPlan(resolve(io.cwd, options.plan));
  const client = connectFromEnv(io.env)(profile);
  const live = await asUserError(() => readLiveOrg(client));
  const state = await readOrgState(definitionsDir, profile.name);
  const planned = planPush(project.actions, live, { profile, prune: options.prune === true, state, definitionsDir });
  const target = options.target?.length ? options.target : (saved?.target ?? []);
  const plan = target.length ? targeted(planned, target) : planned;
  await addBreakages(plan, definitionsDir);
  io.stdout(describePlan(plan, profile.name));
  for (const disagreement of plan.disagreements) io.stderr(`dactl: ${disagreement}\n`);
  if (plan.problems.length) {
    for (const problem of plan.problems) io.stderr(`dactl: ${problem}\n`);
    io.stderr(`dactl: nothing was pushed to org "${profile.name}"\n`);
    return ExitCode.usage;
  }
  if (options.out !== undefined) {
    const file = resolve(io.cwd, options.out);
    await writeFile(file, redactCredentials(JSON.stringify(savePlan(profile.name, live, plan, definitionsDir, target), null, 2) + '\n'));
    io.stdout(`saved the plan to ${relative(io.cwd, file)}; apply exactly it with dactl push --org ${profile.name} --plan ${relative(io.cwd, file)}\n`);
    return ExitCode.ok;
  }
  if (saved) {
    const mismatch = savedPlanMismatch(saved, profile.name, live, plan, definitionsDir);
    if (mismatch !== undefined) {
      io.stderr(`dactl: ${mismatch}; nothing was pushed; make a new plan with --out\n`);
      return ExitCode.usage;
    }
  }
  if (options.dryRun) return ExitCode.ok;
  if (!options.allowLintErrors && lintBlocks(project.actions, plan, await lintConfigFor(io), io)) {
    io.stderr(`dactl: lint reports errors in actions this push would publish (as build --strict does); nothing was pushed to org "${profile.name}"; fix them, or push with --allow-lint-errors\n`);
    return ExitCode.findings;
  }
  const destructive = needsConfirmation(plan);
  // A saved plan was reviewed when it was made: applying it is the confirmation.
  if ((destructive.length || plan.disagreements.length) && options.yes !== true && !saved) {
    if (destructive.length) {
      const what = destructive.map((step) => `${step.kind} ${step.action}`).join(', ');
      io.stderr(
        `dactl: ${what}: flows that call ${destructive.length === 1 ? 'this action' : 'these actions'} break (a new or no action id); nothing was pushed; re-run with --yes to go ahead\n`,
      );
    } else {
      io.stderr(`dactl: the state file and the org disagree (above); nothing was pushed; re-run with --yes to go ahead\n`);
    }
    return ExitCode.usage;
  }
  const total = plan.steps.filter((s) => isWork(s.kind)).length;
  if (total === 0) {
    writeOrgState(definitionsDir, profile.name, stateAfter(state, plan, [], definitionsDir));
    io.stdout(`org "${profile.name}" is up to date\n`);
    return ExitCode.ok;
  }
  const progress = io.isTTY ? progressBar(io) : (result: StepResult) => io.stdout(`${resultLine(result)}\n`);
  const applied = await applyPush(client, plan, { onStepDone: progress });
  if (io.isTTY) io.stderr('\n');
  writeOrgState(definitionsDir, profile.name, stateAfter(state, plan, applied.results, definitionsDir));
  return report(applied.results, applied.abortedBecause, profile.name, io);
}

const isWork = (kind: PlanKind) => kind === 'create' || kind === 'update' || kind === 'replace' || kind === 'delete';

/** The plan cut down to the steps whose action (`category/name`) or name matches one of the globs. */
function targeted(plan: PushPlan, globs: readonly string[]): PushPlan {
  const matchers = globs.map(globMatcher);
  const matches = (label: string) => {
    const name = label.slice(label.indexOf('/') + 1);
    return matchers.some((m) => m(label) || m(name));
  };
  const steps = plan.steps.filter((step) => matches(step.action));
  return { ...plan, steps, disagreements: plan.disagreements.filter((d) => matches(d.slice(0, d.indexOf(': ')))) };
}

async function addBreakages(plan: PushPlan, definitionsDir: string): Promise<void> {
  const destructive = plan.steps.filter((step) => step.kind === 'replace' || step.kind === 'delete');
  if (destructive.length === 0) return;
  const callers = await findFlowCallers(definitionsDir);
  for (const step of destructive) {
    const { name, category } = step.live!.action;
    const breaks = callersOf(callers, category, name);
    if (breaks.length) step.breaks = breaks;
  }
}

async function lintConfigFor(io: CliIo) {
  const loaded = await loadLintConfig(io.cwd);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) throw new UserError(loaded.diagnostics.map((d) => d.message).join('; '));
  return loaded.config;
}

/** Lint errors in the specs the plan publishes, printed; true when there are any. */
function lintBlocks(actions: readonly ProjectAction[], plan: PushPlan, config: LintConfig, io: CliIo): boolean {
  const published = new Set(plan.steps.filter((s) => s.kind === 'create' || s.kind === 'update' || s.kind === 'replace').map((s) => s.desired!.file));
  const errors = lintProjectActions(actions.filter((a) => published.has(a.file)), config).filter((d) => d.severity === 'error');
  if (errors.length) io.stderr(formatCompact(errors, io.cwd));
  return errors.length > 0;
}

/** The state after the push: each spec with the id it has in the org now; entries of other specs kept. */
function stateAfter(previous: readonly StateEntry[], plan: PushPlan, results: readonly StepResult[], definitionsDir: string): StateEntry[] {
  const byFile = new Map(previous.map((entry) => [entry.file, entry]));
  const resultOf = new Map(results.map((r) => [r.step, r]));
  for (const step of plan.steps) {
    const result = resultOf.get(step);
    if (step.kind === 'delete' || step.kind === 'keep') {
      if (result?.outcome === 'deleted') for (const [file, entry] of byFile) if (entry.id === step.live?.action.id) byFile.delete(file);
      continue;
    }
    const desired = step.desired!;
    const id = result?.newId ?? (step.kind === 'create' ? undefined : step.live?.action.id);
    if (id === undefined) continue;
    const file = stateFileOf(definitionsDir, desired.file);
    byFile.set(file, { id, file, name: desired.body.name, category: desired.body.category });
  }
  return [...byFile.values()];
}

async function readSavedPlan(file: string): Promise<SavedPlan> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(`cannot read the plan ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isSavedPlan(value)) throw new UserError(`${file} is not a plan saved by dactl push --out`);
  return value;
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
