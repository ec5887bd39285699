import { failureOutputKeys } from './failure-outputs.js';
import { categoryKey, placeholder } from './substitutions.js';

export type ValueWrapper = 'exp' | 'lit' | 'noValue' | 'var';

/** One `key: {wrapper: value}` entry of a callData block. */
export interface BoundValue {
  key: string;
  wrapper: ValueWrapper;
  value: unknown;
}

/** A rendered step of any kind: `partial` names the template that writes it. */
export interface StepView {
  partial: string;
  [field: string]: unknown;
}

export type OutputPathName = 'success' | 'failure' | 'timeout';

export interface CallDataView extends StepView {
  partial: 'call-data';
  name: string;
  processingPrompt: boolean;
  timeoutMinutes: number;
  category: string;
  action: string;
  inputs: BoundValue[];
  successOutputs: BoundValue[];
  failureOutputs: BoundValue[];
  paths: Array<{ path: OutputPathName; actions: StepView[] }>;
}

/** The category a flow addresses an action by: the substitution for its integration's name, never the name itself. */
export function flowCategory(integrationType: string): string {
  return placeholder(categoryKey(integrationType));
}

export const noValue = (key: string): BoundValue => ({ key, wrapper: 'noValue', value: true });
export const variableBinding = (key: string, variable: string): BoundValue => ({ key, wrapper: 'var', value: variable });

/** The 13 failure keys in export order, bound where `bound` says and `noValue` elsewhere. */
export function failureOutputs(bound: ReadonlyMap<string, string> = new Map()): BoundValue[] {
  return failureOutputKeys.map((key) => {
    const variable = bound.get(key);
    return variable === undefined ? noValue(key) : variableBinding(key, variable);
  });
}
