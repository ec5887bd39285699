import { suggestion, type Finding, type PathSegment } from '../diagnostics/index.js';
import { isCollection, type ArchitectType } from './architect-types.js';
import { matchesContractPattern, type ContractInput } from './contract-fields.js';
import { failureOutputKeys, failureOutputTypes } from './failure-outputs.js';
import type { FlowCatalog } from './flow-catalog.js';
import { stepKind, type FlowSpec, type StepSpec, type ValueSpec, type VariableSpec } from './flow-spec.js';
import { stepKindsUsed } from './step-walk.js';
import { flowTypeFacts, flowTypeRuns, isTerminalStep } from './flow-types.js';
import { isStructuredKind, structuredBody, type StructuredStepKind } from './flow-spec.js';
import { stepKinds } from './step-kinds.js';
import { bareVariableName, variableReferences, wrapValue } from './flow-values.js';
import { normaliseVariables } from './flow-variables.js';

type Path = PathSegment[];

/**
 * Type-checks a flow against the actions and modules it calls: every problem at once, each pointed at
 * the spot in the spec to fix.
 */
export function checkFlow(spec: FlowSpec, catalog: FlowCatalog): Finding[] {
  return new FlowChecker(spec, catalog).run();
}

class FlowChecker {
  private readonly findings: Finding[] = [];
  private readonly variables: Map<string, VariableSpec>;
  private readonly used = new Set<string>();
  private loopDepth = 0;
  private readonly menuNames = new Set<string>();
  private readonly facts;

  constructor(
    private readonly spec: FlowSpec,
    private readonly catalog: FlowCatalog,
  ) {
    this.variables = normaliseVariables(spec.variables);
    this.facts = flowTypeFacts[spec.type];
  }

  run(): Finding[] {
    this.checkHeader();
    this.checkSteps(this.spec.steps, ['steps']);
    for (const [name, steps] of Object.entries(this.spec.tasks ?? {})) this.checkSteps(steps, ['tasks', name]);
    for (const name of this.variables.keys()) {
      const variable = this.variables.get(name)!;
      if (!this.used.has(name) && !variable.input && !variable.output) {
        this.report('flow-variable-unused', ['variables', name], `variable "${name}" is never used; remove it (Archy warns about it too)`, 'key', 'warn');
      }
    }
    return this.findings;
  }

  private checkHeader(): void {
    const module = this.spec.type === 'commonModule';
    if (this.spec.compatibleFlowTypes && !module) {
      this.report('flow-not-a-module', ['compatibleFlowTypes'], 'compatibleFlowTypes applies to flows of type commonModule only', 'key');
    }
    if (this.spec.errorHandling && module) {
      this.report('flow-not-a-module', ['errorHandling'], 'a common module has no error handling of its own; the calling flow handles errors', 'key');
    }
    for (const [name, variable] of this.variables) {
      if ((variable.input || variable.output) && this.spec.type !== 'workflow' && !module) {
        this.report('flow-variable-io', ['variables', name], `only workflows and common modules take inputs or give outputs; "${name}" cannot be an input or output of an ${this.spec.type} flow`, 'key');
      }
    }
    if (module) {
      for (const type of this.spec.compatibleFlowTypes ?? []) {
        for (const kind of stepKindsUsed(this.spec.steps)) {
          if (!flowTypeRuns(type, kind)) {
            this.report('flow-step-not-allowed', ['compatibleFlowTypes'], `the module uses ${kind}, which a ${type} flow cannot run; remove ${type} or the step`, 'key');
          }
        }
      }
    }
  }

  private checkSteps(steps: StepSpec[] | undefined, path: Path): void {
    if (!steps) return;
    steps.forEach((step, index) => {
      const kind = stepKind(step);
      const at: Path = [...path, index, kind];
      const previous = steps[index - 1];
      if (previous && isTerminalStep(stepKind(previous))) {
        this.report('flow-unreachable-step', at, `this step never runs: the ${stepKind(previous)} before it ends the flow`, 'key', 'warn');
      }
      if (!flowTypeRuns(this.spec.type, kind)) {
        this.report('flow-step-not-allowed', at, `a ${this.spec.type} flow cannot ${describeStep(kind)}${kind === 'disconnect' ? '; use end' : ''}`, 'key');
      }
      this.checkStep(step, at);
    });
  }

  private checkStep(step: StepSpec, at: Path): void {
    const kind = stepKind(step);
    if (isStructuredKind(kind)) return this.checkStructured(kind, structuredBody(step, kind), at);
    if ('archy' in step) return this.checkArchyValues(step.archy, at);
    if ('transferToAcd' in step) return this.checkTransferToAcd(step.transferToAcd, at);
    if ('callAction' in step) return this.checkCallAction(step.callAction, at);
    if ('callModule' in step) return this.checkCallModule(step.callModule, at);
    if ('menu' in step) {
      const digits = new Set<number>();
      step.menu.choices.forEach((choice, index) => {
        if (digits.has(choice.dtmf)) this.report('flow-menu-choice', [...at, 'choices', index, 'dtmf'], `digit ${choice.dtmf} already chooses another choice of "${step.menu.name}"`);
        digits.add(choice.dtmf);
        this.checkSteps(choice.steps, [...at, 'choices', index, 'steps']);
      });
      if (this.menuNames.has(step.menu.name)) this.report('flow-menu-choice', [...at, 'name'], `another menu of this flow is named "${step.menu.name}"; menu names are their references`);
      this.menuNames.add(step.menu.name);
      return;
    }
    if ('switch' in step) {
      step.switch.cases.forEach((item, index) => {
        this.checkExpression(item.when, [...at, 'cases', index, 'when']);
        this.checkSteps(item.steps, [...at, 'cases', index, 'steps']);
      });
      this.checkSteps(step.switch.default, [...at, 'default']);
      return;
    }
    if ('decision' in step) {
      this.checkExpression(step.decision.condition, [...at, 'condition']);
      this.checkSteps(step.decision.yes, [...at, 'yes']);
      this.checkSteps(step.decision.no, [...at, 'no']);
      return;
    }
    if ('getParticipantData' in step) {
      for (const [attribute, variable] of Object.entries(step.getParticipantData.attributes)) {
        this.checkBinding(variable, 'string', `participant data "${attribute}"`, [...at, 'attributes', attribute]);
      }
      return;
    }
    if ('setParticipantData' in step) {
      for (const [attribute, value] of Object.entries(step.setParticipantData.attributes)) {
        this.checkValue(value, undefined, [...at, 'attributes', attribute]);
      }
      return;
    }
    if ('updateData' in step) {
      for (const [target, value] of Object.entries(step.updateData.set)) {
        const variable = this.declared(target, [...at, 'set', target], 'key');
        this.checkValue(value, variable?.type, [...at, 'set', target]);
      }
    }
  }

  private checkCallAction(call: NonNullable<Extract<StepSpec, { callAction: unknown }>['callAction']>, at: Path): void {
    const action = this.catalog.actions.get(call.action);
    if (!action) {
      this.report('flow-unknown-action', [...at, 'action'], `no action named "${call.action}" in the definitions${suggestion(call.action, this.catalog.actions.keys())}`);
    } else {
      const inputs = new Map(action.inputs.map((input) => [input.name, input]));
      for (const [name, value] of Object.entries(call.inputs ?? {})) {
        const input = inputs.get(name);
        if (!input) {
          this.report('flow-unknown-input', [...at, 'inputs', name], `"${call.action}" has no input "${name}"${suggestion(name, inputs.keys())}`, 'key');
        }
        this.checkValue(value, input?.type, [...at, 'inputs', name]);
        if (input) this.checkLiteralAgainstContract(value, input, call.action, [...at, 'inputs', name]);
      }
      const missing = action.inputs.filter((input) => input.required && !Object.hasOwn(call.inputs ?? {}, input.name));
      if (missing.length) {
        const names = missing.map((input) => input.name).join(', ');
        this.report('flow-missing-input', call.inputs ? [...at, 'inputs'] : at, `"${call.action}" requires ${missing.length === 1 ? 'the input' : 'the inputs'} ${names}`, 'key');
      }
      const outputs = new Map(action.outputs.map((output) => [output.key, output]));
      for (const [key, variable] of Object.entries(call.outputs ?? {})) {
        const output = outputs.get(key);
        if (!output) {
          this.report('flow-unknown-output', [...at, 'outputs', key], `"${call.action}" has no output "${key}"${suggestion(key, outputs.keys())}${outputs.size ? '' : ' (it has no outputs)'}`, 'key');
        }
        this.checkBinding(variable, output?.type, `output "${key}"`, [...at, 'outputs', key]);
      }
    }
    for (const [key, variable] of Object.entries(call.failureOutputs ?? {})) {
      const type = failureOutputTypes[key];
      if (!type) {
        this.report('flow-unknown-output', [...at, 'failureOutputs', key], `"${key}" is not a failure output; they are ${failureOutputKeys.join(', ')}${suggestion(key, failureOutputKeys)}`, 'key');
      }
      this.checkBinding(variable, type, `failure output "${key}"`, [...at, 'failureOutputs', key]);
    }
    this.checkSteps(call.success, [...at, 'success']);
    this.checkSteps(call.failure, [...at, 'failure']);
    this.checkSteps(call.timeout, [...at, 'timeout']);
  }

  /** A step described in step-kinds.ts: each field checked by its role. */
  private checkStructured(kind: StructuredStepKind, body: Record<string, unknown>, at: Path): void {
    const definition = stepKinds[kind];
    if (definition.inLoop && this.loopDepth === 0) {
      this.report('flow-step-not-allowed', at, `${kind} only works inside a loop's steps`, 'key');
    }
    if (kind === 'callTask' && !Object.hasOwn(this.spec.tasks ?? {}, String(body.task))) {
      this.report('flow-unknown-task', [...at, 'task'], `no task named "${String(body.task)}" under tasks:${suggestion(String(body.task), Object.keys(this.spec.tasks ?? {}))}`);
    }
    for (const [field, role] of Object.entries(definition.fields)) {
      const value = body[field];
      if (value === undefined || value === null) continue;
      const path = [...at, field];
      if (role.role === 'value') this.checkValue(value as ValueSpec, role.type, path);
      else if (role.role === 'target') this.checkBinding(value as string, role.type, field, path);
      else if (role.role === 'values') for (const [key, item] of Object.entries(value)) this.checkValue(item as ValueSpec, role.type, [...path, key]);
      else if (role.role === 'targets') for (const [key, item] of Object.entries(value)) this.checkBinding(item as string, role.type, `${field} "${key}"`, [...path, key]);
      else if (role.role === 'steps') {
        const inLoop = kind === 'loop';
        if (inLoop) this.loopDepth++;
        this.checkSteps(value as StepSpec[], path);
        if (inLoop) this.loopDepth--;
      }
    }
  }

  private checkTransferToAcd(transfer: Extract<StepSpec, { transferToAcd: unknown }>['transferToAcd'], at: Path): void {
    if (typeof transfer.queue === 'object') this.checkValue(transfer.queue, 'queue', [...at, 'queue']);
    (transfer.skills ?? []).forEach((skill, index) => {
      if (typeof skill === 'object') this.checkValue(skill, undefined, [...at, 'skills', index]);
    });
    if (transfer.preferredAgents !== undefined) this.checkValue(transfer.preferredAgents, undefined, [...at, 'preferredAgents']);
    for (const [key, variable] of Object.entries(transfer.failureOutputs ?? {})) {
      this.checkBinding(variable, 'string', `failure output "${key}"`, [...at, 'failureOutputs', key]);
    }
    this.checkSteps(transfer.failure, [...at, 'failure']);
  }

  /** An inline Archy action: its expressions and variable bindings still refer to declared variables. */
  private checkArchyValues(node: unknown, path: Path): void {
    if (Array.isArray(node)) return node.forEach((item, index) => this.checkArchyValues(item, [...path, index]));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'exp' && typeof value === 'string') this.checkExpression(value, [...path, key]);
      else if ((key === 'var' || key === 'variable') && typeof value === 'string') this.declared(value, [...path, key], 'value');
      else this.checkArchyValues(value, [...path, key]);
    }
  }

  private checkCallModule(call: NonNullable<Extract<StepSpec, { callModule: unknown }>['callModule']>, at: Path): void {
    const module = this.catalog.modules.get(call.module);
    if (!module) {
      this.report('flow-unknown-module', [...at, 'module'], `no commonModule flow named "${call.module}" in the definitions${suggestion(call.module, this.catalog.modules.keys())}`);
    }
    for (const [name, value] of Object.entries(call.inputs ?? {})) {
      const type = module?.inputs.get(name);
      if (module && !type) {
        this.report('flow-unknown-input', [...at, 'inputs', name], `module "${call.module}" has no input "${name}"${suggestion(name, module.inputs.keys())}`, 'key');
      }
      this.checkValue(value, type, [...at, 'inputs', name]);
    }
    for (const [name, variable] of Object.entries(call.outputs ?? {})) {
      const type = module?.outputs.get(name);
      if (module && !type) {
        this.report('flow-unknown-output', [...at, 'outputs', name], `module "${call.module}" has no output "${name}"${suggestion(name, module.outputs.keys())}`, 'key');
      }
      this.checkBinding(variable, type, `module output "${name}"`, [...at, 'outputs', name]);
    }
  }

  /** An output bound into a variable: declared, and of the output's type. */
  private checkBinding(target: string, type: ArchitectType | undefined, what: string, path: Path): void {
    const variable = this.declared(target, path, 'value');
    if (!variable || !type || variable.type === type) return;
    this.report('flow-variable-type', path, `${what} is ${article(type)} but "${bareVariableName(target)}" is ${article(variable.type)}; bind it to ${article(type)} variable`);
  }

  private checkValue(value: ValueSpec, type: ArchitectType | undefined, path: Path): void {
    const wrapped = wrapValue(value);
    if (wrapped.wrapper === 'lit') {
      if (type && !literalFits(wrapped.value, type)) {
        this.report('flow-variable-type', path, `${JSON.stringify(wrapped.value)} is not ${article(type)}`);
      }
      return;
    }
    const expressionPath = [...path, ...(wrapped.expressionPath ?? [])];
    const references = this.checkExpression(String(wrapped.value), expressionPath);
    const only = references[0];
    if (type && only && references.length === 1 && only.whole) {
      const variable = this.variables.get(only.name);
      if (variable && !typesFit(variable.type, type)) {
        this.report('flow-variable-type', expressionPath, `"${only.name}" is ${article(variable.type)} but ${article(type)} is expected here`);
      }
    }
  }

  /** A literal input must be a value the action's input contract accepts, or the call fails at run time. */
  private checkLiteralAgainstContract(value: ValueSpec, input: ContractInput, action: string, path: Path): void {
    const wrapped = wrapValue(value);
    if (wrapped.wrapper !== 'lit') return;
    if (input.enum && !input.enum.some((allowed) => allowed === wrapped.value)) {
      const choices = input.enum.map((allowed) => JSON.stringify(allowed)).join(', ');
      this.report('flow-input-contract', path, `${JSON.stringify(wrapped.value)} is not a value "${action}" accepts for ${input.name}: one of ${choices}${suggestion(String(wrapped.value), input.enum.map(String))}`);
    } else if (input.pattern !== undefined && typeof wrapped.value === 'string' && !matchesContractPattern(input.pattern, wrapped.value)) {
      this.report('flow-input-contract', path, `${JSON.stringify(wrapped.value)} does not match the pattern ${input.pattern} that "${action}" requires for ${input.name}`);
    }
  }

  /** Reports references to variables the flow does not declare; returns the declared ones it uses. */
  private checkExpression(expression: string, path: Path): Array<{ name: string; whole: boolean }> {
    const found: Array<{ name: string; whole: boolean }> = [];
    for (const reference of variableReferences(expression)) {
      const declared = reference.scope === this.facts.scope && this.variables.has(reference.name);
      if (declared) {
        this.used.add(reference.name);
        found.push({ name: reference.name, whole: reference.offset === 0 && reference.length === expression.trim().length });
        continue;
      }
      const hint = this.variables.has(reference.name)
        ? `; in a ${this.spec.type} flow it is ${this.facts.scope}.${reference.name}`
        : suggestion(reference.name, this.variables.keys());
      this.report('flow-undeclared-variable', path, `${reference.scope}.${reference.name} is not a variable of this flow${hint}`, 'value', 'error', {
        offset: reference.offset,
        length: reference.length,
      });
    }
    return found;
  }

  private declared(target: string, path: Path, at: 'key' | 'value'): VariableSpec | undefined {
    const name = bareVariableName(target);
    const scope = target.includes('.') ? target.slice(0, target.indexOf('.')) : this.facts.scope;
    const variable = scope === this.facts.scope ? this.variables.get(name) : undefined;
    if (variable) {
      this.used.add(name);
      return variable;
    }
    this.report('flow-undeclared-variable', path, `"${target}" is not a variable of this flow; declare it under variables${suggestion(name, this.variables.keys())}`, at);
    return undefined;
  }

  private report(ruleId: string, path: Path, message: string, at: 'key' | 'value' = 'value', severity: Finding['severity'] = 'error', span?: Finding['span']): void {
    const finding: Finding = { ruleId, severity, message, path, at };
    if (span) finding.span = span;
    this.findings.push(finding);
  }
}

function describeStep(kind: string): string {
  if (isStructuredKind(kind)) return `run ${stepKinds[kind].defaultName}`;
  return stepDescriptions[kind] ?? kind;
}

const stepDescriptions: Record<string, string> = {
  callAction: 'call a data action',
  callModule: 'call a common module',
  decision: 'make a decision',
  switch: 'switch',
  menu: 'play a menu',
  getParticipantData: 'get participant data',
  setParticipantData: 'set participant data',
  updateData: 'update data',
  transferToAcd: 'transfer to ACD',
  disconnect: 'disconnect',
  end: 'end',
};

function typesFit(actual: ArchitectType, expected: ArchitectType): boolean {
  return actual === expected || (actual === 'integer' && expected === 'decimal');
}

function literalFits(value: unknown, type: ArchitectType): boolean {
  if (isCollection(type)) return false;
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
    case 'queue':
      return typeof value === 'string';
    default:
      return true;
  }
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
