import { isStructuredKind, stepKind, structuredBody, type FlowSpec, type StepSpec } from '../flow/flow-spec.js';
import { flowTypeFacts, isTerminalStep } from '../flow/flow-types.js';
import { stepKinds } from '../flow/step-kinds.js';
import { connect, GraphBuilder, type FlowGraph, type OpenEnds } from './flow-graph.js';

/** The graph of a dactl flow spec: its steps in order, branches for outcomes and decisions, ends where paths stop. */
export function specFlowGraph(spec: FlowSpec): FlowGraph {
  const builder = new GraphBuilder();
  const start = builder.node({ kind: 'start', label: spec.name, detail: `${spec.type} flow` });

  const walk = (steps: readonly StepSpec[] | undefined, ends: OpenEnds): OpenEnds => {
    let open = ends;
    for (const step of steps ?? []) open = stepGraph(step, open);
    return open;
  };

  const branch = (from: OpenEnds, label: string, steps: readonly StepSpec[] | undefined): OpenEnds => {
    if (!steps?.length) return from.map((end) => ({ ...end, label }));
    const [first, ...rest] = steps;
    const entered = stepGraph(first!, from, label);
    return walk(rest, entered);
  };

  const stepGraph = (step: StepSpec, ends: OpenEnds, entryLabel?: string): OpenEnds => {
    const enter = (node: Parameters<GraphBuilder['node']>[0]) => {
      const made = builder.node(node);
      for (const end of ends) builder.edge(end.node, made, entryLabel ?? end.label);
      return made;
    };
    if ('callAction' in step) {
      const call = step.callAction;
      const node = enter({ kind: 'data-action', label: call.name ?? call.action, detail: call.name ? `Call ${call.action}` : 'Call data action', calls: { name: call.action } });
      const here: OpenEnds = [{ node }];
      return [...branch(here, 'success', call.success), ...branch(here, 'failure', call.failure), ...branch(here, 'timeout', call.timeout)];
    }
    if ('callModule' in step) {
      return [{ node: enter({ kind: 'module', label: step.callModule.name ?? step.callModule.module, detail: 'Call common module' }) }];
    }
    if ('decision' in step) {
      const decision = step.decision;
      const node = enter({ kind: 'decision', label: decision.name ?? 'Decision', detail: decision.condition });
      const here: OpenEnds = [{ node }];
      return [...branch(here, 'yes', decision.yes), ...branch(here, 'no', decision.no)];
    }
    if ('transferToAcd' in step) {
      enter({ kind: 'transfer', label: step.transferToAcd.name ?? 'Transfer to ACD', detail: `Transfer to ACD · queue ${step.transferToAcd.queue}` });
      return [];
    }
    if ('disconnect' in step) {
      enter({ kind: 'end', label: step.disconnect?.name ?? 'Disconnect', detail: 'disconnect' });
      return [];
    }
    if ('end' in step) {
      enter({ kind: 'end', label: step.end?.name ?? 'End', detail: flowTypeFacts[spec.type].end });
      return [];
    }
    if ('switch' in step) {
      const node = enter({ kind: 'switch', label: step.switch.name ?? 'Switch', detail: 'Switch' });
      const here: OpenEnds = [{ node }];
      return [...step.switch.cases.flatMap((item) => branch(here, item.when, item.steps)), ...branch(here, 'default', step.switch.default)];
    }
    if ('menu' in step) {
      const node = enter({ kind: 'menu', label: step.menu.name, detail: `Menu · ${step.menu.prompt}` });
      const here: OpenEnds = [{ node }];
      return step.menu.choices.flatMap((choice) => branch(here, `${choice.dtmf}${choice.name ? ` ${choice.name}` : ''}`, choice.steps));
    }
    if ('archy' in step) {
      const action = Object.keys(step.archy)[0] ?? 'archy';
      return [{ node: enter({ kind: 'action', label: action, detail: `Archy ${action}` }) }];
    }
    const kind = stepKind(step);
    if (isStructuredKind(kind)) {
      const definition = stepKinds[kind];
      const body = structuredBody(step, kind);
      const node = enter({ kind: kind === 'loop' ? 'loop' : definition.terminal ? 'transfer' : 'action', label: body.name ?? definition.defaultName, detail: definition.defaultName });
      const here: OpenEnds = [{ node }];
      const paths = definition.paths.flatMap((path) => (body[path] ? branch(here, path, body[path] as StepSpec[]) : []));
      if (isTerminalStep(kind)) return paths;
      return definition.paths.length ? [...here, ...paths] : here;
    }
    const [name, words] =
      'getParticipantData' in step ? [step.getParticipantData.name, 'Get participant data']
      : 'setParticipantData' in step ? [step.setParticipantData.name, 'Set participant data']
      : 'updateData' in step ? [step.updateData.name, 'Update data']
      : [undefined, kind];
    return [{ node: enter({ kind: 'action', label: name ?? words, detail: words }) }];
  };

  const open = walk(spec.steps, [{ node: start }]);
  if (open.length) connect(builder, open, builder.node({ kind: 'end', label: 'End of flow', detail: flowTypeFacts[spec.type].end }));
  return builder.graph;
}
