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

/** A call-flow menu: the step jumps to it, and each choice's DTMF digit runs its steps. */
export interface MenuStep {
  menu: { name: string; prompt: string; choices: Array<{ dtmf: number; name?: string; steps: StepSpec[] }> };
}

/** The first case whose condition is true runs; `default` when none is. */
export interface SwitchStep {
  switch: { name?: string; cases: Array<{ when: string; steps?: StepSpec[] }>; default?: StepSpec[] };
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
  transferToAcd: {
    name?: string;
    /** The queue by name (a literal, may be a {{substitution}}), or `{exp: …}` for a queue expression. */
    queue: string | { exp: string };
    priority?: number;
    /** ACD skills by name (literals) or as expressions (`{exp: FindSkill(Flow.skill)}`). */
    skills?: Array<string | { exp: string }>;
    languageSkill?: string;
    /** An expression for the preferred agents (`FindUsersById(…)`, a user collection). */
    preferredAgents?: string;
    failureOutputs?: { errorType?: string; errorMessage?: string };
    failure?: StepSpec[];
  };
}

/** Any Archy action in Archy's own form, written as it is (`archy: {playAudio: {…}}`). */
export interface ArchyStep {
  archy: Record<string, unknown>;
}

/** The steps described in step-kinds.ts: a body of named fields, or null where there is nothing to set. */
export const structuredStepKinds = [
  'playAudio', 'sendResponse', 'wait', 'loop', 'loopNext', 'loopExit', 'findQueue', 'findQueueById',
  'getConversationData', 'setConversationData', 'transferToFlow', 'transferToNumber', 'setWrapupCode',
  'evaluateSchedule', 'evaluateScheduleGroup', 'callBotFlow', 'collectInput', 'callTask',
] as const;
export type StructuredStepKind = (typeof structuredStepKinds)[number];
export type StructuredStepBody = { name?: string } & Record<string, unknown>;
export type StructuredStep = { [K in StructuredStepKind]: Record<K, StructuredStepBody | null> }[StructuredStepKind];

export function isStructuredKind(kind: string): kind is StructuredStepKind {
  return (structuredStepKinds as readonly string[]).includes(kind);
}

/** The body of a structured step, or an empty one for `loopNext: null`. */
export function structuredBody(step: StepSpec, kind: StructuredStepKind): StructuredStepBody {
  return ((step as Record<string, unknown>)[kind] ?? {}) as StructuredStepBody;
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
  | SwitchStep
  | MenuStep
  | GetParticipantDataStep
  | SetParticipantDataStep
  | UpdateDataStep
  | TransferToAcdStep
  | DisconnectStep
  | EndStep
  | ArchyStep
  | StructuredStep;

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
  /** Reusable tasks by name, run with `callTask` (call flows and workflows). */
  tasks?: Record<string, StepSpec[]>;
  steps: StepSpec[];
}

export function stepKind(step: StepSpec): StepKind {
  return Object.keys(step)[0] as StepKind;
}
