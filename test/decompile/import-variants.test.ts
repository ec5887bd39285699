import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { exportFixture } from '../support/export-fixture.js';
import { tempProject } from '../support/temp-project.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Imports the files, builds, and returns the specs written and the built exports. */
async function importAndBuild(files: Record<string, string | Uint8Array>, ...flags: string[]) {
  const root = tempProject(files);
  const imported = await runCli(['import', 'exports', '--out', 'definitions/actions', ...flags], { cwd: root });
  const built = await runCli(['build'], { cwd: root });
  const specs = readdirSync(join(root, 'definitions/actions')).sort();
  const outs = readdirSync(join(root, 'out/actions')).sort();
  const out = (file: string) => JSON.parse(readFileSync(join(root, 'out/actions', file), 'utf8')) as Record<string, unknown>;
  return { root, imported, built, specs, outs, out };
}

describe('import takes every shape of export the platform produces', () => {
  it('keeps a static action as a read-only reference that builds back to itself', async () => {
    const exported = { ...exportFixture({ name: 'Get Current Time' }), actionType: 'static' };
    const run = await importAndBuild({ 'exports/time.json': json(exported) });
    expect(run.imported.code).toBe(0);
    expect(run.imported.stdout).toContain('a built-in (static) action');
    expect(readFileSync(join(run.root, 'definitions/actions/Get-Current-Time.action.yaml'), 'utf8')).toMatch(/^static: true$/m);
    expect(run.built.code).toBe(0);
    expect(json(run.out('Get-Current-Time.custom.json'))).toBe(json(exported));
  });

  it('fills in what an export leaves out (translationMapDefaults, headers, secure) and says so', async () => {
    const full = exportFixture({ name: 'Sparse', translationMap: { id: '$.id' }, successTemplate: '{"id": ${id}}' });
    const sparse = structuredClone(full) as unknown as Record<string, any>;
    delete sparse.config.response.translationMapDefaults;
    delete sparse.config.request.headers;
    delete sparse.secure;
    const run = await importAndBuild({ 'exports/sparse.json': json(sparse) });
    expect(run.imported.code).toBe(0);
    expect(run.imported.stdout).toContain('filled in what the export lacks: secure, config.request.headers, config.response.translationMapDefaults');
    expect(run.built.code).toBe(0);
    expect(json(run.out('Sparse.custom.json'))).toBe(json(full));
  });

  it('reads a byte-order mark and CRLF line ends, and keeps CRLF inside templates exactly', async () => {
    const exported = exportFixture({ name: 'Windows', method: 'POST', body: '{\r\n  "a": "b"\r\n}', successTemplate: '{\n  "x": 1\n}' });
    const text = '\ufeff' + json(exported).replace(/\n/g, '\r\n');
    const run = await importAndBuild({ 'exports/windows.json': text });
    expect(run.imported.code).toBe(0);
    const spec = readFileSync(join(run.root, 'definitions/actions/Windows.action.yaml'), 'utf8');
    expect(spec).toContain('template: "{\\r\\n  \\"a\\": \\"b\\"\\r\\n}"');
    expect(spec).toContain('successTemplate: |-\n    {\n      "x": 1\n    }');
    expect(run.built.code).toBe(0);
    expect(json(run.out('Windows.custom.json'))).toBe(json(exported));
  });

  it('gives one name in two integrations, and names that differ only in case, files of their own', async () => {
    const files = {
      'exports/a.json': json(exportFixture({ name: 'Get User', integrationType: 'purecloud-data-actions' })),
      'exports/b.json': json(exportFixture({ name: 'Get User', integrationType: 'custom-rest-actions', url: 'https://crm.example/u' })),
      'exports/c.json': json(exportFixture({ name: 'get user', url: '/api/v2/users/me?x=1' })),
    };
    const run = await importAndBuild(files);
    expect(run.imported.code).toBe(0);
    const lower = run.specs.map((f) => f.toLowerCase());
    expect(new Set(lower).size).toBe(3);
    expect(run.specs).toContain('Get-User.action.yaml');
    expect(run.specs).toContain('Get-User-purecloud-data-actions.action.yaml');
    expect(run.built.code).toBe(0);
    expect(run.imported.stdout).toMatch(/differs from "Get User" only in case/);
    expect(run.built.stderr).toMatch(/"get user" differs from "Get User" only in case.*\(name-differs-only-in-case\)/);
    expect(new Set(run.outs.map((f) => f.toLowerCase())).size).toBe(run.outs.length);
  });

  it('builds an action with a 250- and a 256-character name into short, distinct file names', async () => {
    const long = 'Get '.padEnd(250, 'x');
    const longest = 'Get '.padEnd(256, 'x');
    const run = await importAndBuild({
      'exports/long.json': json(exportFixture({ name: long })),
      'exports/longest.json': json(exportFixture({ name: longest })),
    });
    expect(run.imported.code).toBe(0);
    expect(run.built.code).toBe(0);
    expect(run.specs.every((f) => f.length <= 120)).toBe(true);
    expect(run.outs).toHaveLength(2);
    expect(run.outs.map((f) => run.out(f).name).sort()).toEqual([long, longest]);
  });

  it('keeps an output contract with additionalItems raw, and the spec still builds', async () => {
    const exported = exportFixture({
      name: 'Odd Schemas',
      translationMap: { items: '$.items' },
      successTemplate: '{"items": ${items}}',
      successSchema: {
        type: 'object',
        properties: { items: { type: 'array', items: [{ type: 'string' }], additionalItems: false } },
      },
    });
    const run = await importAndBuild({ 'exports/odd.json': json(exported) });
    expect(run.imported.stderr).toBe('');
    expect(run.built.code).toBe(0);
    expect(json(run.out('Odd-Schemas.custom.json'))).toBe(json(exported));
  });

  it('keeps __proto__ and constructor keys in headers, the translation map and the contract, and builds them back', async () => {
    const exported = exportFixture({
      name: 'Proto Keys',
      translationMap: { constructor: '$.id', other: '$.x' },
      defaults: { constructor: '"none"' },
      successTemplate: '{"id": ${constructor}}',
      successSchema: { type: 'object', properties: { id: { type: 'string' } } },
    });
    const text = json(exported)
      .replace('"headers": {}', '"headers": {\n        "__proto__": "yes"\n      }')
      .replace('"other": "$.x"', '"__proto__": "$.x"')
      .replace('"id": {\n', '"__proto__": { "type": "string" },\n            "id": {\n');
    const run = await importAndBuild({ 'exports/proto.json': text });
    expect(run.imported.code).toBe(0);
    expect(run.built.stderr).not.toContain('unsafe-key');
    expect(run.built.code).toBe(0);
    const built = run.out('Proto-Keys.custom.json') as { config: { request: { headers: Record<string, string> } } };
    expect(Object.getOwnPropertyDescriptor(built.config.request.headers, '__proto__')?.value).toBe('yes');
    expect(json(built)).toBe(json(JSON.parse(text)));
  });

  it('drops the export suffix by default and keeps it with --keep-export-suffix', async () => {
    const files = { 'exports/a.json': json(exportFixture({ name: 'Get Thing - Exported 2024-01-02 @ 10:11' })) };
    expect((await importAndBuild(files)).specs).toEqual(['Get-Thing.action.yaml']);
    expect((await importAndBuild(files, '--keep-export-suffix')).specs).toEqual(['Get-Thing-Exported-2024-01-02-10-11.action.yaml']);
  });
});
