// node bench/lsp.mjs: the LSP diagnostics round trip for a typical spec (an edit sent → its diagnostics published),
// measured with a real client over stdio against dist/bin.js lsp. Target: median under 50 ms.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const repo = fileURLToPath(new URL('..', import.meta.url));
const file = join(repo, 'definitions/actions/find-external-contacts-by-dni.action.yaml');
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');
const runs = 40;

const server = spawn(process.execPath, [join(repo, 'dist/bin.js'), 'lsp', '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
const client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let published;
client.onNotification('textDocument/publishDiagnostics', (params) => published?.(params));
client.listen();
await client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(repo).href, capabilities: {} });
await client.sendNotification('initialized', {});

const roundTrip = async (send) => {
  const arrived = new Promise((resolve) => (published = resolve));
  const start = performance.now();
  await send();
  await arrived;
  return performance.now() - start;
};
const opened = await roundTrip(() => client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } }));
const times = [];
for (let version = 2; version < runs + 2; version++) {
  // Each edit changes the text (a trailing comment), as typing does.
  const edited = `${text}# edit ${version}\n`;
  times.push(await roundTrip(() => client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] })));
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p90 = times[Math.floor(times.length * 0.9)];
process.stdout.write(`LSP diagnostics round trip (${file.slice(repo.length)}): first open ${opened.toFixed(1)} ms; edits: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms over ${runs} (target < 50 ms)\n`);
client.dispose();
server.kill();
