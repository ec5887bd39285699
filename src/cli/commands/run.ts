import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readExport } from '../../decompile/import-exports.js';
import { ExitCode, suggestion, UserError, type Diagnostic } from '../../diagnostics/index.js';
import type { DataActionExport } from '../../export/data-action-export.js';
import { formatCompact } from '../../formatters/compact.js';
import { displayPath } from '../../formatters/format-context.js';
import { actionLintFindings, formatLintSection } from '../action-lint.js';
import { loadAction } from '../../project/load-project.js';
import { formatTrace } from '../../simulate/format-trace.js';
import { MAX_RESPONSE_BYTES } from '../../simulate/response-body.js';
import { simulateAction } from '../../simulate/simulate-action.js';
import type { RunFormat } from '../choices.js';
import type { CliIo } from '../io.js';
import { own } from '../../json/own.js';

export interface RunCommandOptions {
  input?: string[];
  inputFile?: string;
  response: string;
  status?: string;
  format?: RunFormat;
}

export async function runRun(target: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  const { format = 'text' } = options;
  const status = parseStatus(options.status);
  const diagnostics: Diagnostic[] = [];
  const artifact = await loadArtifact(resolve(io.cwd, target), diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) io.stderr(formatCompact(errors, io.cwd));
  if (!artifact) {
    io.stderr(`${target} cannot be run until these errors are fixed\n`);
    return ExitCode.usage;
  }
  const input = { ...(await inputFile(options.inputFile, io)), ...inputPairs(options.input ?? [], artifact) };
  requireDeclared(Object.keys(input), artifact);
  const body = await responseText(options.response, io);
  const trace = simulateAction(artifact, { input, response: { body, status } });
  const lint = await actionLintFindings(resolve(io.cwd, target), io.cwd);
  if (format === 'json') io.stdout(`${JSON.stringify({ ...trace, lint: lint.map((d) => ({ ...d, file: displayPath(d.file, io.cwd) })) }, null, 2)}\n`);
  else io.stdout(formatTrace(trace, `${artifact.name}: offline run against ${basename(options.response)}`) + formatLintSection(lint, io.cwd));
  return trace.success ? ExitCode.ok : ExitCode.findings;
}

async function loadArtifact(path: string, diagnostics: Diagnostic[]): Promise<DataActionExport | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UserError(`${path}: no such file (give an *.action.yaml spec or an export JSON)`);
  if (path.toLowerCase().endsWith('.json')) return readExport(path, diagnostics);
  const action = await loadAction(path);
  diagnostics.push(...action.diagnostics);
  return action.artifact;
}

function parseStatus(text: string | undefined): number {
  if (text === undefined) return 200;
  const status = Number(text);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new UserError(`--status ${text}: give an HTTP status from 100 to 599`);
  return status;
}

async function inputFile(file: string | undefined, io: CliIo): Promise<Record<string, unknown>> {
  if (file === undefined) return {};
  const text = await readFile(resolve(io.cwd, file), 'utf8').catch(() => {
    throw new UserError(`--input-file ${file}: no such file`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`--input-file ${file} is not JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`--input-file ${file} must hold a JSON object of input values`);
  }
  return value as Record<string, unknown>;
}

/** An input the contract does not declare is never read by the action: most often a typo. */
function requireDeclared(names: readonly string[], artifact: DataActionExport): void {
  const declared = Object.keys(artifact.contract.input.inputSchema.properties ?? {});
  const unknown = names.filter((name) => !declared.includes(name));
  if (unknown.length === 0) return;
  const described = unknown.map((name) => `"${name}"${suggestion(name, declared).replace(/^; (.*)\?$/, ' ($1)')}`);
  throw new UserError(`--input ${described.join(', ')}: the input contract declares no such input (it has ${declared.length ? declared.join(', ') : 'none'})`);
}

/** `name=value` pairs, each value converted to the type the input contract gives that name. */
function inputPairs(pairs: string[], artifact: DataActionExport): Record<string, unknown> {
  const properties = (artifact.contract.input.inputSchema.properties ?? {}) as Record<string, { type?: unknown }>;
  const input: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UserError(`--input ${pair}: write name=value`);
    const name = pair.slice(0, equals);
    input[name] = typed(pair.slice(equals + 1), own(properties, name)?.type);
  }
  return input;
}

function typed(text: string, type: unknown): unknown {
  const kind = Array.isArray(type) ? type.find((t) => t !== 'null') : type;
  if (kind === 'integer' && /^[-+]?\d+$/.test(text)) return Number(text);
  if (kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

async function responseText(file: string, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UserError(`--response ${file}: no such file`);
  if (info.size > MAX_RESPONSE_BYTES) {
    throw new UserError(`--response ${file} is ${(info.size / 1048576).toFixed(1)} MB; dactl refuses response bodies over ${MAX_RESPONSE_BYTES / 1048576} MB`);
  }
  return readFile(path, 'utf8');
}
