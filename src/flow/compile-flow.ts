import { variableKey } from './architect-types.js';
import { failureOutputs, flowCategory, noValue, variableBinding, type BoundValue, type CallDataView, type StepView } from './call-data-view.js';
import type { FlowCatalog } from './flow-catalog.js';
import { stepKind, type FlowSpec, type StepSpec, type ValueSpec } from './flow-spec.js';
import { forEachStep, stepKindsUsed } from './step-walk.js';
import { flowTypeFacts, flowTypeRuns, isTerminalStep, type FlowTypeFacts } from './flow-types.js';
import { isStructuredKind, structuredBody } from './flow-spec.js';
import { stepKinds, type StepCompiler } from './step-kinds.js';
import { stringify } from 'yaml';
import { bareVariableName, wrapValue } from './flow-values.js';
import { normaliseVariables } from './flow-variables.js';
import { categoryKey, substitutionKeysOf, substitutionUses, type FlowSubstitutions } from './substitutions.js';
import { own } from '../json/own.js';

export interface FlowView {
  template: FlowTypeFacts['template'];
  rootKey: string;
  name: string;
  description: string | null;
  division: string | null;
  /** The Archy substitutions the flow needs, for its header. */
  substitutions: Array<{ key: string; note: string | null }>;
  startUpRef: string | null;
  startRefId: string;
  defaultLanguage: string;
  languageSkill: 'noValue' | 'none';
  variables: Array<{ key: string; name: string; description: string | null; initial: { wrapper: string; value: unknown }; io: boolean; isInput: boolean; isOutput: boolean }>;
  errorHandling: { queue: string | null; kind: string } | null;
  emailHandling: boolean;
  processingPrompt: boolean;
  compatibleFlowTypes: string[];
  actions: StepView[];
  /** Reusable tasks, after the flow's start. */
  tasks: Array<{ name: string; refId: string; actions: StepView[] }>;
  /** Call-flow menus the steps jump to. */
  menus: Array<{ name: string; refId: string; prompt: string; choices: Array<{ name: string; dtmf: string; actions: StepView[] }> }>;
}

const startName = { states: 'Initial State', tasks: 'Main Task' };

/** A type-checked flow spec → the view its Archy template renders. */
export function compileFlow(spec: FlowSpec, catalog: FlowCatalog): FlowView {
  const facts = flowTypeFacts[spec.type];
  const scope = facts.scope;
  const qualify = (name: string): string => `${scope}.${bareVariableName(name)}`;
  const steps = endsTheFlow(spec.steps) ? spec.steps : [...spec.steps, { end: null }];
  const container = facts.template === 'flow-inbound-call' ? 'tasks' : 'states';
  const taskRefIds = new Map(Object.keys(spec.tasks ?? {}).map((name, index) => [name, `${name}_${11 + index}`]));
  const compiler: StepCompiler = {
    value: (value) => (value === undefined ? { noValue: true } : (({ wrapper, value: inner }) => ({ [wrapper]: inner }))(wrapValue(value))),
    target: (name) => (name === undefined ? { noValue: true } : { var: qualify(name) }),
    taskRef: (name) => `/${spec.type}/tasks/task[${taskRefIds.get(name) ?? name}]`,
  };

  const menus: FlowView['menus'] = [];
  const stepView = (step: StepSpec): StepView => {
    const kind = stepKind(step);
    if ('menu' in step) {
      const refId = `${step.menu.name}_${10 + menus.length}`;
      const menu = { name: step.menu.name, refId, prompt: step.menu.prompt, choices: [] as FlowView['menus'][number]['choices'] };
      menus.push(menu);
      menu.choices = step.menu.choices.map((choice) => ({ name: choice.name ?? `Choice ${choice.dtmf}`, dtmf: `digit_${choice.dtmf}`, actions: choice.steps.map(stepView) }));
      return { partial: 'jump-to-menu', name: `Go to ${step.menu.name}`, targetMenuRef: `/${spec.type}/menus/menu[${refId}]` };
    }
    if (isStructuredKind(kind)) {
      const definition = stepKinds[kind];
      const body = structuredBody(step, kind);
      const settings = definition.settings(body, compiler);
      return {
        partial: 'archy-action',
        archy: definition.archy,
        name: body.name ?? definition.defaultName,
        settings: Object.keys(settings).length ? indentYaml(settings, 4) : null,
        paths: definition.paths
          .filter((path) => (body[path] as StepSpec[] | undefined)?.length)
          .map((path) => ({ path, actions: (body[path] as StepSpec[]).map(stepView) })),
      };
    }
    if ('archy' in step) return { partial: 'archy-inline', text: indentYaml([step.archy], 0) };
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
        category: flowCategory(action?.integrationType ?? 'purecloud-data-actions'),
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
    if ('switch' in step) {
      return {
        partial: 'switch',
        name: step.switch.name ?? 'Switch',
        defaultPath: step.switch.default?.length ? { actions: step.switch.default.map(stepView) } : null,
        cases: step.switch.cases.map((item) => ({ when: item.when, actions: (item.steps ?? []).map(stepView) })),
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
      const failureBound = transfer.failureOutputs ?? {};
      const handlesFailure = transfer.failure !== undefined || transfer.failureOutputs !== undefined;
      return {
        partial: 'transfer-to-acd',
        name: transfer.name ?? 'Transfer to ACD',
        queue: typeof transfer.queue === 'string' ? transfer.queue : null,
        queueExpression: typeof transfer.queue === 'string' ? null : transfer.queue.exp,
        priority: transfer.priority ?? 0,
        preferredAgents: transfer.preferredAgents ?? null,
        languageSkill: transfer.languageSkill ?? null,
        skills: (transfer.skills ?? []).map((skill) => (typeof skill === 'string' ? { literal: skill, expression: null } : { literal: null, expression: skill.exp })),
        failureOutputs: handlesFailure
          ? (['errorType', 'errorMessage'] as const).map((key) => (failureBound[key] === undefined ? noValue(key) : variableBinding(key, qualify(failureBound[key]!))))
          : [],
        paths: transfer.failure?.length ? [{ path: 'failure', actions: transfer.failure.map(stepView) }] : [],
      };
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

  const startRefId = `${startName[container]}_10`;
  const errorQueue = spec.errorHandling?.transferToQueue ?? null;
  const needed = flowSubstitutions(spec, catalog);
  const categoryTypes = new Map([...needed.categories].map(([key, category]) => [key, category.integrationType]));
  const takesIo = spec.type === 'workflow' || spec.type === 'commonModule';
  return {
    template: facts.template,
    rootKey: spec.type,
    name: spec.name,
    description: spec.description || null,
    division: spec.division ?? null,
    substitutions: substitutionKeysOf(needed).map((key) => {
      const integrationType = categoryTypes.get(key);
      return { key, note: integrationType ? `the name of the ${integrationType} integration in the org` : null };
    }),
    startUpRef: spec.type === 'commonModule' ? null : `/${spec.type}/${container}/${container.slice(0, -1)}[${startRefId}]`,
    startRefId,
    defaultLanguage: spec.defaultLanguage ?? 'en-us',
    languageSkill: facts.languageSkill,
    variables: [...normaliseVariables(spec.variables)].map(([name, variable]) => ({
      key: variableKey(variable.type),
      name: `${scope}.${name}`,
      description: variable.description ?? null,
      initial: variable.initial === undefined ? { wrapper: 'noValue', value: true } : { wrapper: 'lit', value: variable.initial },
      io: takesIo,
      isInput: variable.input === true,
      isOutput: variable.output === true,
    })),
    errorHandling: facts.defaultErrorHandling || errorQueue ? { queue: errorQueue, kind: facts.defaultErrorHandling ?? 'disconnect' } : null,
    emailHandling: spec.type === 'inboundEmail',
    processingPrompt: facts.processingPrompt,
    compatibleFlowTypes: (spec.compatibleFlowTypes ?? defaultCompatibleTypes(spec)).map((type) => flowTypeFacts[type].apiName),
    actions: steps.map(stepView),
    menus,
    tasks: Object.entries(spec.tasks ?? {}).map(([name, taskSteps]) => ({
      name,
      refId: taskRefIds.get(name)!,
      actions: taskSteps.map(stepView),
    })),
  };
}

/** Archy settings as YAML lines at the given indent, read back by YAML 1.1 tools as the same values. */
function indentYaml(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** The placeholders a flow spec holds and the category key of every integration type it calls. */
export function flowSubstitutions(spec: FlowSpec, catalog: FlowCatalog): FlowSubstitutions {
  const categories: FlowSubstitutions['categories'] = new Map();
  forEachStep(spec.steps, ['steps'], (step, path) => {
    if (!('callAction' in step)) return;
    const integrationType = catalog.actions.get(step.callAction.action)?.integrationType ?? 'purecloud-data-actions';
    const key = categoryKey(integrationType);
    if (!categories.has(key)) categories.set(key, { integrationType, firstUse: [...path, 'callAction', 'action'] });
  });
  return { uses: substitutionUses(spec), categories };
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
  return last !== undefined && isTerminalStep(stepKind(last));
}

/** Without an explicit list, a module is offered to every flow type that can run all of its steps. */
function defaultCompatibleTypes(spec: FlowSpec): FlowSpec['type'][] {
  const kinds = stepKindsUsed(spec.steps);
  return (['inboundCall', 'inboundChat', 'inboundEmail', 'inboundShortMessage', 'workflow'] as const).filter((type) =>
    [...kinds].every((kind) => flowTypeRuns(type, kind)),
  );
}
