import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateArchyFlow } from '../../src/flow/archy-schemas.js';
import { buildFlowOutputs } from '../../src/output/flow-outputs.js';
import { flowCatalog, loadFlows } from '../../src/project/load-flows.js';
import { loadTemplateSet } from '../../src/flow/template-set.js';
import { seedProject } from './flow-harness.js';

const fixturesDir = join(import.meta.dirname, 'fixtures');
const fixtureFiles = (await readdir(fixturesDir)).sort().map((name) => join(fixturesDir, name));
const fixtures = await loadFlows(fixtureFiles, seedProject.actions);

async function build(flows = fixtures.flows) {
  return buildFlowOutputs(seedProject.actions, flows, flowCatalog(seedProject.actions, flows));
}

describe('the seed flow', () => {
  it('compiles into an inboundChat flow that the Archy schema accepts', async () => {
    const built = await build(seedProject.flows);
    expect(built.diagnostics).toEqual([]);
    const flow = built.outputs.find((o) => o.path === 'flows/Chat-Customer-Verification.yaml');
    expect(Object.keys(parse(flow!.content) as object)).toEqual(['inboundChat']);
    await expect(flow!.content).toMatchFileSnapshot('__snapshots__/flows/Chat-Customer-Verification.yaml');
  });

  it('never drops the chat: every path of the flow ends in a transfer to ACD', async () => {
    const built = await build(seedProject.flows);
    const flow = parse(built.outputs.find((o) => o.path.startsWith('flows/'))!.content) as { inboundChat: { states: Array<{ state: { actions: unknown[] } }>; settingsErrorHandling: unknown } };
    expect(JSON.stringify(flow.inboundChat.settingsErrorHandling)).toContain('targetQueue');
    const actions = flow.inboundChat.states[0]!.state.actions;
    expect(Object.keys(actions[actions.length - 1] as object)).toEqual(['transferToAcd']);
    expect(JSON.stringify(actions)).not.toContain('disconnect');
  });
});

describe('the seed scenario for web messaging', () => {
  it('compiles into an inboundShortMessage flow keyed by the message conversation and the customer\'s message leg', async () => {
    const built = await build(seedProject.flows);
    const output = built.outputs.find((o) => o.path === 'flows/Message-Customer-Verification.yaml');
    const flow = parse(output!.content) as { inboundShortMessage: unknown };
    expect(validateArchyFlow(flow)).toBe(true);
    await expect(output!.content).toMatchFileSnapshot('__snapshots__/flows/Message-Customer-Verification.yaml');
    const text = JSON.stringify(flow.inboundShortMessage);
    expect(text).not.toContain('Chat.');
    expect(text).toContain('{"conversationId":{"exp":"Message.ConversationId"}}');
    expect(text).toContain('"Get Customer Message Communication"');
    expect(text).toContain('"mediaType":{"lit":"MESSAGE"}');
    expect(text).not.toContain('disconnect');
  });
});

describe('flows of every type', () => {
  it('load and type-check without findings', () => {
    expect(fixtures.flows.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('compile into Archy YAML the schema accepts', async () => {
    const built = await build();
    expect(built.diagnostics).toEqual([]);
    const flows = built.outputs.filter((o) => o.path.startsWith('flows/'));
    expect(flows.map((o) => Object.keys(parse(o.content) as object)[0]).sort()).toEqual(
      ['commonModule', 'inboundCall', 'inboundCall', 'inboundEmail', 'inboundShortMessage', 'inboundShortMessage', 'workflow', 'workflow'],
    );
    for (const output of flows) {
      expect(validateArchyFlow(parse(output.content)), output.path).toBe(true);
      await expect(output.content).toMatchFileSnapshot(`__snapshots__/${output.path}`);
    }
  });

  it('render the same bytes every time', async () => {
    const first = await build([...fixtures.flows, ...seedProject.flows]);
    const second = await build([...fixtures.flows, ...seedProject.flows]);
    expect(second.outputs).toEqual(first.outputs);
  });

  it('quote decision outputs and substitutions, so YAML 1.1 readers see the same strings', async () => {
    const built = await build(seedProject.flows);
    const text = built.outputs.find((o) => o.path.startsWith('flows/'))!.content;
    expect(text).toMatch(/^ +"yes":$/m);
    expect(text).not.toMatch(/^ +(yes|no):/m);
    expect(text).not.toMatch(/[^"]\{\{chat_queue\}\}/);
  });

  it('override templates by file name', async () => {
    const templates = await loadTemplateSet(join(import.meta.dirname, 'templates/ok'));
    expect(templates.get('disconnect')?.file).toContain('templates/ok');
    expect(templates.get('decision')?.file).not.toContain('templates/ok');
  });
});
