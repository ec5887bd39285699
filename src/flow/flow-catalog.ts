import type { DataActionExport } from '../export/data-action-export.js';
import { contractInputs, contractOutputs, type ContractInput, type ContractOutput } from './contract-fields.js';
import type { ArchitectType } from './architect-types.js';
import type { FlowSpec } from './flow-spec.js';
import { normaliseVariables } from './flow-variables.js';

export interface ActionSignature {
  name: string;
  /** Flows address the action under its integration's name, written as the substitution for this type. */
  integrationType: string;
  inputs: ContractInput[];
  outputs: ContractOutput[];
}

export interface ModuleSignature {
  name: string;
  inputs: Map<string, ArchitectType>;
  outputs: Map<string, ArchitectType>;
}

/** What flows can call: the compiled actions and the common modules, by name. */
export interface FlowCatalog {
  actions: Map<string, ActionSignature>;
  modules: Map<string, ModuleSignature>;
}

export function actionSignature(artifact: DataActionExport): ActionSignature {
  return {
    name: artifact.name,
    integrationType: artifact.integrationType,
    inputs: contractInputs(artifact.contract.input.inputSchema),
    outputs: contractOutputs(artifact.contract.output.successSchema),
  };
}

export function moduleSignature(spec: FlowSpec): ModuleSignature {
  const inputs = new Map<string, ArchitectType>();
  const outputs = new Map<string, ArchitectType>();
  for (const [name, variable] of normaliseVariables(spec.variables)) {
    if (variable.input) inputs.set(name, variable.type);
    if (variable.output) outputs.set(name, variable.type);
  }
  return { name: spec.name, inputs, outputs };
}
