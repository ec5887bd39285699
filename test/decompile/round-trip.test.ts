import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/compile/compile-action.js';
import { decompileExport } from '../../src/decompile/decompile-export.js';
import { specToYaml } from '../../src/decompile/spec-yaml.js';
import { stripExportSuffix, type DataActionExport } from '../../src/export/data-action-export.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { schemaFindings } from '../../src/spec/schema-findings.js';
import { schemaValidator } from '../../src/spec/validators.js';
import { corpusFiles, describeWithCorpus, itWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';

const exportsDir = join(corpusDir, 'real-actions');
const files = corpusFiles(exportsDir, '.json');

function roundTrip(exported: DataActionExport, strip = false): { spec: ActionSpec; yaml: string; rebuilt: unknown } {
  const spec = decompileExport(exported, { stripExportSuffix: strip });
  const yaml = specToYaml(spec, '../../schemas/action.schema.json');
  const reparsed = parse(yaml) as ActionSpec;
  expect(schemaFindings(schemaValidator('action'), reparsed)).toEqual([]);
  const compiled = compileAction(reparsed);
  expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return { spec, yaml, rebuilt: compiled.artifact };
}

describeWithCorpus('import then build gives back the same export', () => {
  it('covers the ten corpus exports', () => {
    expect(files).toHaveLength(10);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(exportsDir, file), 'utf8');
    const exported = JSON.parse(text) as DataActionExport;
    const { rebuilt } = roundTrip(exported);
    expect(JSON.stringify(rebuilt, null, 2)).toBe(JSON.stringify(exported, null, 2));
  });

  it.each(files)('%s keeps everything but the export-date suffix when asked to drop it', (file) => {
    const exported = JSON.parse(readFileSync(join(exportsDir, file), 'utf8')) as DataActionExport;
    const { rebuilt } = roundTrip(exported, true);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify({ ...exported, name: stripExportSuffix(exported.name) }));
  });
});

describe('lifting to the structured form', () => {
  const load = (name: string): DataActionExport =>
    JSON.parse(readFileSync(join(exportsDir, files.find((f) => f.includes(name))!), 'utf8')) as DataActionExport;

  itWithCorpus('types the inputs and outputs of a simple export and keeps its hand-written template raw', () => {
    const { spec } = roundTrip(load('Get-Callback-Priority'));
    expect(spec.inputs).toEqual({ conversationId: { description: 'The conversation ID.', type: 'string', required: true } });
    expect(spec.outputs).toEqual({ priority: { type: 'integer' } });
    expect(spec.response?.successTemplate).toContain('firstFromArray');
    expect(spec.contract).toBeUndefined();
  });

  itWithCorpus('keeps a tuple-typed output contract raw', () => {
    const { spec } = roundTrip(load('importExample'));
    expect(spec.outputs).toBeUndefined();
    expect(spec.contract?.output).toBeDefined();
  });

  it('lifts an export dactl generated back to outputs with from and default', () => {
    const spec: ActionSpec = {
      name: 'Get Customer Chat Communication',
      integration: 'purecloud-data-actions',
      request: { method: 'GET', url: '/api/v2/conversations/{conversationId}' },
      inputs: { conversationId: { type: 'string', required: true } },
      outputs: {
        communicationId: { type: 'string', from: "$.participants[?(@.purpose=='customer')].chats[0].id", default: '' },
        total: { type: 'integer', from: '$.total', default: 0 },
      },
    };
    const artifact = compileAction(spec).artifact!;
    const { spec: lifted, rebuilt } = roundTrip(artifact);
    expect(lifted.request).toEqual(spec.request);
    expect(lifted.outputs).toEqual(spec.outputs);
    expect(lifted.response).toBeUndefined();
    expect(rebuilt).toEqual(artifact);
  });

  it('lifts a generated JSON body back to the structured body', () => {
    const spec: ActionSpec = {
      name: 'Associate',
      integration: 'purecloud-data-actions',
      request: {
        method: 'PUT',
        url: '/api/v2/externalcontacts/conversations/{conversationId}',
        headers: { 'Content-Type': 'application/json' },
        body: { conversationId: '{conversationId}', note: 'note: {note}', count: '{count}' },
      },
      inputs: {
        conversationId: { type: 'string', required: true },
        note: { type: 'string' },
        count: { type: 'integer', required: true },
      },
      outputs: {},
    };
    const artifact = compileAction(spec).artifact!;
    const { spec: lifted } = roundTrip(artifact);
    expect(lifted.request.body).toEqual(spec.request.body);
  });

  it('lifts a body whose members are all optional, with literal $ and # text', () => {
    const spec: ActionSpec = {
      name: 'Optional members',
      integration: 'custom-rest-actions',
      request: {
        method: 'POST',
        url: 'https://example.com/hook',
        headers: { 'Content-Type': 'application/json' },
        body: { a: '{a}', nested: { b: '{b}', price: '$total #1 #if' }, list: ['{a}', 'x'], optional: { c: '{a}', d: '{b}' } },
      },
      inputs: { a: { type: 'string' }, b: { type: 'boolean' } },
      outputs: {},
    };
    const artifact = compileAction(spec).artifact!;
    expect(artifact.config.request.requestTemplate).toContain('#set($dactlSeparator');
    const { spec: lifted } = roundTrip(artifact);
    expect(lifted.request.body).toEqual(spec.request.body);
  });

  it('lifts a generated form body back to form fields', () => {
    const spec: ActionSpec = {
      name: 'Token',
      integration: 'custom-rest-actions',
      request: {
        method: 'POST',
        url: 'https://login.example.com/oauth/token',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        form: { grant_type: 'client_credentials', note: 'a b&c={who}' },
      },
      inputs: { who: { type: 'string', required: true } },
      outputs: {},
    };
    const { spec: lifted } = roundTrip(compileAction(spec).artifact!);
    expect(lifted.request.form).toEqual(spec.request.form);
  });
});
