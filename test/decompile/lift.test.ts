import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import { compareBehaviour } from '../../src/decompile/compare-behaviour.js';
import { describeLift, liftExport } from '../../src/decompile/lift-export.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import { runCli } from '../support/cli.js';
import { exportFixture } from '../support/export-fixture.js';
import { corpusFiles, describeWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';
import { tempProject } from '../support/temp-project.js';

const exportsDir = join(corpusDir, 'real-actions');
const files = corpusFiles(exportsDir, '.json');
const load = (file: string) => JSON.parse(readFileSync(join(exportsDir, file), 'utf8')) as DataActionExport;

/** The verdict of every corpus export, and for the kept-raw ones the construct that stops the lift. */
const expected: Record<string, string> = {
  'Get-Callback-Priority': 'safer: differs only where the export was broken: an input left unencoded in the URL',
  'Get-Waiting-Calls': 'same',
  'get-contact-by-phone-number': 'kept raw: an output contract that typed outputs cannot express',
  GetBookableSlotsDataAction: 'kept raw: the success template passes ${rawResult} through',
  'Get-all-Customer-Participant-Data': 'kept raw: output "jsonAttributes" is not filled from the translation map',
  'Get-On-Queue-Agent-Counts': 'same',
  importExample: 'kept raw: the success template passes ${rawResult} through',
  'Create-Callback-Extended': 'same',
  'Get-Queue-Metrics': 'same',
  'Get-Recording-by-Conversation-ID': 'safer: differs only where the export was broken: a translation value written inside a JSON string',
};

describeWithCorpus('--lift on every corpus export', () => {
  it.each(files)('%s', (file) => {
    const exported = load(file);
    const lifted = liftExport(exported);
    const key = Object.keys(expected).find((k) => file.includes(k))!;
    expect(describeLift(lifted)).toContain(expected[key]);
    const compiled = compileAction(lifted.spec);
    expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
    if (lifted.outputs.verdict !== 'kept raw') {
      expect(lifted.spec.response).toBeUndefined();
      expect(Object.values(lifted.spec.outputs ?? {}).length).toBeGreaterThan(0);
      expect(compareBehaviour(exported, compiled.artifact!).verdict).not.toBe('differs');
    }
  });

  it('lifts 6 of the 8 exports that have a translation map to outputs with from', () => {
    const withMap = files.map(load).filter((e) => Object.keys(e.config.response.translationMap).length > 0);
    expect(withMap).toHaveLength(8);
    expect(withMap.filter((e) => liftExport(e).outputs.verdict !== 'kept raw')).toHaveLength(6);
  });
});

describeWithCorpus('the equivalence check', () => {
  it('catches a lift broken on purpose: another path, another default, a lost input', () => {
    const exported = load(files.find((f) => f.includes('Get-Recording-by-Conversation-ID'))!);
    const { spec } = liftExport(exported);
    const [first] = Object.keys(spec.outputs!);
    const otherPath = structuredClone(spec);
    otherPath.outputs![first!]!.from = '$[1].transcript';
    const otherDefault = structuredClone(spec);
    otherDefault.outputs![first!]!.default = 'no transcript';
    for (const broken of [otherPath, otherDefault]) {
      expect(compareBehaviour(exported, compileAction(broken).artifact!).verdict).toBe('differs');
    }
    const lostInput = structuredClone(exported);
    lostInput.config.request.requestUrlTemplate = lostInput.config.request.requestUrlTemplate.replace(/\$\{input\.[A-Za-z]+\}/, 'fixed');
    expect(compareBehaviour(exported, lostInput).verdict).toBe('differs');
  });

  it('calls an unencoded URL input, a formal optional reference and a default that is not JSON safer, and says which', () => {
    const exported = exportFixture({
      name: 'Broken Export',
      url: '/api/v2/users/${input.userId}?expand=${input.expand}',
      inputSchema: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' }, expand: { type: 'string' } } },
      translationMap: { state: '$.state' },
      defaults: { state: 'disconnected' },
      successTemplate: '{"state": ${state}}',
      successSchema: { type: 'object', properties: { state: { type: 'string' } } },
    });
    const lifted = liftExport(exported);
    expect(lifted.spec.request.url).toBe('/api/v2/users/{userId}');
    expect(lifted.spec.request.query).toEqual({ expand: '{expand}' });
    expect(lifted.spec.outputs).toEqual({ state: { type: 'string', from: '$.state', default: 'disconnected' } });
    const line = describeLift(lifted);
    expect(line).toMatch(/^safer: /);
    expect(line).toContain('a default that is not JSON');
    expect(line).toContain('an input left unencoded in the URL');
    expect(line).toContain('a formal reference to an optional input');
  });
});

describeWithCorpus('dactl import --lift', () => {
  it('prints one verdict per action and writes specs that build', async () => {
    const root = tempProject({});
    const run = await runCli(['import', '--lift', exportsDir, '--out', 'definitions/actions'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/; (same|safer|kept raw): /g)).toHaveLength(10);
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
  });
});
