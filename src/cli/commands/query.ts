import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../../diagnostics/index.js';
import { compileJsonPath, JsonPathSyntaxError, toJsonText, type CompiledPath } from '../../jsonpath/index.js';
import { MAX_RESPONSE_BYTES, parseJsonText } from '../../simulate/response-body.js';
import type { CliIo } from '../io.js';

export async function runQuery(path: string, file: string | undefined, io: CliIo): Promise<number> {
  let compiled: CompiledPath;
  try {
    compiled = compileJsonPath(path);
  } catch (error) {
    if (!(error instanceof JsonPathSyntaxError)) throw error;
    io.stderr(syntaxErrorText(path, error));
    return ExitCode.usage;
  }
  const document = parseJsonText(await readDocument(file, io));
  if (!document.ok) throw new UserError(`${file && file !== '-' ? file : 'standard input'}: ${document.message.replace(/^the response body/, 'the document')}`);
  const result = compiled.evaluate(document.value);
  if (!result.found) {
    io.stderr(`not found: ${result.reason}\n`);
    return ExitCode.findings;
  }
  io.stdout(`${result.double ? toJsonText(result) : pretty(result.value)}\n`);
  return ExitCode.ok;
}

function syntaxErrorText(path: string, error: JsonPathSyntaxError): string {
  const offset = Math.max(0, Math.min(error.offset, path.length));
  const width = Math.max(1, Math.min(error.length, path.length - offset));
  return `dactl: invalid JSONPath at column ${offset + 1}: ${error.message}\n  ${path}\n  ${' '.repeat(offset)}^${'~'.repeat(width - 1)}\n`;
}

async function readDocument(file: string | undefined, io: CliIo): Promise<string> {
  if (file === undefined || file === '-') {
    if (io.readStdin) return io.readStdin();
    if (process.stdin.isTTY) throw new UserError('give a JSON file, or pipe the document into standard input');
    return readProcessStdin();
  }
  const target = resolve(io.cwd, file);
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) throw new UserError(`${file}: no such file`);
  if (info.size > MAX_RESPONSE_BYTES) {
    throw new UserError(`${file} is ${(info.size / 1048576).toFixed(1)} MB; dactl refuses documents over ${MAX_RESPONSE_BYTES / 1048576} MB`);
  }
  return readFile(target, 'utf8');
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_RESPONSE_BYTES) throw new UserError(`standard input is over ${MAX_RESPONSE_BYTES / 1048576} MB; dactl refuses documents this large`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Pretty JSON; a result too deep for JSON.stringify's recursion is printed compact instead. */
function pretty(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'null';
  } catch (error) {
    if (error instanceof RangeError) return toJsonText({ found: true, value });
    throw error;
  }
}
