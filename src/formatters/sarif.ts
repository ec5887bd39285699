import type { Diagnostic, Severity } from '../diagnostics/index.js';
import { docsUrl, findCheck } from '../diagnostics/registry.js';
import { displayPath, type FormatContext } from './format-context.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0: one run, every lint rule and every other check that reported described from its declaration with
 * its docs link, results with file regions relative to the root.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const lintRules = context.rules ?? [];
  const ruleIds = lintRules.map((rule) => rule.id);
  for (const d of diagnostics) if (!ruleIds.includes(d.ruleId)) ruleIds.push(d.ruleId);
  const rules = ruleIds.map((id) => {
    const meta = findCheck(id, lintRules);
    const rule = lintRules.find((r) => r.id === id);
    return meta
      ? {
          id,
          shortDescription: { text: meta.description },
          helpUri: docsUrl(meta),
          defaultConfiguration: { level: level[meta.defaultSeverity], ...(rule ? { enabled: rule.recommended } : {}) },
        }
      : { id, shortDescription: { text: `dactl check ${id}` } };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIds.indexOf(d.ruleId),
    level: level[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(displayPath(d.file, context.cwd)), uriBaseId: '%SRCROOT%' },
          ...(d.range
            ? {
                region: {
                  startLine: d.range.start.line,
                  startColumn: d.range.start.column,
                  endLine: d.range.end.line,
                  endColumn: Math.max(d.range.end.column, d.range.end.line === d.range.start.line ? d.range.start.column : 1),
                },
              }
            : {}),
        },
      },
    ],
  }));
  const log = {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dactl',
            informationUri: 'https://github.com/dactl/dactl',
            ...(context.toolVersion ? { version: context.toolVersion } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(context.cwd)}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pathToFileUri(path: string): string {
  const normalised = path.replace(/\\/g, '/').replace(/\/$/, '');
  return `file://${normalised.startsWith('/') ? '' : '/'}${encodeURI(normalised)}`;
}
