/** The flow spec as written in `definitions/flows/*.flow.yaml` (see schemas/flow.schema.json). */
import type { ArchitectType } from './architect-types.js';

export const flowTypes = ['inboundChat', 'inboundShortMessage', 'inboundCall', 'inboundEmail', 'workflow', 'commonModule'] as const;
export type FlowType = (typeof flowTypes)[number];

/** A string is an Architect expression; `{lit: …}` a literal; `{exp: …}` an expression spelled out. */
export type ValueSpec = string | number | boolean | { lit: unknown } | { exp: string };

export interface VariableSpec {
  type: ArchitectType;
  initial?: string | number | boolean;
  input?: boolean;
  output?: boolean;
  description?: string;
}

export interface CallActionStep {
  callAction: {
    action: string;
    name?: string;
    inputs?: Record<string, ValueSpec>;
    outputs?: Record<string, string>;
    failureOutputs?: Record<string, string>;
    success?: StepSpec[];
    failure?: StepSpec[];
    timeout?: StepSpec[];
  };
}

export interface CallModuleStep {
  callModule: {
    module: string;
    name?: string;
    inputs?: Record<string, ValueSpec>;
    outputs?: Record<string, string>;
  };
}

export interface DecisionStep {
  decision: { name?: string; condition: string; yes?: StepSpec[]; no?: StepSpec[] };
}

export interface GetParticipantDataStep {
  getParticipantData: { name?: string; attributes: Record<string, string> };
}

export interface SetParticipantDataStep {
  setParticipantData: { name?: string; attributes: Record<string, ValueSpec> };
}

export interface UpdateDataStep {
  updateData: { name?: string; set: Record<string, ValueSpec> };
}

export interface TransferToAcdStep {
  transferToAcd: { name?: string; queue: string; priority?: number };
}

export interface DisconnectStep {
  disconnect: { name?: string } | null;
}

export interface EndStep {
  end: { name?: string; exitReason?: string } | null;
}

export type StepSpec =
  | CallActionStep
  | CallModuleStep
  | DecisionStep
  | GetParticipantDataStep
  | SetParticipantDataStep
  | UpdateDataStep
  | TransferToAcdStep
  | DisconnectStep
  | EndStep;

export type StepKind = StepSpec extends infer S ? (S extends unknown ? keyof S : never) : never;

export interface FlowSpec {
  name: string;
  type: FlowType;
  description?: string;
  division?: string;
  defaultLanguage?: string;
  /** Where an unhandled error sends the interaction: a queue name, or the flow type's default end. */
  errorHandling?: { transferToQueue: string };
  /** commonModule only: the flow types that may call it. */
  compatibleFlowTypes?: FlowType[];
  variables?: Record<string, VariableSpec | ArchitectType>;
  steps: StepSpec[];
}

export function stepKind(step: StepSpec): StepKind {
  return Object.keys(step)[0] as StepKind;
}

/** The step lists nested inside a step (branches and output paths), by their key under the step. */
export function nestedStepLists(step: StepSpec): Array<[string, StepSpec[] | undefined]> {
  if ('callAction' in step) return [['success', step.callAction.success], ['failure', step.callAction.failure], ['timeout', step.callAction.timeout]];
  if ('decision' in step) return [['yes', step.decision.yes], ['no', step.decision.no]];
  return [];
}

export function nestedSteps(step: StepSpec): Array<StepSpec[] | undefined> {
  return nestedStepLists(step).map(([, list]) => list);
}

/** Visits every step at any depth with its path in the spec (`['steps', 0, 'callAction', 'success', 1]`). */
export function forEachStep(steps: StepSpec[] | undefined, path: Array<string | number>, visit: (step: StepSpec, path: Array<string | number>) => void): void {
  (steps ?? []).forEach((step, index) => {
    const at = [...path, index];
    visit(step, at);
    for (const [key, list] of nestedStepLists(step)) forEachStep(list, [...at, stepKind(step), key], visit);
  });
}

/** Every kind of step used, at any depth, except `end` (which every flow type has). */
export function stepKindsUsed(steps: StepSpec[]): Set<StepKind> {
  const kinds = new Set<StepKind>();
  const walk = (list: StepSpec[] | undefined): void => {
    for (const step of list ?? []) {
      kinds.add(stepKind(step));
      nestedSteps(step).forEach(walk);
    }
  };
  walk(steps);
  kinds.delete('end');
  return kinds;
}
