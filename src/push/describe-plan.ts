import type { FieldChange } from '../diff/compare-actions.js';
import type { PlanKind, PushPlan } from './plan-push.js';

const planMarks: Record<PlanKind, string> = { create: '+', update: '~', replace: '!', delete: '-', keep: '=', unchanged: ' ' };

/** The plan as Terraform shows one: a summary line, then each change with its fields' old → new values. */
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
    for (const field of step.fields) lines.push(...describeField(field));
    if (step.breaks?.length) lines.push(`      breaks: ${step.breaks.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function describeField(field: FieldChange): string[] {
  const mark = field.replace ? ' (forces a new id)' : '';
  if (field.diff !== undefined) {
    return [`      ${field.field}:${mark}`, ...field.diff.split('\n').map((line) => `        ${line}`)];
  }
  return [`      ${field.field}: ${value(field.left)} → ${value(field.right)}${mark}`];
}

function value(v: unknown): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}
