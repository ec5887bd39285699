import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableFromExport } from '../../src/diff/comparable-action.js';
import { diffActions } from '../../src/diff/diff-actions.js';
import { unifiedDiff } from '../../src/diff/unified-diff.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import { itWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';
import { runCli, tempProject } from '../orgs/cli-harness.js';

const realActions = join(corpusDir, 'real-actions');

function sampleExport(name: string, overrides: Partial<DataActionExport> = {}): DataActionExport {
  return {
    name,
    integrationType: 'purecloud-data-actions',
    actionType: 'custom',
    config: {
      request: { requestUrlTemplate: '/api/v2/users/${input.id}', requestType: 'GET', headers: {}, requestTemplate: '${input.rawRequest}' },
      response: { translationMap: { email: '$.email' }, translationMapDefaults: { email: '""' }, successTemplate: '{"email": ${email}}' },
    },
    contract: {
      input: { inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
      output: { successSchema: { type: 'object', properties: { email: { type: 'string' } } } },
    },
    secure: false,
    ...overrides,
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

describe('dactl diff', () => {
  itWithCorpus('a UI export and the spec imported from it do not differ', async () => {
    const cwd = await tempProject();
    const files = (await readdir(realActions)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    const imported = await runCli(['import', realActions, '--out', 'definitions/actions', '--keep-export-suffix'], { cwd });
    expect(imported.code).toBe(0);
    const run = await runCli(['diff', realActions, 'definitions'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`no differences (${files.length} actions the same)`);
    expect(run.code).toBe(0);
  });

  it('a contract change is a replace, a URL change an update, in the stable JSON shape', async () => {
    const changedContract = sampleExport('Get User');
    changedContract.contract.input.inputSchema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } };
    const cwd = await tempProject({
      'left/actions/Get-User.custom.json': json(sampleExport('Get User')),
      'left/actions/Get-Queue.custom.json': json(sampleExport('Get Queue')),
      'left/actions/Gone.custom.json': json(sampleExport('Gone')),
      'right/actions/Get-User.custom.json': json(changedContract),
      'right/actions/Get-Queue.custom.json': json(
        sampleExport('Get Queue', {
          config: { ...sampleExport('x').config, request: { ...sampleExport('x').config.request, requestUrlTemplate: '/api/v2/queues/${input.id}' } },
        }),
      ),
      'right/actions/New.custom.json': json(sampleExport('New')),
    });
    const run = await runCli(['diff', 'left', 'right', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      changes: [
        {
          action: 'Get Queue',
          kind: 'update',
          fields: [
            { field: 'config.request.requestUrlTemplate', replace: false, left: '/api/v2/users/${input.id}', right: '/api/v2/queues/${input.id}' },
          ],
        },
        {
          action: 'Get User',
          kind: 'replace',
          fields: [{ field: 'contract.input.inputSchema.properties.id.type', replace: true, left: 'string', right: 'integer' }],
        },
        { action: 'Gone', kind: 'removed', fields: [] },
        { action: 'New', kind: 'added', fields: [] },
      ],
    });
    const tree = await runCli(['diff', 'left', 'right'], { cwd });
    expect(tree.stdout).toContain('! Get User  replaced (new id: flows that call it must be re-pointed)');
    expect(tree.stdout).toContain('contract.input.inputSchema.properties.id.type: "string" → "integer"  [forces a new id]');
    const markdown = await runCli(['diff', 'left', 'right', '--format', 'markdown'], { cwd });
    expect(markdown.stdout).toContain('| Get User | **replace** |');
  });

  it('ignores key order, JSON formatting inside strings, the export suffix, ids and versions', async () => {
    const base = sampleExport('Create Thing', {
      config: {
        request: { requestUrlTemplate: '/x', requestType: 'POST', headers: { A: '1', B: '2' }, requestTemplate: '{"a": 1, "b": [1, 2]}' },
        response: { translationMap: {}, translationMapDefaults: { n: '0' }, successTemplate: '${rawResult}' },
      },
    });
    const reordered = JSON.parse(JSON.stringify(base)) as DataActionExport & Record<string, unknown>;
    reordered.name = 'Create Thing - Exported 2024-01-02 @ 10:11';
    reordered.config.request.headers = { B: '2', A: '1' };
    reordered.config.request.requestTemplate = '{\n  "b": [1,2],\n  "a": 1\n}';
    reordered.config.response.translationMapDefaults = { n: ' 0 ' };
    reordered.id = 'abc';
    reordered.version = 7;
    const cwd = await tempProject({
      'a.json': json({ ...base, name: 'Create Thing - Exported 2023-12-31 @ 09:00' }),
      'b.json': JSON.stringify(reordered),
      'c.json': json(base),
    });
    const run = await runCli(['diff', 'a.json', 'b.json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('compared without the " - Exported …" suffix, which export files on both sides carry: Create Thing');
    const exact = await runCli(['diff', 'c.json', 'b.json'], { cwd });
    expect(exact.code).toBe(1);
    expect(exact.stdout).toContain('Create Thing - Exported 2024-01-02 @ 10:11');
  });

  it('shows a template change as a unified diff', () => {
    const left = sampleExport('T');
    const right = sampleExport('T');
    right.config.response.successTemplate = '{"email": ${email}, "x": 1}';
    left.config.request.requestTemplate = 'line1\nline2\nline3';
    right.config.request.requestTemplate = 'line1\nchanged\nline3';
    const result = diffActions([comparableFromExport(left, 'l')], [comparableFromExport(right, 'r')]);
    expect(result.changes[0]?.fields.map((f) => f.field)).toEqual(['config.request.requestTemplate', 'config.response.successTemplate']);
    expect(result.changes[0]?.fields[0]?.diff).toBe('@@ -1,3 +1,3 @@\n line1\n-line2\n+changed\n line3');
    expect(unifiedDiff('a', 'a')).toBe('');
  });

  it('says which file is not an export and why, exit 2', async () => {
    const cwd = await tempProject({ 'a.json': json(sampleExport('A')), 'b.json': '{"name": "B", "integrationType": "x"}\n' });
    const run = await runCli(['diff', 'a.json', 'b.json'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^b\.json:1:1 {2}error {2}not a data-action export: .*\(not-an-export\)$/m);
    const missing = await runCli(['diff', 'a.json', 'nope'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope does not exist');
  });

  it('reports a name it cannot match unambiguously and never guesses', () => {
    const a = comparableFromExport(sampleExport('Dup'), 'a1');
    const b = comparableFromExport(sampleExport('Dup'), 'a2');
    const c = comparableFromExport(sampleExport('Dup'), 'b1');
    const result = diffActions([a, b], [c]);
    expect(result.changes).toEqual([]);
    expect(result.ambiguities).toHaveLength(1);
    const byCategory = diffActions(
      [{ ...a, category: 'X' }, { ...b, category: 'Y' }],
      [{ ...c, category: 'Y', secure: true }],
    );
    expect(byCategory.changes.map((ch) => [ch.action, ch.kind])).toEqual([
      ['X/Dup', 'removed'],
      ['Y/Dup', 'replace'],
    ]);
  });

  it('diffs two folders of 1,000 actions each in under a second', async () => {
    const cwd = await tempProject();
    for (const side of ['left', 'right']) {
      await mkdir(join(cwd, side), { recursive: true });
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => {
          const action = sampleExport(`Action ${i}`);
          if (side === 'right' && i % 100 === 0) action.config.request.requestUrlTemplate = `/changed/${i}`;
          return writeFile(join(cwd, side, `a${i}.custom.json`), json(action));
        }),
      );
    }
    const run = await runCli(['diff', 'left', 'right', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).changes).toHaveLength(10);
  });
});

