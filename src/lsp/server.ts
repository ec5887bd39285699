import { isNotADefinition } from '../diagnostics/registry.js';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '../diagnostics/index.js';
import { loadLintConfig, withFolderConfigs, type LintConfig } from '../lint/config.js';
import { ruleDocsUrl } from '../lint/define-rule.js';
import { applyFixes } from '../lint/fix.js';
import { fixFile } from '../lint/fix-result.js';
import { lintText, type FileLintResult } from '../lint/lint-files.js';
import { rulesById } from '../lint/rules/index.js';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * `dactl lsp`: the diagnostics of `dactl lint` for each open spec or export as it is typed, the `--fix` rules as
 * quick fixes, and the rule's description and docs link on hover.
 */
export function startLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, FileLintResult>();
  const configs = new Map<string, Promise<LintConfig>>();
  const versions = new Map<string, number>();

  const configFor = (file: string): Promise<LintConfig> => {
    const dir = dirname(file);
    let config = configs.get(dir);
    if (!config) {
      config = loadLintConfig(dir).then(async (project) => (await withFolderConfigs(project.config, [file], false)).config);
      configs.set(dir, config);
    }
    return config;
  };

  const lint = async (document: TextDocument): Promise<void> => {
    const file = fileOf(document.uri);
    if (!file || !/\.(json|ya?ml)$/i.test(file)) return;
    const version = document.version;
    versions.set(document.uri, version);
    const result = lintText(file, document.getText(), await configFor(file));
    if (versions.get(document.uri) !== version) return;
    results.set(document.uri, result);
    // A YAML or JSON file that is not a definition is none of dactl's business in the editor.
    const diagnostics = result.kind === 'skipped' && result.diagnostics.every((d) => isNotADefinition(d.ruleId)) ? [] : result.diagnostics;
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: diagnostics.map(toLsp) });
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      hoverProvider: true,
    },
    serverInfo: { name: 'dactl' },
  }));
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    for (const document of documents.all()) void lint(document);
  });
  documents.onDidChangeContent((change) => void lint(change.document));
  documents.onDidClose((event) => {
    results.delete(event.document.uri);
    versions.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async ({ textDocument, range }) => {
    const document = documents.get(textDocument.uri);
    const result = results.get(textDocument.uri);
    if (!document || !result || result.text !== document.getText()) return [];
    const actions: CodeAction[] = [];
    for (const fix of result.fixes) {
      const diagnostic = result.diagnostics.find((d) => (d.ruleIds ?? [d.ruleId]).includes(fix.ruleId) && overlaps(toRange(d), range));
      if (!diagnostic) continue;
      const edit = wholeEdit(document, applyFixes(result.file, result.text, [fix]).text);
      if (!edit) continue;
      actions.push({
        title: `Fix: ${diagnostic.message.length > 80 ? `${(diagnostic.ruleIds ?? [diagnostic.ruleId]).join(', ')}` : diagnostic.message}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLsp(diagnostic)],
        isPreferred: true,
        edit: { changes: { [textDocument.uri]: [edit] } },
      });
    }
    if (result.fixes.length > 1) {
      const edit = wholeEdit(document, fixFile(result, await configFor(result.file)).after);
      if (edit) actions.push({ title: 'Fix all dactl problems with a mechanical fix', kind: CodeActionKind.SourceFixAll, edit: { changes: { [textDocument.uri]: [edit] } } });
    }
    return actions;
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const result = results.get(textDocument.uri);
    const here = result?.diagnostics.filter((d) => overlaps(toRange(d), { start: position, end: position }));
    if (!here?.length) return null;
    const sections = here.flatMap((d) =>
      (d.ruleIds ?? [d.ruleId]).map((id) => {
        const rule = rulesById.get(id);
        return rule ? `**${id}** (${d.severity}${rule.fixable ? ', fixable' : ''})\n\n${rule.description}\n\n[Rule documentation](${ruleDocsUrl(id)})` : `**${id}**\n\n${d.message}`;
      }),
    );
    return { contents: { kind: 'markdown', value: [...new Set(sections)].join('\n\n---\n\n') } };
  });

  documents.listen(connection);
  connection.listen();
}

function fileOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

function toRange(d: Diagnostic): LspRange {
  const start = d.range?.start ?? { line: 1, column: 1 };
  const end = d.range?.end ?? start;
  return { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } };
}

function toLsp(d: Diagnostic): LspDiagnostic {
  const ids = d.ruleIds ?? [d.ruleId];
  return {
    range: toRange(d),
    severity: severities[d.severity],
    source: 'dactl',
    code: ids.join(', '),
    ...(rulesById.has(d.ruleId) ? { codeDescription: { href: ruleDocsUrl(d.ruleId) } } : {}),
    message: d.message,
  };
}

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange['start'], y: LspRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** One edit replacing what differs between the document and `after` (the common head and tail stay). */
function wholeEdit(document: TextDocument, after: string): { range: LspRange; newText: string } | undefined {
  const before = document.getText();
  if (before === after) return undefined;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return {
    range: { start: document.positionAt(head), end: document.positionAt(before.length - tail) },
    newText: after.slice(head, after.length - tail),
  };
}
