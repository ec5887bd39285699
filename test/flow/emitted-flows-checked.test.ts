import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowCatalog, loadFlows } from '../../src/project/load-flows.js';
import { buildFlowOutputs } from '../../src/output/flow-outputs.js';
import { archyActionCatalog } from '../../src/project/archy-action-catalog.js';
import { checkArchyText } from '../../src/project/load-archy-flows.js';
import { readdir } from 'node:fs/promises';
import { seedProject } from './flow-harness.js';

const fixturesDir = join(import.meta.dirname, 'fixtures');
const fixtures = await loadFlows((await readdir(fixturesDir)).sort().map((name) => join(fixturesDir, name)), seedProject.actions);
const flows = [...seedProject.flows, ...fixtures.flows];
const built = await buildFlowOutputs(seedProject.actions, flows, flowCatalog(seedProject.actions, flows));
const catalog = archyActionCatalog(seedProject.actions);

describe('what dactl emits passes the checks a real Archy flow gets', () => {
  it('emits a flow for every bundled and fixture flow spec', () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.outputs.filter((o) => o.path.startsWith('flows/'))).toHaveLength(flows.length);
  });

  it('would catch an emitted flow that reads an undeclared variable or calls an action the project lacks', () => {
    const chat = built.outputs.find((o) => o.path === 'flows/Chat-Customer-Verification.yaml')!;
    const broken = chat.content.replace('exp: IsNotSetOrEmpty(Flow.dni)', 'exp: IsNotSetOrEmpty(Flow.dnii)').replace('Get Customer Chat Communication:', 'Get Customer Chat Comunication:');
    const found = checkArchyText(chat.path, broken, { catalog })!.diagnostics;
    expect(found.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toContain('archy-variable-undeclared');
    // Under the category substitution a name the project lacks may be another integration's action: reported, not an error.
    expect(found.some((d) => d.message.includes('Get Customer Chat Comunication'))).toBe(true);
  });

  for (const output of built.outputs.filter((o) => o.path.startsWith('flows/'))) {
    it(output.path, () => {
      const checked = checkArchyText(output.path, output.content, { catalog });
      expect(checked, 'read as an Archy flow').toBeDefined();
      const problems = checked!.diagnostics.filter((d) => d.severity === 'error');
      expect(problems.map((d) => `${d.ruleId}@${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([]);
    });
  }
});
