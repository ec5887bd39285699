import { variableKey } from './architect-types.js';
import { failureOutputs, flowCategory, noValue, variableBinding, type BoundValue, type CallDataView, type StepView } from './call-data-view.js';
import type { FlowCatalog } from './flow-catalog.js';
import { stepKind, stepKindsUsed, type FlowSpec, type StepSpec, type ValueSpec } from './flow-spec.js';
import { flowTypeFacts, terminalSteps, type FlowTypeFacts } from './flow-types.js';
import { bareVariableName, wrapValue } from './flow-values.js';
import { normaliseVariables } from './flow-variables.js';
import { own } from '../json/own.js';

export interface FlowView {
  template: FlowTypeFacts['template'];
  rootKey: string;
  name: string;
  description: string;
  division: string | null;
  startUpRef: string | null;
  startRefId: string;
  defaultLanguage: string;
  languageSkill: 'noValue' | 'none';
  variables: Array<{ key: string; name: string; description: string | null; initial: { wrapper: string; value: unknown }; isInput: boolean; isOutput: boolean }>;
  errorHandling: { queue: string | null; kind: string } | null;
  emailHandling: boolean;
  processingPrompt: boolean;
  compatibleFlowTypes: string[];
  actions: StepView[];
}

const startName = { states: 'Initial State', tasks: 'Main Task' };

/** A type-checked flow spec → the view its Archy template renders. */
export function compileFlow(spec: FlowSpec, catalog: FlowCatalog): FlowView {
  const facts = flowTypeFacts[spec.type];
  const scope = facts.scope;
  const qualify = (name: string): string => `${scope}.${bareVariableName(name)}`;
  const steps = endsTheFlow(spec.steps) ? spec.steps : [...spec.steps, { end: null }];

  const stepView = (step: StepSpec): StepView => {
    const kind = stepKind(step);
    if ('callAction' in step) {
      const call = step.callAction;
      const action = catalog.actions.get(call.action);
      const inputs: BoundValue[] = (action?.inputs ?? []).flatMap((input) => {
        const value = own(call.inputs, input.name);
        return value === undefined ? [noValue(input.name)] : [{ key: input.name, ...wrapValue(value) }];
      });
      const outputs = (action?.outputs ?? []).map((output) => {
        const variable = own(call.outputs, output.key);
        return variable === undefined ? noValue(output.key) : variableBinding(output.key, qualify(variable));
      });
      const failures = new Map(Object.entries(call.failureOutputs ?? {}).map(([key, variable]) => [key, qualify(variable)]));
      const view: CallDataView = {
        partial: 'call-data',
        name: call.name ?? call.action,
        processingPrompt: facts.processingPrompt,
        timeoutMinutes: 1,
        category: flowCategory(action?.category),
        action: call.action,
        inputs: inputs.map(stripExpressionPath),
        successOutputs: outputs,
        failureOutputs: failureOutputs(failures),
        paths: (['success', 'failure', 'timeout'] as const)
          .filter((path) => call[path]?.length)
          .map((path) => ({ path, actions: (call[path] ?? []).map(stepView) })),
      };
      return view;
    }
    if ('callModule' in step) {
      const call = step.callModule;
      const module = catalog.modules.get(call.module);
      return {
        partial: 'call-common-module',
        name: call.name ?? call.module,
        module: call.module,
        inputs: [...(module?.inputs.keys() ?? [])].map((name) => {
          const value = own(call.inputs, name);
          return value === undefined ? noValue(`Common.${name}`) : stripExpressionPath({ key: `Common.${name}`, ...wrapValue(value) });
        }),
        outputs: [...(module?.outputs.keys() ?? [])].map((name) => {
          const variable = own(call.outputs, name);
          return variable === undefined ? noValue(`Common.${name}`) : variableBinding(`Common.${name}`, qualify(variable));
        }),
      };
    }
    if ('decision' in step) {
      const decision = step.decision;
      return {
        partial: 'decision',
        name: decision.name ?? 'Decision',
        condition: decision.condition,
        paths: (['yes', 'no'] as const)
          .filter((path) => decision[path]?.length)
          .map((path) => ({ path, actions: (decision[path] ?? []).map(stepView) })),
      };
    }
    if ('getParticipantData' in step) {
      const get = step.getParticipantData;
      return {
        partial: 'get-participant-data',
        name: get.name ?? 'Get Participant Data',
        attributes: Object.entries(get.attributes).map(([name, variable]) => ({ name, variable: qualify(variable) })),
      };
    }
    if ('setParticipantData' in step) {
      const set = step.setParticipantData;
      return {
        partial: 'set-participant-data',
        name: set.name ?? 'Set Participant Data',
        attributes: Object.entries(set.attributes).map(([name, value]) => ({ name, ...wrapped(value) })),
      };
    }
    if ('updateData' in step) {
      const update = step.updateData;
      const variables = normaliseVariables(spec.variables);
      return {
        partial: 'update-data',
        name: update.name ?? 'Update Data',
        statements: Object.entries(update.set).map(([target, value]) => ({
          type: variables.get(bareVariableName(target))?.type ?? 'string',
          variable: qualify(target),
          ...wrapped(value),
        })),
      };
    }
    if ('transferToAcd' in step) {
      const transfer = step.transferToAcd;
      return { partial: 'transfer-to-acd', name: transfer.name ?? 'Transfer to ACD', queue: transfer.queue, priority: transfer.priority ?? 0 };
    }
    const end = 'end' in step ? step.end : null;
    const name = ('disconnect' in step ? step.disconnect?.name : end?.name) ?? null;
    const archyKind = kind === 'disconnect' ? 'disconnect' : facts.end;
    return {
      partial: archyKind === 'disconnect' ? 'disconnect' : archyKind === 'endWorkflow' ? 'end-workflow' : 'end-task',
      name: name ?? endNames[archyKind],
      exitReason: end?.exitReason ?? null,
    };
  };

  const container = facts.template === 'flow-inbound-call' ? 'tasks' : 'states';
  const startRefId = `${startName[container]}_10`;
  const errorQueue = spec.errorHandling?.transferToQueue ?? null;
  return {
    template: facts.template,
    rootKey: spec.type,
    name: spec.name,
    description: spec.description ?? '',
    division: spec.division ?? null,
    startUpRef: spec.type === 'commonModule' ? null : `/${spec.type}/${container}/${container.slice(0, -1)}[${startRefId}]`,
    startRefId,
    defaultLanguage: spec.defaultLanguage ?? 'en-us',
    languageSkill: facts.languageSkill,
    variables: [...normaliseVariables(spec.variables)].map(([name, variable]) => ({
      key: variableKey(variable.type),
      name: `${scope}.${name}`,
      description: variable.description ?? null,
      initial: variable.initial === undefined ? { wrapper: 'noValue', value: true } : { wrapper: 'lit', value: variable.initial },
      isInput: variable.input === true,
      isOutput: variable.output === true,
    })),
    errorHandling: facts.defaultErrorHandling || errorQueue ? { queue: errorQueue, kind: facts.defaultErrorHandling ?? 'disconnect' } : null,
    emailHandling: spec.type === 'inboundEmail',
    processingPrompt: facts.processingPrompt,
    compatibleFlowTypes: (spec.compatibleFlowTypes ?? defaultCompatibleTypes(spec)).map((type) => flowTypeFacts[type].apiName),
    actions: steps.map(stepView),
  };
}

const endNames = { disconnect: 'Disconnect', endWorkflow: 'End Workflow', endTask: 'Exit Common Module' };

function wrapped(value: ValueSpec): { wrapper: string; value: unknown } {
  const { wrapper, value: inner } = wrapValue(value);
  return { wrapper, value: inner };
}

function stripExpressionPath(value: BoundValue & { expressionPath?: unknown }): BoundValue {
  return { key: value.key, wrapper: value.wrapper, value: value.value };
}

function endsTheFlow(steps: StepSpec[]): boolean {
  const last = steps[steps.length - 1];
  return last !== undefined && terminalSteps.includes(stepKind(last));
}

/** Without an explicit list, a module is offered to every flow type that can run all of its steps. */
function defaultCompatibleTypes(spec: FlowSpec): FlowSpec['type'][] {
  const kinds = stepKindsUsed(spec.steps);
  return (['inboundCall', 'inboundChat', 'inboundEmail', 'inboundShortMessage', 'workflow'] as const).filter((type) =>
    [...kinds].every((kind) => flowTypeFacts[type].steps.includes(kind)),
  );
}
