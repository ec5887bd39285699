import type { TreeNode } from '../explain/explain-action.js';
import { flowCategory } from './call-data-view.js';
import { failureOutputKeys } from './failure-outputs.js';
import type { FlowCatalog } from './flow-catalog.js';
import { isStructuredKind, stepKind, structuredBody, type FlowSpec, type StepSpec, type ValueSpec } from './flow-spec.js';
import { stepKinds } from './step-kinds.js';
import { flowTypeFacts } from './flow-types.js';
import { bareVariableName, wrapValue } from './flow-values.js';
import { normaliseVariables } from './flow-variables.js';
import { own } from '../json/own.js';

/** A flow as a tree: variables, then each step with the action it calls and how inputs and outputs are bound. */
export function explainFlow(spec: FlowSpec, catalog: FlowCatalog): TreeNode {
  const scope = flowTypeFacts[spec.type].scope;
  const qualify = (name: string): string => `${scope}.${bareVariableName(name)}`;

  const stepNode = (step: StepSpec): TreeNode => {
    if ('callAction' in step) {
      const call = step.callAction;
      const action = catalog.actions.get(call.action);
      if (!action) return leaf(`call action "${call.action}"  (not in the definitions)`);
      const inputs = action.inputs.map((input) => {
        const value = own(call.inputs, input.name);
        const facts = `${input.type ?? input.jsonType}, ${input.required ? 'required' : 'optional'}`;
        return leaf(`${input.name}  ${facts}  ← ${value === undefined ? '(unset)' : describeValue(value)}`);
      });
      const outputs = action.outputs.map((output) => {
        const variable = own(call.outputs, output.key);
        return leaf(`${output.key}  ${output.type ?? `${output.jsonType} (no Architect type)`}  → ${variable === undefined ? '(unset)' : qualify(variable)}`);
      });
      const failures = failureOutputKeys
        .filter((key) => call.failureOutputs?.[key] !== undefined)
        .map((key) => leaf(`${key}  → ${qualify(call.failureOutputs![key]!)}`));
      const nodes = [
        { label: 'inputs', nodes: inputs.length ? inputs : [leaf('(none)')] },
        { label: 'outputs', nodes: outputs.length ? outputs : [leaf('(none)')] },
      ];
      if (failures.length) nodes.push({ label: 'failure outputs', nodes: failures });
      nodes.push(...branches({ 'on success': call.success, 'on failure': call.failure, 'on timeout': call.timeout }));
      const category = `${flowCategory(action.integrationType)} (substituted at publish)`;
      return { label: `call action "${call.action}"${call.name ? ` as "${call.name}"` : ''}  (category: ${category})`, nodes };
    }
    if ('callModule' in step) {
      const call = step.callModule;
      const nodes = [
        ...Object.entries(call.inputs ?? {}).map(([name, value]) => leaf(`Common.${name}  ← ${describeValue(value)}`)),
        ...Object.entries(call.outputs ?? {}).map(([name, variable]) => leaf(`Common.${name}  → ${qualify(variable)}`)),
      ];
      return { label: `call common module "${call.module}"`, nodes };
    }
    if ('decision' in step) {
      const decision = step.decision;
      return { label: `decision${decision.name ? ` "${decision.name}"` : ''}: ${decision.condition}`, nodes: branches({ yes: decision.yes, no: decision.no }) };
    }
    if ('getParticipantData' in step) {
      const get = step.getParticipantData;
      return { label: 'get participant data', nodes: Object.entries(get.attributes).map(([name, variable]) => leaf(`${name}  → ${qualify(variable)}`)) };
    }
    if ('setParticipantData' in step) {
      const set = step.setParticipantData;
      return { label: 'set participant data', nodes: Object.entries(set.attributes).map(([name, value]) => leaf(`${name}  ← ${describeValue(value)}`)) };
    }
    if ('updateData' in step) {
      return { label: 'update data', nodes: Object.entries(step.updateData.set).map(([name, value]) => leaf(`${qualify(name)}  ← ${describeValue(value)}`)) };
    }
    const kind = stepKind(step);
    if (isStructuredKind(kind)) {
      const definition = stepKinds[kind];
      const body = structuredBody(step, kind);
      const fields = Object.entries(definition.fields)
        .filter(([field, role]) => role.role !== 'steps' && body[field] !== undefined && body[field] !== null)
        .map(([field]) => leaf(`${field}  ${describeField(body[field])}`));
      const paths = Object.fromEntries(definition.paths.map((path) => [path, body[path] as StepSpec[] | undefined]));
      return { label: `${definition.defaultName.toLowerCase()}${body.name ? ` "${body.name}"` : ''}`, nodes: [...fields, ...branches(paths)] };
    }
    if ('switch' in step) {
      const cases = Object.fromEntries(step.switch.cases.map((item) => [`case ${item.when}`, item.steps]));
      return { label: `switch${step.switch.name ? ` "${step.switch.name}"` : ''}`, nodes: branches({ ...cases, default: step.switch.default }) };
    }
    if ('archy' in step) return leaf(`archy ${Object.keys(step.archy)[0]} (written as it is)`);
    if ('transferToAcd' in step) {
      const transfer = step.transferToAcd;
      const queue = typeof transfer.queue === 'string' ? transfer.queue : transfer.queue.exp;
      return { label: `transfer to ACD: queue ${queue}`, nodes: branches({ 'on failure': transfer.failure }) };
    }
    if ('disconnect' in step) return leaf('disconnect');
    return leaf(`end (${flowTypeFacts[spec.type].end})`);
  };

  const branches = (paths: Record<string, StepSpec[] | undefined>): TreeNode[] =>
    Object.entries(paths)
      .filter(([, steps]) => steps?.length)
      .map(([label, steps]) => ({ label, nodes: (steps ?? []).map(stepNode) }));

  const variables = [...normaliseVariables(spec.variables)].map(([name, variable]) => {
    const io = [variable.input ? 'input' : undefined, variable.output ? 'output' : undefined].filter(Boolean).join(', ');
    return leaf(`${scope}.${name}  ${variable.type}${io ? `  (${io})` : ''}`);
  });
  const root: TreeNode = { label: `${spec.name}  (${spec.type})`, nodes: [] };
  if (spec.description) root.nodes.push(leaf(spec.description));
  if (spec.errorHandling) root.nodes.push(leaf(`on error: transfer to queue ${spec.errorHandling.transferToQueue}`));
  root.nodes.push({ label: 'variables', nodes: variables.length ? variables : [leaf('(none)')] }, { label: 'steps', nodes: spec.steps.map(stepNode) });
  return root;
}

function describeField(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function describeValue(value: ValueSpec): string {
  const wrapped = wrapValue(value);
  return wrapped.wrapper === 'lit' ? `literal ${JSON.stringify(wrapped.value)}` : String(wrapped.value);
}

function leaf(label: string): TreeNode {
  return { label, nodes: [] };
}
