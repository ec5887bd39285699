import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { bin, ensureBuilt } from '../support/built-binary.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

beforeAll(ensureBuilt, 120_000);

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ range: { start: { line: number; character: number } }; severity: number; code: string; message: string; source: string }>;
}

let server: ChildProcess | undefined;
let client: MessageConnection | undefined;
afterEach(() => {
  client?.dispose();
  server?.kill();
  server = client = undefined;
});

/** Starts `dactl lsp --stdio` as an editor does and initializes it; published diagnostics arrive in `published`. */
async function startServer(root: string) {
  server = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  client = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const waiting: Array<(p: PublishedDiagnostics) => void> = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => waiting.shift()?.(params));
  client.listen();
  const init = await client.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await client.sendNotification('initialized', {});
  const c = client;
  return {
    capabilities: init.capabilities,
    next: () => new Promise<PublishedDiagnostics>((resolve) => waiting.push(resolve)),
    open: (uri: string, text: string, languageId = 'yaml') => c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
    change: (uri: string, version: number, text: string) => c.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    request: <T>(method: string, params: unknown) => c.sendRequest<T>(method, params),
  };
}

const spec = minimalAction.replace('from: $.state', 'from: state').replace('{conversationId}', '{conversationId}?q=${input.conversationId}');

describe('dactl lsp, driven by a real LSP client over stdio', () => {
  it('publishes what dactl lint reports, as the text changes', async () => {
    const root = tempProject({ '.dactl.yaml': 'rules:\n  jsonpath-missing-root: error\n', 'definitions/a.action.yaml': spec });
    const file = join(root, 'definitions/a.action.yaml');
    const uri = pathToFileURL(file).href;
    const lsp = await startServer(root);
    expect(lsp.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything() });

    const first = lsp.next();
    await lsp.open(uri, readFileSync(file, 'utf8'));
    const published = await first;
    const cli = await runCli(['lint', '--format', 'json', 'definitions/a.action.yaml'], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as { diagnostics: Array<{ line: number; column: number; ruleId: string; message: string; severity: string }> }).diagnostics;
    expect(published.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.code, d.message, d.severity])).toEqual(
      expected.map((d) => [d.line, d.column, d.ruleId, d.message, d.severity === 'error' ? 1 : 2]),
    );
    expect(published.diagnostics.every((d) => d.source === 'dactl')).toBe(true);

    const second = lsp.next();
    await lsp.change(uri, 2, spec.replace('from: state', 'from: $.state'));
    expect((await second).diagnostics.map((d) => d.code)).toEqual(['url-unencoded-input']);
  });

  it('offers the --fix rules as quick fixes, and rule docs on hover', async () => {
    const root = tempProject({ 'definitions/a.action.yaml': spec });
    const uri = pathToFileURL(join(root, 'definitions/a.action.yaml')).href;
    const lsp = await startServer(root);
    const first = lsp.next();
    await lsp.open(uri, spec);
    const { diagnostics } = await first;
    const rootless = diagnostics.find((d) => d.code === 'jsonpath-missing-root')!;
    const at = { start: rootless.range.start, end: rootless.range.start };

    const actions = await lsp.request<Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ newText: string; range: { start: { line: number } } }>> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: at, context: { diagnostics: [] } },
    );
    const quickFix = actions.find((a) => a.kind === 'quickfix')!;
    const [edit] = quickFix.edit.changes[uri]!;
    expect(edit!.range.start.line).toBe(rootless.range.start.line);
    expect(edit!.newText).toContain('$.');
    expect(actions.some((a) => a.kind === 'source.fixAll')).toBe(true);

    const hover = await lsp.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: rootless.range.start });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**jsonpath-missing-root** (warn, fixable)');
    expect(hover.contents.value).toContain('docs/rules/jsonpath-missing-root.md');
  });

  it('leaves YAML and JSON files that are not definitions alone', async () => {
    const root = tempProject({ 'package.json': '{"name": "x"}' });
    const lsp = await startServer(root);
    const first = lsp.next();
    await lsp.open(pathToFileURL(join(root, 'package.json')).href, '{"name": "x"}', 'json');
    expect((await first).diagnostics).toEqual([]);
  });
});
