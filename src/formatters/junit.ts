import type { Diagnostic } from '../diagnostics/index.js';
import { displayPath, type FormatContext } from './format-context.js';

/** JUnit XML: one test suite per file, one failing test case per problem, one passing case for a clean file. */
export function formatJunit(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of context.files ?? []) byFile.set(file, []);
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, found] of byFile) {
    const name = escapeXml(displayPath(file, context.cwd));
    const cases = found.length
      ? found.map((d) => {
          const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
          const text = `${displayPath(file, context.cwd)}${where ? `:${where}` : ''} ${d.severity} ${d.message} (${d.ruleId})`;
          return `    <testcase classname="${name}" name="${escapeXml(`${d.ruleId}${where ? ` at ${where}` : ''}`)}">\n      <failure type="${d.severity}" message="${escapeAttribute(d.message)}">${escapeXml(text)}</failure>\n    </testcase>`;
        })
      : [`    <testcase classname="${name}" name="dactl lint"/>`];
    tests += cases.length;
    failures += found.length;
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${found.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dactl lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
