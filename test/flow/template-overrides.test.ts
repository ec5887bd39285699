import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFlowOutputs } from '../../src/output/flow-outputs.js';
import { flowCatalog } from '../../src/project/load-flows.js';
import { seedProject, where } from './flow-harness.js';

async function buildWith(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'dactl-templates-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const { actions, flows } = seedProject;
  const built = await buildFlowOutputs(actions, flows, flowCatalog(actions, flows), dir);
  return { dir, built };
}

describe('template overrides', () => {
  it('a template that does not compile is reported at its line', async () => {
    const { dir, built } = await buildWith({ 'disconnect.yaml.hbs': '- disconnect:\n    name: {{scalar name}\n' });
    expect(built.diagnostics.map(where)).toContain('template-syntax@2:1');
    expect(built.diagnostics[0]?.file).toBe(join(dir, 'disconnect.yaml.hbs'));
  });

  it('a template that fails to render is reported at the line and column of the failing expression', async () => {
    const { dir, built } = await buildWith({
      'transfer-to-acd.yaml.hbs': '- transferToAcd:\n    name: {{scalar name}}\n    targetQueue:\n      lit:\n        name: {{scalar queueName}}\n',
    });
    const problem = built.diagnostics.find((d) => d.ruleId === 'template-render');
    expect(problem && where(problem)).toBe('template-render@5:15');
    expect(problem?.file).toBe(join(dir, 'transfer-to-acd.yaml.hbs'));
    expect(problem?.message).toContain('queueName');
    expect(built.outputs.some((o) => o.path.startsWith('flows/'))).toBe(false);
  });

  it('a template whose YAML the Archy schema rejects is reported at the template line that wrote it', async () => {
    const { dir, built } = await buildWith({
      'transfer-to-acd.yaml.hbs': '- transferToAcd:\n    name: {{scalar name}}\n    queue:\n      lit:\n        name: {{scalar queue}}\n',
    });
    expect(built.diagnostics.length).toBeGreaterThan(0);
    const files = new Set(built.diagnostics.map((d) => d.file));
    expect([...files]).toEqual([join(dir, 'transfer-to-acd.yaml.hbs')]);
    // Both bundled flows transfer to ACD, so each reports the same template lines.
    expect([...new Set(built.diagnostics.map(where))].sort()).toEqual(['template-output-missing-key@1:1', 'template-output-unknown-key@3:1']);
  });

  it('a template that renders invalid YAML is reported at the template line', async () => {
    const { dir, built } = await buildWith({
      'call-data.yaml.hbs': '- callData:\n    name: {{scalar name}}\n      timeout: 1\n',
    });
    const problem = built.diagnostics.find((d) => d.ruleId === 'template-yaml');
    expect(problem?.file).toBe(join(dir, 'call-data.yaml.hbs'));
    expect(problem && where(problem)).toBe('template-yaml@3:1');
  });

  it('a snippet template error names the snippet template, and no snippet is written', async () => {
    const { dir, built } = await buildWith({ 'snippet.yaml.hbs': '{{> call-data}}\n{{#if}}\n' });
    expect(built.diagnostics.every((d) => d.file === join(dir, 'snippet.yaml.hbs'))).toBe(true);
    expect(built.outputs.some((o) => o.path.startsWith('snippets/'))).toBe(false);
  });
});
