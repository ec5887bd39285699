import { isStructuredKind, stepKind, structuredBody, type StepKind, type StepSpec } from './flow-spec.js';
import { stepKinds } from './step-kinds.js';

type Path = Array<string | number>;

/** The step lists nested inside a step (branches and output paths), by their path under the step's body. */
export function nestedStepLists(step: StepSpec): Array<[Path, StepSpec[] | undefined]> {
  if ('callAction' in step) return [[['success'], step.callAction.success], [['failure'], step.callAction.failure], [['timeout'], step.callAction.timeout]];
  if ('decision' in step) return [[['yes'], step.decision.yes], [['no'], step.decision.no]];
  if ('transferToAcd' in step) return [[['failure'], step.transferToAcd.failure]];
  if ('menu' in step) return step.menu.choices.map((choice, index): [Path, StepSpec[] | undefined] => [['choices', index, 'steps'], choice.steps]);
  if ('switch' in step) {
    const cases = step.switch.cases.map((item, index): [Path, StepSpec[] | undefined] => [['cases', index, 'steps'], item.steps]);
    return [...cases, [['default'], step.switch.default]];
  }
  const kind = stepKind(step);
  if (!isStructuredKind(kind)) return [];
  const body = structuredBody(step, kind);
  return stepKinds[kind].paths.map((path) => [[path], body[path] as StepSpec[] | undefined]);
}

/** Visits every step at any depth with its path in the spec (`['steps', 0, 'callAction', 'success', 1]`). */
export function forEachStep(steps: StepSpec[] | undefined, path: Path, visit: (step: StepSpec, path: Path) => void): void {
  (steps ?? []).forEach((step, index) => {
    const at = [...path, index];
    visit(step, at);
    for (const [below, list] of nestedStepLists(step)) forEachStep(list, [...at, stepKind(step), ...below], visit);
  });
}

/** Every kind of step used, at any depth, except `end` (which every flow type has). */
export function stepKindsUsed(steps: StepSpec[]): Set<StepKind> {
  const kinds = new Set<StepKind>();
  forEachStep(steps, [], (step) => kinds.add(stepKind(step)));
  kinds.delete('end');
  return kinds;
}
