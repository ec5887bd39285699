import { isStructuredKind, type FlowType, type StepKind } from './flow-spec.js';
import { stepKinds } from './step-kinds.js';

export interface FlowTypeFacts {
  /** The template that writes a whole flow of this type. */
  template: 'flow-states' | 'flow-inbound-call' | 'flow-common-module';
  /** Scope prefix of the flow's own variables. */
  scope: 'Flow' | 'Common';
  /** The Archy action a spec's `end` step becomes. */
  end: 'disconnect' | 'endWorkflow' | 'endTask';
  /** `errorHandling` key when the spec does not name a queue. */
  defaultErrorHandling: 'disconnect' | 'endWorkflow' | undefined;
  /** `supportedLanguages.<lang>` body: interaction flows have a language skill, the others none. */
  languageSkill: 'noValue' | 'none';
  /** The API's lower-case flow type (`settingsCommonModule.compatibleFlowTypes`). */
  apiName: string;
  /** Call Data Actions play a processing prompt in voice flows and common modules. */
  processingPrompt: boolean;
  steps: readonly StepKind[];
}

const everywhere: StepKind[] = ['callAction', 'callModule', 'decision', 'switch', 'updateData', 'end'];
const interaction: StepKind[] = [...everywhere, 'getParticipantData', 'setParticipantData', 'transferToAcd', 'disconnect'];

/** What differs between flow types, from the real flows in the corpus (see docs/flows.md). */
export const flowTypeFacts: Record<FlowType, FlowTypeFacts> = {
  inboundChat: {
    template: 'flow-states', scope: 'Flow', end: 'disconnect', defaultErrorHandling: 'disconnect', languageSkill: 'noValue',
    apiName: 'inboundchat', processingPrompt: false, steps: interaction,
  },
  inboundShortMessage: {
    template: 'flow-states', scope: 'Flow', end: 'disconnect', defaultErrorHandling: 'disconnect', languageSkill: 'noValue',
    apiName: 'inboundshortmessage', processingPrompt: false, steps: interaction,
  },
  inboundEmail: {
    template: 'flow-states', scope: 'Flow', end: 'disconnect', defaultErrorHandling: 'disconnect', languageSkill: 'noValue',
    apiName: 'inboundemail', processingPrompt: false, steps: interaction,
  },
  inboundCall: {
    template: 'flow-inbound-call', scope: 'Flow', end: 'disconnect', defaultErrorHandling: 'disconnect', languageSkill: 'noValue',
    apiName: 'inboundcall', processingPrompt: true, steps: [...interaction, 'menu'],
  },
  workflow: {
    template: 'flow-states', scope: 'Flow', end: 'endWorkflow', defaultErrorHandling: 'endWorkflow', languageSkill: 'none',
    apiName: 'workflow', processingPrompt: false, steps: everywhere,
  },
  commonModule: {
    template: 'flow-common-module', scope: 'Common', end: 'endTask', defaultErrorHandling: undefined, languageSkill: 'none',
    apiName: 'commonmodule', processingPrompt: true,
    steps: ['callAction', 'decision', 'switch', 'updateData', 'end', 'getParticipantData', 'setParticipantData'],
  },
};

/** Can a flow of this type run the step? An inline `archy:` step is checked by the Archy model instead. */
export function flowTypeRuns(type: FlowType, kind: StepKind): boolean {
  if (kind === 'archy') return true;
  if (isStructuredKind(kind)) return stepKinds[kind].flowTypes.includes(type);
  return flowTypeFacts[type].steps.includes(kind);
}

/** Steps after which a path does not continue. */
export function isTerminalStep(kind: StepKind): boolean {
  if (isStructuredKind(kind)) return stepKinds[kind].terminal === true;
  return kind === 'transferToAcd' || kind === 'disconnect' || kind === 'end' || kind === 'menu';
}
