import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchyFlow } from '../../src/catalog/archy-document.js';
import { archyFlowGraph } from '../../src/catalog/archy-flow-graph.js';
import type { FlowGraph } from '../../src/catalog/flow-graph.js';
import { specFlowGraph } from '../../src/catalog/spec-flow-graph.js';
import type { FlowSpec } from '../../src/flow/flow-spec.js';
import { readTree } from '../../src/output/output-tree.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';
import { parse } from 'yaml';

const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dactl-catalog-'));
  temporary.push(dir);
  return dir;
};
afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `from → to [label]` for each edge, by node labels. */
function edges(graph: FlowGraph): string[] {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((e) => `${label.get(e.from)} → ${label.get(e.to)}${e.label ? ` [${e.label}]` : ''}${e.kind === 'next' ? '' : ` (${e.kind})`}`);
}

const archyFlow = `workflow:
  name: Route claims
  startUpRef: "/workflow/states/state[Initial State_10]"
  states:
    - state:
        name: Initial State
        refId: Initial State_10
        actions:
          - callData:
              name: Call Data Action
              category:
                {{data_action_category}}:
                  dataAction:
                    {{get_claim}}:
                      inputs: {}
              outputs:
                failure:
                  actions:
                    - endWorkflow:
                        name: Give up
          - switch:
              name: By status
              evaluate:
                firstTrue:
                  cases:
                    - case:
                        value:
                          lit: Open
                        actions:
                          - callTask:
                              name: Handle open
                              targetTaskRef: "/workflow/tasks/task[Open_12]"
                  default:
                    actions:
                      - changeState:
                          name: Retry
                          targetState: "/workflow/states/state[Initial State_10]"
          - endWorkflow:
              name: Done
  tasks:
    - task:
        name: Open
        refId: Open_12
        actions:
          - loop:
              name: Each item
              loopCount:
                lit: 3
              outputs:
                loop:
                  actions:
                    - updateData:
                        name: Count
          - endTask:
              name: Back
`;

describe('flow graphs', () => {
  it('follows an Archy flow through output paths, switch cases, loops and jumps, keeping {{placeholders}}', () => {
    const read = readArchyFlow('claims.yaml', archyFlow);
    expect(read.document?.flowType).toBe('workflow');
    const graph = archyFlowGraph(read.document!);
    expect(graph.nodes.find((n) => n.kind === 'data-action')?.calls).toEqual({ name: '{{get_claim}}', category: '{{data_action_category}}' });
    expect(edges(graph)).toEqual([
      'Route claims → Initial State [start]',
      'Initial State → {{get_claim}}',
      '{{get_claim}} → Give up [failure]',
      '{{get_claim}} → By status [success, timeout]',
      'By status → Handle open [case Open]',
      'By status → Retry [default]',
      'Handle open → Done',
      'Open → Each item',
      'Each item → Count [loop]',
      'Count → Each item [next] (loop)',
      'Each item → Back [done]',
      'Handle open → Open (jump)',
      'Retry → Initial State (jump)',
    ]);
  });

  it('gives a flow spec a node per step, branches by outcome and an end where a path runs out', () => {
    const spec = parse(readFileSync(join(repoRoot, 'definitions/flows/chat-customer-verification.flow.yaml'), 'utf8')) as FlowSpec;
    const all = edges(specFlowGraph(spec));
    expect(all).toContain('DNI given? → Route without verification [yes]');
    expect(all).toContain('DNI given? → Find External Contacts by DNI [no]');
    expect(all).toContain('Find External Contacts by DNI → Route after a slow search [timeout]');
    expect(all.at(-1)).toBe('Record the verified contact → Route the verified chat');
    // Every path ends in a transfer, so no end is added.
    expect(all.filter((e) => e.includes('End of flow'))).toEqual([]);
  });
});

describe('dactl catalog', () => {
  it('writes the same bytes for the same definitions', async () => {
    const [a, b] = [tempDir(), tempDir()];
    for (const out of [a, b]) expect((await runCli(['catalog', 'definitions', '-o', out])).code).toBe(0);
    const [first, second] = [await readTree(a), await readTree(b)];
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    for (const [path, content] of first) expect(second.get(path), path).toBe(content);
    expect(first.get('index.html')).not.toContain(repoRoot);
  });

  it('links each input reference in the request to the input, and the input back to each use', async () => {
    const out = tempDir();
    await runCli(['catalog', 'definitions', '-o', out]);
    const html = readFileSync(join(out, 'actions', 'find-external-contacts-by-dni.html'), 'utf8');
    expect(html).toContain('<a class="input-ref" id="use-dni-1" href="#input-dni">${input.dni}</a>');
    expect(html).toMatch(/<tr id="input-dni">.*<a href="#use-dni-1">URL<\/a>/);
    expect(html).toContain('href="../flows/chat-customer-verification.html"');
    const exported = /<pre id="export-json"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(exported).toBe(readFileSync(join(repoRoot, 'out', 'actions', 'Find-External-Contacts-by-DNI.custom.json'), 'utf8'));
  });

  it('replaces the whole site, and leaves it as it was when a path does not exist', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'stale.html'), 'old');
    expect((await runCli(['catalog', 'definitions', '-o', out])).code).toBe(0);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    const before = await readTree(out);
    const run = await runCli(['catalog', 'no-such-folder', '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-folder');
    expect(run.stderr).toContain('nothing was written');
    expect(await readTree(out)).toEqual(before);
  });

  it('takes export JSON and Archy files from a folder, and reports a broken Archy file by line', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'flows'));
    writeFileSync(join(dir, 'flows', 'claims.yaml'), archyFlow);
    writeFileSync(join(dir, 'flows', 'broken.yaml'), 'workflow:\n  name: [unclosed\n');
    const out = join(tempDir(), 'site');
    const run = await runCli(['catalog', dir, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(run.stdout).toContain('0 actions and 1 flow');
    expect(readFileSync(join(out, 'flows', 'route-claims.html'), 'utf8')).toContain('{{get_claim}} <span class="muted">(not in the catalog)</span>');
  });

  it('names a spec that does not load by its name: and shows why on its page', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'actions'));
    writeFileSync(join(dir, 'actions', 'lookup.action.yaml'), 'name: Look up <caller> & co\nrequest:\n  method: GET\n  url: /api/v2/users/me\n');
    const out = join(tempDir(), 'site');
    expect((await runCli(['catalog', dir, '-o', out])).code).toBe(0);
    const page = readFileSync(join(out, 'actions', 'look-up-caller-co.html'), 'utf8');
    expect(page).toContain('<title>Look up &lt;caller&gt; &amp; co · dactl catalog');
    expect(page).toContain('spec-missing-key');
  });

  it("lists an export without an export's shape by its file, with its problems, instead of failing", async () => {
    const dir = tempDir();
    const exportLike = { name: 42, integrationType: 'purecloud-data-actions', actionType: 'custom', config: null, contract: {} };
    writeFileSync(join(dir, 'numbered.custom.json'), JSON.stringify(exportLike));
    writeFileSync(join(dir, 'no-config.custom.json'), JSON.stringify({ ...exportLike, name: 'No config' }));
    const out = join(tempDir(), 'site');
    const run = await runCli(['catalog', dir, '-o', out]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 actions');
    const numbered = readdirSync(join(out, 'actions')).find((page) => page.endsWith('numbered-custom-json.html'));
    expect(numbered, 'a page named after the file').toBeDefined();
    expect(readFileSync(join(out, 'actions', numbered as string), 'utf8')).toContain('not-an-export');
    expect(readFileSync(join(out, 'actions', 'no-config.html'), 'utf8')).toContain('not-an-export');
  });

  it('draws an export whose contracts hold values of any shape', async () => {
    const dir = tempDir();
    const exported = JSON.parse(readFileSync(join(repoRoot, 'out', 'actions', readdirSync(join(repoRoot, 'out', 'actions')).find((f) => f.endsWith('.custom.json')) as string), 'utf8'));
    writeFileSync(join(dir, 'odd-properties.custom.json'), JSON.stringify({
      ...exported,
      name: 'Odd properties',
      contract: { input: { inputSchema: { type: 'object', properties: { a: null, b: 'text', c: { type: 'array', items: true } }, required: true } }, output: { successSchema: { type: 'object', properties: '<b>' } } },
      config: { ...exported.config, response: { ...exported.config.response, translationMap: { x: '$.x' } } },
    }));
    writeFileSync(join(dir, 'no-properties.custom.json'), JSON.stringify({ ...exported, name: 'No properties', contract: { input: { inputSchema: { type: 'object', properties: true } }, output: { successSchema: { type: 'object' } } } }));
    const out = join(tempDir(), 'site');
    const run = await runCli(['catalog', dir, '-o', out]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'actions', 'odd-properties.html'), 'utf8')).toContain('<code>c</code>');
    expect(readFileSync(join(out, 'actions', 'no-properties.html'), 'utf8')).toContain('which is not in the input contract');
  });
});

