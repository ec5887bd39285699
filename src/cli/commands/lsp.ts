import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startLanguageServer } from '../../lsp/server.js';

/** Serves the Language Server Protocol on standard input and output until the client ends the session. */
export async function runLsp(): Promise<number> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const closed = new Promise<void>((resolve) => connection.onExit(resolve));
  startLanguageServer(connection);
  await closed;
  return 0;
}
