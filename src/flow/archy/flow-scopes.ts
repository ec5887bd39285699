import { suggestion, type PathSegment } from '../../diagnostics/index.js';
import { article, type VariableLookup } from '../expression/check-expression.js';
import { anyType, type ExpressionType } from '../expression/types.js';
import { archyFlowFacts, type ArchyFlowFacts, type ArchyFlowType } from './flow-types.js';

export interface DeclaredVariable {
  type: ExpressionType;
  path: PathSegment[];
}

/** Scopes whose variables a flow declares or writes (`Slot.` in bot flows). */
export const writableScopeNames = ['Flow', 'Task', 'State', 'Common', 'Slot'];

const everyScope = ['Call', 'Message', 'Email', 'Chat', 'Workitem', 'Survey', 'Session', 'Slot', 'Intent', 'Common', 'Flow', 'Task', 'State', 'System', 'Format'];

/** `Flow.` built-ins that need no declaration. */
const flowBuiltins: Record<string, ExpressionType> = {
  startdatetimeutc: 'dateTime',
  startdatetimeinflowtimezone: 'dateTime',
  errortype: 'string',
  errormessage: 'string',
  flowname: 'string',
  flowid: 'string',
  version: 'string',
  istest: 'boolean',
  holdprompt: 'audio',
  intentname: 'string',
  language: 'language',
  conversationid: 'string',
};

/** Which variable scopes a flow type has, and how `Scope.Name` resolves in it (names compare without case). */
export class FlowScopes {
  readonly writable: string[];
  private readonly facts: ArchyFlowFacts;

  constructor(private readonly flowType: ArchyFlowType) {
    this.facts = archyFlowFacts[flowType];
    const containers = this.facts.containers;
    this.writable = ['Flow'];
    if (containers.includes('tasks') || containers.includes('startUpTaskActions')) this.writable.push('Task');
    if (containers.includes('states')) this.writable.push('State');
    if (flowType === 'commonModule') this.writable.push('Common');
    if (this.facts.family === 'bot') this.writable.push('Slot');
  }

  /** Why the flow type has no such writable scope, or undefined when it has. */
  problem(scope: string): string | undefined {
    return this.writable.includes(scope) ? undefined : `${scope}. variables do not exist in ${article(this.flowType)} flow`;
  }

  lookup(scope: string, name: string, declared: ReadonlyMap<string, DeclaredVariable>, written: ReadonlySet<string>): VariableLookup {
    const full = `${scope}.${name}`;
    const lower = full.toLowerCase();
    const own = writableScopeNames.find((s) => s.toLowerCase() === scope.toLowerCase());
    if (own) {
      const problem = this.problem(own);
      if (problem) return { problem };
      const variable = declared.get(lower);
      if (variable) return { type: variable.type };
      if (own === 'Slot' || written.has(lower)) return { type: anyType };
      const builtin = own === 'Flow' ? flowBuiltins[name.toLowerCase()] : undefined;
      if (builtin) return { type: builtin };
      const prefix = `${own.toLowerCase()}.`;
      const candidates = [...declared.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      return { problem: `${full} is never declared nor written in this flow; declare it under variables${suggestion(name, candidates)}` };
    }
    if (this.facts.builtinScopes.some((s) => s.toLowerCase() === scope.toLowerCase())) return { type: anyType };
    if (everyScope.some((s) => s.toLowerCase() === scope.toLowerCase())) return { problem: `${scope}. variables do not exist in ${article(this.flowType)} flow` };
    return { problem: `"${scope}" is not a variable scope${suggestion(scope, [...this.writable, ...this.facts.builtinScopes])}` };
  }
}
