/** The Archy flow types: the root key of a flow file, its containers and the variable scopes it reads. */
export const archyFlowTypes = [
  'inboundCall',
  'inboundChat',
  'inboundEmail',
  'inboundShortMessage',
  'inqueueCall',
  'inqueueEmail',
  'inqueueShortMessage',
  'outboundCall',
  'secureCall',
  'botFlow',
  'digitalBot',
  'commonModule',
  'workflow',
  'workitem',
  'surveyInvite',
  'voicemail',
  'voiceSurvey',
] as const;

export type ArchyFlowType = (typeof archyFlowTypes)[number];

export type FlowFamily = 'call' | 'inqueue' | 'message' | 'email' | 'workflow' | 'workitem' | 'bot' | 'module' | 'survey';

export interface ArchyFlowFacts {
  family: FlowFamily;
  /** Containers a flow of this type may hold (`states`, `tasks`, `menus`, `bots`, `startUpTaskActions`). */
  containers: readonly string[];
  /** Built-in variable scopes besides Flow: `Call`, `Message`, … */
  builtinScopes: readonly string[];
  /** Whether the flow starts from `startUpRef` (the others run `startUpTaskActions`). */
  startUpRef: boolean;
}

const callScopes = ['Call', 'Session', 'System', 'Format'];
const messageScopes = ['Message', 'Session', 'System', 'Format'];

export const archyFlowFacts: Record<ArchyFlowType, ArchyFlowFacts> = {
  inboundCall: { family: 'call', containers: ['menus', 'tasks'], builtinScopes: callScopes, startUpRef: true },
  outboundCall: { family: 'call', containers: ['menus', 'tasks'], builtinScopes: callScopes, startUpRef: true },
  secureCall: { family: 'call', containers: ['menus', 'tasks'], builtinScopes: callScopes, startUpRef: true },
  inqueueCall: { family: 'inqueue', containers: ['startUpTaskActions', 'tasks'], builtinScopes: callScopes, startUpRef: false },
  voicemail: { family: 'call', containers: ['startUpTaskActions', 'tasks'], builtinScopes: callScopes, startUpRef: false },
  voiceSurvey: { family: 'call', containers: ['menus', 'tasks'], builtinScopes: [...callScopes, 'Survey'], startUpRef: true },
  inboundChat: { family: 'message', containers: ['states', 'tasks'], builtinScopes: ['Chat', 'Session', 'System', 'Format'], startUpRef: true },
  inboundShortMessage: { family: 'message', containers: ['states', 'tasks'], builtinScopes: messageScopes, startUpRef: true },
  inqueueShortMessage: { family: 'message', containers: ['startUpTaskActions', 'tasks'], builtinScopes: messageScopes, startUpRef: false },
  inboundEmail: { family: 'email', containers: ['states', 'tasks'], builtinScopes: ['Email', 'Session', 'System', 'Format'], startUpRef: true },
  inqueueEmail: { family: 'email', containers: ['startUpTaskActions', 'tasks'], builtinScopes: ['Email', 'Session', 'System', 'Format'], startUpRef: false },
  botFlow: { family: 'bot', containers: ['bots', 'tasks'], builtinScopes: ['Session', 'Slot', 'Intent', 'System', 'Format'], startUpRef: true },
  digitalBot: { family: 'bot', containers: ['bots', 'tasks'], builtinScopes: ['Session', 'Slot', 'Intent', 'System', 'Format'], startUpRef: true },
  commonModule: { family: 'module', containers: ['startUpTaskActions', 'tasks'], builtinScopes: ['Common', 'System', 'Format'], startUpRef: false },
  workflow: { family: 'workflow', containers: ['states', 'tasks'], builtinScopes: ['System', 'Format'], startUpRef: true },
  workitem: { family: 'workitem', containers: ['states', 'tasks'], builtinScopes: ['Workitem', 'System', 'Format'], startUpRef: true },
  surveyInvite: { family: 'survey', containers: ['states', 'tasks'], builtinScopes: ['Survey', 'System', 'Format'], startUpRef: true },
};

const byLowerName = new Map(archyFlowTypes.map((type) => [type.toLowerCase(), type]));

/** The flow type named by a root key, matched without case (`inboundcall` is how the API spells it). */
export function archyFlowType(key: string): ArchyFlowType | undefined {
  return byLowerName.get(key.toLowerCase());
}

/** Root keys every flow type may have. */
export const commonRootKeys = [
  'name',
  'description',
  'division',
  'startUpRef',
  'defaultLanguage',
  'supportedLanguages',
  'variables',
  'settingsErrorHandling',
  'settingsActionDefaults',
  'settingsPrompts',
  'initialGreeting',
  'states',
  'tasks',
  'menus',
  'bots',
  'startUpTaskActions',
] as const;

/** Settings blocks by family, beyond the common ones. */
export const familyRootKeys: Record<FlowFamily, readonly string[]> = {
  call: ['settingsMenu', 'settingsSpeechRec', 'settingsOutboundCall', 'settingsInboundCall', 'settingsSecureCall', 'settingsVoicemail', 'settingsVoiceSurvey'],
  inqueue: ['settingsInQueueCall', 'settingsSpeechRec'],
  message: ['settingsInboundMessage', 'settingsInboundChat', 'settingsInQueueMessage', 'settingsInboundShortMessage'],
  email: ['settingsInboundEmailHandling', 'settingsInQueueEmail'],
  workflow: ['settingsWorkflow'],
  workitem: ['worktype', 'settingsWorkitem'],
  bot: ['settingsBotFlow', 'settingsUserInput', 'settingsKnowledge', 'settingsVirtualAgent', 'settingsNaturalLanguageUnderstanding', 'settingsDigitalBot', 'settingsSpeechRec'],
  module: ['settingsCommonModule'],
  survey: ['settingsSurveyInvite'],
};
