import type { Severity } from '../../diagnostics/index.js';

export interface ArchyRule {
  id: string;
  severity: Severity;
  description: string;
}

/** The checks dactl runs on Archy flow files, as Archy would at publish time (docs/rules/<id>.md each). */
export const archyRules = [
  { id: 'archy-substitution-unclosed', severity: 'error', description: 'A "{{" that opens a substitution is never closed on its line.' },
  { id: 'archy-unknown-key', severity: 'error', description: 'A key Archy does not know at that place: a root setting, a container item, an action setting, an output path.' },
  { id: 'archy-shape', severity: 'error', description: 'A setting holds the wrong kind of YAML value (a list where a map is needed, a map where a name is needed).' },
  { id: 'archy-unknown-action', severity: 'error', description: 'An action type Archy does not have (a misspelt or made-up action).' },
  { id: 'archy-action-not-allowed', severity: 'error', description: 'An action that this flow type cannot run, such as endWorkflow in a chat flow or playAudio in a workflow.' },
  { id: 'archy-loop-control', severity: 'error', description: 'loopNext or loopExit outside the loop path of a loop action.' },
  { id: 'archy-reference', severity: 'error', description: 'A startUpRef, targetTaskRef, targetStateRef or targetMenuRef that names no container of the flow.' },
  { id: 'archy-value-wrapper', severity: 'error', description: 'A value that is not one well-formed wrapper: lit, exp, noValue: true, tts, var where an output is bound, none: true.' },
  { id: 'archy-variable-type-unknown', severity: 'error', description: 'A variable declaration or updateData statement of a type Architect does not have.' },
  { id: 'archy-variable-duplicate', severity: 'error', description: 'The same variable declared twice (names compare without case).' },
  { id: 'archy-variable-scope', severity: 'error', description: 'A variable declared in the wrong scope for its place (Task. outside a task, Common. outside a common module).' },
  { id: 'archy-variable-undeclared', severity: 'error', description: 'An expression reads a variable that is never declared nor written, or a scope this flow type does not have.' },
  { id: 'archy-variable-type', severity: 'error', description: 'A variable receives a value of another type (an integer output into a string variable, a string into a boolean statement).' },
  { id: 'archy-expression-syntax', severity: 'error', description: 'An Architect expression that does not parse: unbalanced parentheses, a missing operand, an unclosed string.' },
  { id: 'archy-expression-function', severity: 'error', description: 'An expression calls a function Architect does not have.' },
  { id: 'archy-expression-arguments', severity: 'error', description: 'A function called with the wrong number or types of arguments.' },
  { id: 'archy-expression-type', severity: 'error', description: 'An expression of the wrong type for its setting or operator (a string as a decision condition).' },
  { id: 'archy-too-deep', severity: 'error', description: 'Actions nested so deeply that the flow cannot be checked (and Architect cannot show it).' },
  { id: 'archy-calldata-unknown-action', severity: 'error', description: 'A callData in a category of the project names an action the project does not define.' },
  { id: 'archy-calldata-external', severity: 'warn', description: 'A callData calls an action outside the project, so its contract cannot be checked offline.' },
  { id: 'archy-calldata-unknown-input', severity: 'error', description: 'A callData passes an input the action does not take.' },
  { id: 'archy-calldata-missing-input', severity: 'error', description: 'A callData leaves out an input the action requires.' },
  { id: 'archy-calldata-input-value', severity: 'error', description: 'A literal callData input that the action\'s input contract rejects (enum, pattern, type).' },
  { id: 'archy-calldata-unknown-output', severity: 'error', description: 'A success output key that is not in the action\'s flattened output contract.' },
  { id: 'archy-calldata-output-type', severity: 'error', description: 'A success output bound to a variable of a type other than the output\'s.' },
  { id: 'archy-calldata-failure-output', severity: 'error', description: 'A failure output key outside the platform\'s fixed error keys.' },
  { id: 'archy-definition-unknown', severity: 'error', description: 'A file under definitions/flows/ that is neither a flow spec nor an Archy flow.' },
] as const satisfies readonly ArchyRule[];

export type ArchyRuleId = (typeof archyRules)[number]['id'];

export const archyRuleSeverity = new Map<string, Severity>(archyRules.map((rule) => [rule.id, rule.severity]));
