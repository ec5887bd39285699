/** Archy flow files: reading them as Archy does, the model of flow and action types, and the publish-time checks. */
export { readArchy, archyRootKey, isArchyText, type ArchyDocument } from './read-archy.js';
export { preprocessSubstitutions, type Substitution } from './substitutions.js';
export { checkArchy, type ArchyCheckOptions } from './check-archy.js';
export { resolveCallData, literalProblem, type ArchyActionCatalog, type CallableAction, type CallableInput } from './check-call-data.js';
export { actionModels, menuChoiceActions, type ActionModel, type Setting } from './action-model.js';
export { archyFlowTypes, archyFlowFacts, archyFlowType, type ArchyFlowType, type ArchyFlowFacts, type FlowFamily } from './flow-types.js';
export { archyRules, type ArchyRule, type ArchyRuleId } from './archy-rules.js';
export { explainArchy } from './explain-archy.js';
