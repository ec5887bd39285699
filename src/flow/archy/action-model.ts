import type { FlowFamily } from './flow-types.js';

/**
 * What one setting of an Archy action holds:
 * - `value`: a value wrapper (`lit`, `exp`, `noValue`, `tts`, …), whose expression should have `type` when given;
 * - `target`: a variable the action writes (`var:` or `noValue`);
 * - `text`: a plain scalar (a name, a mode, a DTMF key);
 * - `ref`: a reference to a state, task, menu or bot (`/<flow>/tasks/task[refId]`);
 * - `outputs`: the action's output paths, each `{actions: [...]}`;
 * - `targets`: a map of names to `target`s (failure outputs, found outputs);
 * - `any`: structure Archy checks and dactl does not model key by key; nested `actions` are still checked.
 */
export type Setting =
  | { kind: 'value'; type?: string }
  | { kind: 'target' }
  | { kind: 'text' }
  | { kind: 'ref'; container: 'states' | 'tasks' | 'menus' | 'bots' }
  | { kind: 'outputs'; paths: readonly string[] | 'any' }
  | { kind: 'targets'; keys?: readonly string[] }
  | { kind: 'attributes'; write: boolean }
  | { kind: 'statements' }
  | { kind: 'callData' }
  | { kind: 'switch' }
  | { kind: 'flowCall'; scope: 'Common' | 'Slot' | 'Flow' }
  | { kind: 'valueList'; item: string }
  | { kind: 'any' };

export interface ActionModel {
  settings: Readonly<Record<string, Setting>>;
  /** The families that can run it; absent: every flow type. */
  families?: readonly FlowFamily[];
  /** Ends the path it is on (nothing after it runs). */
  terminal?: boolean;
  /** `loopNext`/`loopExit`: only inside a loop's `loop` path. */
  inLoopOnly?: boolean;
  /** Settings dactl does not model one by one: any key is accepted. */
  open?: boolean;
}

const value = (type?: string): Setting => (type ? { kind: 'value', type } : { kind: 'value' });
const target: Setting = { kind: 'target' };
const text: Setting = { kind: 'text' };
const any: Setting = { kind: 'any' };
const outputs = (...paths: string[]): Setting => ({ kind: 'outputs', paths });
const transferFailure: Setting = { kind: 'targets', keys: ['errorType', 'errorMessage'] };

const callFamilies: readonly FlowFamily[] = ['call', 'inqueue', 'module'];
const interactionFamilies: readonly FlowFamily[] = ['call', 'inqueue', 'message', 'email', 'bot', 'module', 'workitem'];
const messageFamilies: readonly FlowFamily[] = ['message', 'module'];
const botFamilies: readonly FlowFamily[] = ['bot'];

const connectTimeout = { connectTimeout: value('duration') };
const transferCommon = {
  preTransferAudio: value(),
  failureTransferAudio: value(),
  preTransferCommunication: value(),
  failureTransferCommunication: value(),
  failureOutputs: transferFailure,
  outputs: outputs('failure'),
};
const lookup = (input: string, result = 'findResult', paths: string[] = ['found', 'notFound']): ActionModel => ({
  settings: { [input]: value(), [result]: target, outputs: outputs(...paths) },
});
const askCommon = { question: value(), noInput: value(), noMatch: value(), voiceEndOfInputTimeout: value('duration'), speechRecognition: any };

/**
 * Every Archy action type dactl knows, with its settings. Built from Genesys's Archy and Architect
 * documentation and from real published flows; `name` is allowed on every action.
 */
export const actionModels: Readonly<Record<string, ActionModel>> = {
  // Data and logic
  callData: { settings: { category: { kind: 'callData' }, timeout: value('duration'), processingPrompt: value(), outputs: outputs('success', 'failure', 'timeout') } },
  callDataSecure: { settings: { category: { kind: 'callData' }, timeout: value('duration'), processingPrompt: value(), outputs: outputs('success', 'failure', 'timeout') } },
  decision: { settings: { condition: value('boolean'), outputs: outputs('yes', 'no') } },
  switch: { settings: { evaluate: { kind: 'switch' } } },
  loop: { settings: { currentIndex: target, loopCount: value('integer'), outputs: outputs('loop') } },
  loopUntil: { settings: { currentIndex: target, loopCount: value('integer'), condition: value('boolean'), outputs: outputs('loop', 'conditionMet', 'maxLoops') } },
  loopNext: { settings: {}, inLoopOnly: true, terminal: true },
  loopExit: { settings: {}, inLoopOnly: true, terminal: true },
  updateData: { settings: { statements: { kind: 'statements' } } },
  callTask: { settings: { targetTaskRef: { kind: 'ref', container: 'tasks' }, outputs: outputs('any') } },
  endTask: { settings: { outputPath: any }, terminal: true },
  jumpToTask: { settings: { targetTaskRef: { kind: 'ref', container: 'tasks' } }, terminal: true },
  jumpToMenu: { settings: { targetMenuRef: { kind: 'ref', container: 'menus' } }, families: ['call'], terminal: true },
  changeState: { settings: { targetStateRef: { kind: 'ref', container: 'states' } }, families: ['message', 'email', 'workflow', 'workitem', 'survey'], terminal: true },
  callCommonModule: { settings: { commonModule: { kind: 'flowCall', scope: 'Common' } } },
  dataTableLookup: { settings: { lookupValue: value(), dataTable: any, outputs: outputs('found', 'notFound', 'failure') } },
  dataTableRowLookup: { settings: { lookupValue: value(), dataTable: any, outputs: outputs('found', 'notFound', 'failure') } },
  getExternalContact: lookup('externalId', 'externalResult'),
  getExternalOrganization: lookup('externalOrganizationId', 'externalOrganizationResult'),
  findQueue: lookup('findName'),
  findQueueById: lookup('findId'),
  findUser: lookup('findEmail'),
  findUserById: lookup('findId'),
  findGroup: lookup('findName'),
  findGroupById: lookup('findId'),
  findSkill: lookup('findName'),
  findLanguageSkill: lookup('findName'),
  findSchedule: lookup('findName'),
  findScheduleGroup: lookup('findName'),
  findEmergencyGroup: lookup('findName'),
  findSystemPrompt: lookup('findName'),
  findUserPrompt: lookup('findName'),
  findUtilizationLabel: lookup('findName'),
  evaluateSchedule: { settings: { evaluate: any, schedule: value(), outputs: outputs('inSchedule', 'outOfSchedule') } },
  evaluateScheduleGroup: {
    settings: { inServiceSchedules: target, evaluate: any, scheduleGroup: value(), emergencyGroup: value(), outputs: outputs('open', 'closed', 'holiday', 'emergency') },
  },
  getConversationData: { settings: { conversationId: value('string'), participantId: value(), attributes: { kind: 'attributes', write: false }, outputs: outputs('found', 'notFound', 'failure') } },
  setConversationData: { settings: { conversationId: value('string'), participantId: value(), attributes: { kind: 'attributes', write: true }, outputs: outputs('success', 'failure') } },
  getParticipantData: { settings: { attributes: { kind: 'attributes', write: false } }, families: interactionFamilies },
  setParticipantData: { settings: { attributes: { kind: 'attributes', write: true } }, families: interactionFamilies },
  setExternalTag: { settings: { externalTag: value('string') }, families: interactionFamilies },
  setFlowOutcome: { settings: { flowOutcome: value(), flowOutcomeValue: value() } },
  initializeFlowOutcome: { settings: { flowOutcome: value() } },
  setScreenPop: { settings: { screenPopScript: any }, families: interactionFamilies },
  setWrapupCode: { settings: { wrapupCode: value() }, families: interactionFamilies },
  setUUIData: { settings: { uuiData: value('string') }, families: callFamilies },
  addFlowMilestone: { settings: { milestone: value() } },
  wait: { settings: { duration: value('duration'), trimDurationNearMaxRunningTime: value('boolean') }, families: ['workflow', 'workitem', 'message', 'module'] },
  createCallback: { settings: { callbackNumber: value(), callbackName: value(), queue: value(), scriptId: value(), scheduledTime: value(), callbackId: target, outputs: outputs('success', 'failure') } },
  sendAgentlessOutboundMessage: { settings: {}, open: true, families: ['workflow', 'module'] },
  // Voice
  playAudio: { settings: { audio: value() }, families: callFamilies },
  playAudioOnSilence: { settings: { audio: value(), timeout: value('duration') }, families: callFamilies },
  collectInput: {
    settings: {
      inputData: target,
      digits: any,
      interDigitTimeout: value('duration'),
      noEntryTimeout: value('duration'),
      inputAudio: value(),
      acceptJustStar: value('boolean'),
      acceptJustPound: value('boolean'),
      verificationType: text,
      includeTerminatingDtmfInResultData: text,
      terminatingDtmf: any,
      outputs: outputs('success', 'failure'),
    },
    families: callFamilies,
  },
  holdMusic: { settings: { prompt: value(), bargeInEnabled: value('boolean'), playStyle: any }, families: ['inqueue', 'module'] },
  playEstimatedWaitTime: { settings: { estimatedWaitTime: value(), roundingInterval: value(), specificRoundingIntervals: any, playbackMode: text }, families: ['inqueue', 'module'] },
  playPositionInQueue: { settings: { positionInQueue: value() }, families: ['inqueue', 'module'] },
  changeLanguage: { settings: { language: value() }, families: ['call', 'inqueue', 'message', 'bot', 'module'] },
  setWhisperAudio: { settings: { audio: value() }, families: callFamilies },
  dialByExtension: { settings: { interDigitTimeout: value('duration'), outputs: outputs('any') }, families: ['call'] },
  transferToAcd: {
    settings: {
      targetQueue: value('queue'),
      priority: value('integer'),
      preferredAgents: value(),
      languageSkill: value(),
      appendSkills: value('boolean'),
      acdSkills: { kind: 'valueList', item: 'acdSkill' },
      directAgent: value(),
      scoredAgents: value(),
      ...transferCommon,
    },
    families: interactionFamilies,
    terminal: true,
  },
  transferToUser: { settings: { targetUser: value(), ...connectTimeout, ...transferCommon }, families: interactionFamilies, terminal: true },
  transferToGroup: { settings: { targetGroup: value(), ...connectTimeout, ...transferCommon }, families: interactionFamilies, terminal: true },
  transferToNumber: { settings: { targetNumber: value(), callerId: any, ...connectTimeout, ...transferCommon }, families: ['call', 'inqueue', 'module'], terminal: true },
  transferToVoicemail: { settings: { destination: any, ...transferCommon }, families: ['call', 'inqueue', 'module'], terminal: true },
  transferToFlow: { settings: { targetFlow: any, ...transferCommon }, families: interactionFamilies, terminal: true },
  transferToFlowSecure: { settings: { targetFlow: any, ...connectTimeout, ...transferCommon }, families: callFamilies, terminal: true },
  callBotFlow: { settings: { botFlow: { kind: 'flowCall', scope: 'Slot' }, inputText: value(), exitReason: target, intent: target, outputs: outputs('any') }, families: ['call', 'message', 'module'] },
  callDigitalBot: { settings: { digitalBot: { kind: 'flowCall', scope: 'Slot' }, exitReason: target, intent: target, outputs: outputs('any') }, families: ['message', 'module'] },
  disconnect: { settings: { none: text }, families: interactionFamilies, terminal: true },
  // Messaging and email
  sendResponse: { settings: { messageBody: value(), messageBodyStyle: value(), messageType: any, richMedia: any }, families: messageFamilies },
  sendAutoReply: { settings: { from: value(), replyTo: value(), cc: value(), bcc: value(), messageBody: value(), replyMode: text, subject: value() }, families: ['email', 'module'] },
  // Workflows and work items
  endWorkflow: { settings: { exitReason: value() }, families: ['workflow'], terminal: true },
  disconnectWorkitem: { settings: { failureOutputs: transferFailure, outputs: outputs('failure') }, families: ['workitem'], terminal: true },
  exitWorkitemFlow: { settings: {}, families: ['workitem'], terminal: true },
  updateWorkitem: { settings: {}, open: true, families: ['workitem'] },
  // Bots
  askForIntent: { settings: { ...askCommon, outputs: { kind: 'outputs', paths: ['intents', 'noIntent', 'knowledge', 'maxNoInputs', 'maxNoMatches'] } }, families: botFamilies },
  askForBoolean: { settings: { ...askCommon, outputs: outputs('yes', 'no', 'maxNoInputs', 'maxNoMatches') }, families: botFamilies },
  askForSlot: { settings: { slot: any, ...askCommon, customValidation: value(), confirmationMode: value(), outputs: outputs('maxNoInputs', 'maxNoMatches') }, families: botFamilies },
  communicate: { settings: { communication: value() }, families: botFamilies },
  clearSlot: { settings: { slots: any }, families: botFamilies },
  exitBotFlow: { settings: { exitReason: value() }, families: botFamilies, terminal: true },
  // Surveys
  abortSurveyInvite: { settings: { disposition: value() }, families: ['survey'], terminal: true },
  completeSurveyInvite: {
    settings: { targetAddress: value(), inviteSubject: value(), inviteBody: value(), reminderSubject: value(), reminderBody: value() },
    families: ['survey'],
    terminal: true,
  },
};

/**
 * The action types whose settings are confirmed by real published flows. The others are modelled from
 * Genesys's documentation alone, so a key dactl does not know on them is a warning rather than an error.
 */
export const actionsSeenInRealFlows: ReadonlySet<string> = new Set(
  `abortSurveyInvite askForBoolean askForIntent askForSlot callBotFlow callCommonModule callData callTask changeState clearSlot collectInput
  communicate completeSurveyInvite dataTableLookup decision disconnect disconnectWorkitem endTask endWorkflow evaluateScheduleGroup exitBotFlow
  exitWorkitemFlow findQueue findQueueById getConversationData getExternalContact getParticipantData holdMusic jumpToMenu loop loopExit loopNext
  playAudio playEstimatedWaitTime sendAutoReply sendResponse setConversationData setParticipantData switch transferToAcd transferToVoicemail
  updateData wait`.split(/\s+/),
);

/** Menu choices (`menus[].menu.choices`): `menuTask`, `menuTransferToAcd`, … — each a menu option plus its action. */
export const menuChoiceActions: Readonly<Record<string, string | undefined>> = {
  menuTask: undefined,
  menuDisconnect: 'disconnect',
  menuTransferToAcd: 'transferToAcd',
  menuTransferToUser: 'transferToUser',
  menuTransferToGroup: 'transferToGroup',
  menuTransferToNumber: 'transferToNumber',
  menuTransferToVoicemail: 'transferToVoicemail',
  menuTransferToFlow: 'transferToFlow',
  menuTransferToFlowSecure: 'transferToFlowSecure',
  menuJumpToMenu: 'jumpToMenu',
  menuJumpToTask: 'jumpToTask',
  menuDialByExtension: 'dialByExtension',
  menuRepeat: undefined,
  menuSubMenu: undefined,
  menuPreviousMenu: undefined,
  menuCallBotFlow: 'callBotFlow',
};

/** The keys of a menu choice besides those of its action. */
export const menuChoiceSettings: Readonly<Record<string, Setting>> = {
  dtmf: text,
  globalDtmf: text,
  globalSpeechRecTerms: text,
  speechRecTerms: any,
  audio: value(),
  task: any,
  menu: any,
  actions: any,
  targetTaskRef: { kind: 'ref', container: 'tasks' },
  targetMenuRef: { kind: 'ref', container: 'menus' },
};
