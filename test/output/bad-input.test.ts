import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/output/build-project.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

interface Expected {
  ruleId: string;
  line: number;
  column: number;
}

async function build(content: string | Uint8Array) {
  const root = tempProject({
    'definitions/actions/good.action.yaml': minimalAction.replace('Get Conversation', 'Good One'),
    'definitions/actions/bad.action.yaml': content,
    'out/actions/keep.custom.json': '{"previous": true}\n',
  });
  const result = await buildProject({ definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') });
  const bad = result.diagnostics
    .filter((d) => d.file.endsWith('bad.action.yaml'))
    .map((d) => ({ ruleId: d.ruleId, line: d.range?.start.line, column: d.range?.start.column }));
  return { root, result, bad };
}

async function expectRejected(content: string | Uint8Array, expected: Expected[]) {
  const { root, result, bad } = await build(content);
  for (const e of expected) expect(bad).toContainEqual(e);
  expect(result.outcome).toBe('not-written');
  expect(readFileSync(join(root, 'out/actions/keep.custom.json'), 'utf8')).toBe('{"previous": true}\n');
  expect(existsSync(join(root, 'out/actions/Good-One.custom.json'))).toBe(false);
  return bad;
}

describe('bad input is reported with rule id, line and column, and out/ is left as it was', () => {
  it('a YAML syntax error', async () => {
    await expectRejected('name: x\nrequest: [unclosed\n', [{ ruleId: 'yaml-bad-indent', line: 3, column: 1 }]);
  });

  it('a duplicate key', async () => {
    await expectRejected(minimalAction + 'name: Again\n', [{ ruleId: 'yaml-duplicate-key', line: 12, column: 1 }]);
  });

  it('an unknown key, with a suggestion', async () => {
    const { result } = await build(minimalAction.replace('request:', 'reqest:'));
    const unknown = result.diagnostics.find((d) => d.ruleId === 'spec-unknown-key');
    expect(unknown?.range?.start).toEqual({ line: 3, column: 1 });
    expect(unknown?.message).toContain('did you mean "request"');
  });

  it('an unknown key deep inside, reported together with the other problems of the file', async () => {
    const content = minimalAction.replace('required: true }', 'requred: true }').replace('$.state', '$.state[?(@.a==]');
    await expectRejected(content, [
      { ruleId: 'spec-unknown-key', line: 7, column: 35 },
      { ruleId: 'jsonpath-syntax', line: 11, column: 20 },
    ]);
  });

  it('a wrong type', async () => {
    await expectRejected(minimalAction.replace('type: string, required: true', 'type: string, required: yes please'), [
      { ruleId: 'spec-type', line: 7, column: 45 },
    ]);
  });

  it('a wrong enum value, with a suggestion', async () => {
    const bad = await expectRejected(minimalAction.replace('method: GET', 'method: GTE'), [
      { ruleId: 'spec-enum', line: 4, column: 11 },
    ]);
    expect(bad).toHaveLength(1);
  });

  it('an invalid JSONPath in from, with the column inside the expression', async () => {
    await expectRejected(minimalAction.replace('from: $.state', "from: $.participants[?(@.purpose=='customer'].id"), [
      { ruleId: 'jsonpath-syntax', line: 11, column: 27 },
    ]);
  });

  it('an input used in the URL but not declared', async () => {
    await expectRejected(minimalAction.replace('{conversationId}', '{conversationID}'), [
      { ruleId: 'unknown-input-reference', line: 5, column: 30 },
    ]);
  });

  it('an input used in the body but not declared', async () => {
    const content = minimalAction.replace('method: GET', 'method: POST').replace(
      'inputs:\n',
      '  body:\n    note: "hello {nme}"\ninputs:\n  name: { type: string }\n',
    );
    await expectRejected(content, [{ ruleId: 'unknown-input-reference', line: 7, column: 18 }]);
  });

  it('an alias bomb, refused fast', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    await expectRejected(bomb.join('\n') + '\n', [{ ruleId: 'yaml-alias-bomb', line: 2, column: 8 }]);
  });

  it('__proto__ and constructor keys, without polluting prototypes', async () => {
    const content = minimalAction + '__proto__:\n  polluted: true\nrequest2:\n  constructor: { polluted: true }\n';
    await expectRejected(content, [
      { ruleId: 'unsafe-key', line: 12, column: 1 },
      { ruleId: 'unsafe-key', line: 15, column: 3 },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    await expectRejected(bytes, [{ ruleId: 'file-encoding', line: 1, column: 10 }]);
  });

  it('a 10 MB file', async () => {
    const big = minimalAction + '# ' + 'x'.repeat(10 * 1024 * 1024) + '\n';
    await expectRejected(big, [{ ruleId: 'file-too-large', line: 1, column: 1 }]);
  });
});

describe('encodings that are fine are read correctly', () => {
  it('a BOM does not shift columns', async () => {
    await expectRejected('\uFEFF' + minimalAction.replace('method: GET', 'method: GTE'), [
      { ruleId: 'spec-enum', line: 4, column: 11 },
    ]);
  });

  it('CRLF line ends keep lines and columns right', async () => {
    const crlf = minimalAction.replace('from: $.state', 'from: $.state[?(@.x ==]').replace(/\n/g, '\r\n');
    await expectRejected(crlf, [{ ruleId: 'jsonpath-syntax', line: 11, column: 20 }]);
  });

  it('a clean project builds and a second build writes the same bytes', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': minimalAction });
    const options = { definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') };
    const first = await buildProject(options);
    expect(first.outcome).toBe('written');
    const bytes = readFileSync(join(root, 'out/actions/Get-Conversation.custom.json'));
    const second = await buildProject(options);
    expect(second.outcome).toBe('up-to-date');
    expect(readFileSync(join(root, 'out/actions/Get-Conversation.custom.json'))).toEqual(bytes);
  });
});
