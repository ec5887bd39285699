import type { ArchitectType } from './architect-types.js';
import type { FlowType, StructuredStepKind, ValueSpec } from './flow-spec.js';

/**
 * The flow spec's steps beyond the data-action core, each described once: which of its fields are values
 * (expressions or literals, of an Architect type), which are variables it writes, which are step lists (its
 * output paths), which flow types can run it, and how it is written in Archy. The type checker, the compiler and
 * `explain` all read these descriptions, so a new step is one entry here and one in schemas/flow.schema.json.
 */
export type FieldRole =
  | { role: 'value'; type?: ArchitectType }
  | { role: 'values'; type?: ArchitectType }
  | { role: 'target'; type?: ArchitectType }
  | { role: 'targets'; type?: ArchitectType }
  | { role: 'steps' }
  | { role: 'text' };

/** A value as Archy writes it: `{exp: …}`, `{lit: …}`, `{var: …}` or `{noValue: true}`. */
export type ArchyValue = Record<string, unknown>;

export interface StepCompiler {
  value(value: ValueSpec | undefined): ArchyValue;
  /** A variable the step writes, qualified by the flow's scope (`Flow.x`). */
  target(name: string | undefined): ArchyValue;
  /** The Archy path of the flow's reusable task of that name. */
  taskRef(name: string): string;
}

export interface StepKindDefinition {
  /** The Archy action it becomes. */
  archy: string;
  /** Its default name in the flow, as Architect names a new action. */
  defaultName: string;
  /** Flow types that can run it. */
  flowTypes: readonly FlowType[];
  fields: Readonly<Record<string, FieldRole>>;
  /** Step lists that are Archy output paths (`outputs.<path>.actions`), in Archy's order. */
  paths: readonly string[];
  /** Does the path end here (a transfer, an exit)? */
  terminal?: boolean;
  /** May only appear inside a loop. */
  inLoop?: boolean;
  /** Archy settings between `name` and `outputs`, in Archy's key order. */
  settings(step: Record<string, unknown>, compile: StepCompiler): Record<string, unknown>;
  /** Archy outputs of failure paths, written even when unbound. */
  failureOutputs?: readonly string[];
}

const call: FlowType[] = ['inboundCall', 'commonModule'];
const messaging: FlowType[] = ['inboundChat', 'inboundShortMessage'];
const interaction: FlowType[] = ['inboundChat', 'inboundShortMessage', 'inboundCall', 'inboundEmail', 'commonModule'];
const all: FlowType[] = ['inboundChat', 'inboundShortMessage', 'inboundCall', 'inboundEmail', 'workflow', 'commonModule'];

const noValue = { noValue: true };
const named = (name: unknown): ArchyValue => ({ lit: { name } });
const transferFailure = ['errorType', 'errorMessage'] as const;

function attributes(map: unknown, entry: (value: unknown) => Record<string, unknown>): unknown[] {
  return Object.entries((map ?? {}) as Record<string, unknown>).map(([name, value]) => ({ attribute: { name: { lit: name }, ...entry(value) } }));
}

function failureBindings(step: Record<string, unknown>, compile: StepCompiler, keys: readonly string[]): Record<string, unknown> {
  const bound = (step.failureOutputs ?? {}) as Record<string, string>;
  return Object.fromEntries(keys.map((key) => [key, Object.hasOwn(bound, key) ? compile.target(bound[key]) : noValue]));
}

const seconds = (step: Record<string, unknown>): Record<string, number> => {
  const duration: Record<string, number> = {};
  for (const unit of ['hours', 'minutes', 'seconds'] as const) if (typeof step[unit] === 'number') duration[unit] = step[unit] as number;
  return duration;
};

export const stepKinds: Record<StructuredStepKind, StepKindDefinition> = {
  playAudio: {
    archy: 'playAudio', defaultName: 'Play Audio', flowTypes: call, paths: [],
    fields: { tts: { role: 'text' }, audio: { role: 'value' } },
    settings: (step, compile) => ({ audio: step.tts !== undefined ? { tts: step.tts } : compile.value(step.audio as ValueSpec) }),
  },
  sendResponse: {
    archy: 'sendResponse', defaultName: 'Send Response', flowTypes: messaging, paths: [],
    fields: { message: { role: 'value', type: 'string' } },
    settings: (step, compile) => ({ messageBody: compile.value(step.message as ValueSpec) }),
  },
  wait: {
    archy: 'wait', defaultName: 'Wait', flowTypes: ['workflow', 'inboundShortMessage', 'commonModule'], paths: [],
    fields: { hours: { role: 'text' }, minutes: { role: 'text' }, seconds: { role: 'text' } },
    settings: (step) => ({ trimDurationNearMaxRunningTime: { lit: false }, duration: { lit: seconds(step) } }),
  },
  loop: {
    archy: 'loop', defaultName: 'Loop', flowTypes: all, paths: ['loop'],
    fields: { count: { role: 'value', type: 'integer' }, index: { role: 'target', type: 'integer' }, loop: { role: 'steps' } },
    settings: (step, compile) => ({ currentIndex: compile.target(step.index as string | undefined), loopCount: compile.value(step.count as ValueSpec) }),
  },
  loopNext: {
    archy: 'loopNext', defaultName: 'Next Loop', flowTypes: all, paths: [], fields: {}, terminal: true, inLoop: true,
    settings: () => ({}),
  },
  loopExit: {
    archy: 'loopExit', defaultName: 'Exit Loop', flowTypes: all, paths: [], fields: {}, terminal: true, inLoop: true,
    settings: () => ({}),
  },
  findQueue: {
    archy: 'findQueue', defaultName: 'Find Queue', flowTypes: all, paths: ['notFound'],
    fields: { queueName: { role: 'value', type: 'string' }, into: { role: 'target', type: 'queue' }, notFound: { role: 'steps' } },
    settings: (step, compile) => ({ findName: compile.value(step.queueName as ValueSpec), findResult: compile.target(step.into as string) }),
  },
  findQueueById: {
    archy: 'findQueueById', defaultName: 'Find Queue by ID', flowTypes: all, paths: ['notFound'],
    fields: { queueId: { role: 'value', type: 'string' }, into: { role: 'target', type: 'queue' }, notFound: { role: 'steps' } },
    settings: (step, compile) => ({ findId: compile.value(step.queueId as ValueSpec), findResult: compile.target(step.into as string) }),
  },
  getConversationData: {
    archy: 'getConversationData', defaultName: 'Get Conversation Data', flowTypes: all, paths: ['found', 'notFound', 'failure'],
    fields: {
      conversationId: { role: 'value', type: 'string' }, participantId: { role: 'value', type: 'string' },
      attributes: { role: 'targets', type: 'string' }, found: { role: 'steps' }, notFound: { role: 'steps' }, failure: { role: 'steps' },
    },
    settings: (step, compile) => ({
      conversationId: compile.value(step.conversationId as ValueSpec),
      participantId: compile.value(step.participantId as ValueSpec | undefined),
      attributes: attributes(step.attributes, (variable) => ({ variable: compile.target(variable as string).var })),
    }),
  },
  setConversationData: {
    archy: 'setConversationData', defaultName: 'Set Conversation Data', flowTypes: all, paths: ['success', 'failure'],
    fields: {
      conversationId: { role: 'value', type: 'string' }, participantId: { role: 'value', type: 'string' },
      attributes: { role: 'values', type: 'string' }, success: { role: 'steps' }, failure: { role: 'steps' },
    },
    settings: (step, compile) => ({
      conversationId: compile.value(step.conversationId as ValueSpec),
      participantId: compile.value(step.participantId as ValueSpec | undefined),
      attributes: attributes(step.attributes, (value) => ({ value: compile.value(value as ValueSpec) })),
    }),
  },
  transferToFlow: {
    archy: 'transferToFlow', defaultName: 'Transfer to Flow', flowTypes: interaction, paths: ['failure'], terminal: true,
    fields: { flow: { role: 'text' }, failureOutputs: { role: 'targets', type: 'string' }, failure: { role: 'steps' } },
    failureOutputs: transferFailure,
    settings: (step, compile) => ({ targetFlow: { name: step.flow }, failureOutputs: failureBindings(step, compile, transferFailure) }),
  },
  transferToNumber: {
    archy: 'transferToNumber', defaultName: 'Transfer to Number', flowTypes: call, paths: ['failure'], terminal: true,
    fields: { number: { role: 'value', type: 'string' }, failureOutputs: { role: 'targets', type: 'string' }, failure: { role: 'steps' } },
    failureOutputs: transferFailure,
    settings: (step, compile) => ({ targetNumber: compile.value(step.number as ValueSpec), failureOutputs: failureBindings(step, compile, transferFailure) }),
  },
  setWrapupCode: {
    archy: 'setWrapupCode', defaultName: 'Set Wrap-up Code', flowTypes: interaction, paths: [],
    fields: { code: { role: 'text' } },
    settings: (step) => ({ wrapupCode: named(step.code) }),
  },
  evaluateSchedule: {
    archy: 'evaluateSchedule', defaultName: 'Evaluate Schedule', flowTypes: all, paths: ['inSchedule', 'outOfSchedule'],
    fields: { schedule: { role: 'text' }, inSchedule: { role: 'steps' }, outOfSchedule: { role: 'steps' } },
    settings: (step) => ({ evaluate: { now: true }, schedule: named(step.schedule) }),
  },
  evaluateScheduleGroup: {
    archy: 'evaluateScheduleGroup', defaultName: 'Evaluate Schedule Group', flowTypes: all, paths: ['open', 'closed', 'holiday', 'emergency'],
    fields: {
      group: { role: 'text' }, emergencyGroup: { role: 'text' },
      open: { role: 'steps' }, closed: { role: 'steps' }, holiday: { role: 'steps' }, emergency: { role: 'steps' },
    },
    settings: (step) => ({
      inServiceSchedules: noValue,
      evaluate: { now: true },
      scheduleGroup: named(step.group),
      emergencyGroup: step.emergencyGroup === undefined ? noValue : named(step.emergencyGroup),
    }),
  },
  callBotFlow: {
    archy: 'callBotFlow', defaultName: 'Call Bot Flow', flowTypes: ['inboundCall', 'inboundChat', 'inboundShortMessage', 'commonModule'], paths: [],
    fields: {
      bot: { role: 'text' }, inputText: { role: 'value', type: 'string' },
      inputs: { role: 'values' }, outputs: { role: 'targets' }, intent: { role: 'target', type: 'string' }, exitReason: { role: 'target', type: 'string' },
    },
    settings: (step, compile) => {
      const slots = (map: unknown, entry: (value: unknown) => ArchyValue) =>
        Object.fromEntries(Object.entries((map ?? {}) as Record<string, unknown>).map(([slot, value]) => [slot.startsWith('Slot.') ? slot : `Slot.${slot}`, entry(value)]));
      const version: Record<string, unknown> = {};
      if (step.inputs) version.inputs = slots(step.inputs, (value) => compile.value(value as ValueSpec));
      if (step.outputs) version.outputs = slots(step.outputs, (variable) => compile.target(variable as string));
      return {
        inputText: compile.value(step.inputText as ValueSpec | undefined),
        exitReason: compile.target(step.exitReason as string | undefined),
        intent: compile.target(step.intent as string | undefined),
        botFlow: { [String(step.bot)]: { ver_latestPublished: Object.keys(version).length ? version : null } },
      };
    },
  },
  collectInput: {
    archy: 'collectInput', defaultName: 'Collect Input', flowTypes: ['inboundCall'], paths: ['success', 'failure'],
    fields: {
      into: { role: 'target', type: 'string' }, prompt: { role: 'text' }, minDigits: { role: 'text' }, maxDigits: { role: 'text' },
      noEntryTimeoutSeconds: { role: 'text' }, success: { role: 'steps' }, failure: { role: 'steps' },
    },
    settings: (step, compile) => ({
      inputData: compile.target(step.into as string),
      digits: { range: { min: step.minDigits ?? 1, max: step.maxDigits ?? step.minDigits ?? 1 } },
      interDigitTimeout: noValue,
      noEntryTimeout: { lit: { seconds: step.noEntryTimeoutSeconds ?? 5 } },
      inputAudio: { tts: step.prompt },
      acceptJustStar: { lit: false },
      acceptJustPound: { lit: false },
      verificationType: 'none',
    }),
  },
  callTask: {
    archy: 'callTask', defaultName: 'Call Task', flowTypes: ['inboundCall', 'workflow'], paths: [],
    fields: { task: { role: 'text' } },
    settings: (step, compile) => ({ targetTaskRef: compile.taskRef(String(step.task)) }),
  },
};
