import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { TestRun } from '../simulate/run-project-tests.js';

/** `dactl test` results as JUnit XML: one testsuite per spec, one testcase per test. */
export function formatTestJunit(run: TestRun, cwd = process.cwd()): string {
  const tests = run.passed + run.failed;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dactl test" tests="${tests + run.broken}" failures="${run.failed}" errors="${run.broken + run.diagnostics.length}">`,
  ];
  for (const diagnostic of run.diagnostics) {
    const file = relative(cwd, diagnostic.file) || diagnostic.file;
    lines.push(`  <testsuite name="${xml(file)}" tests="1" failures="0" errors="1">`);
    lines.push(`    <testcase name="${xml(file)}" classname="${xml(file)}"><error message="${xml(diagnostic.message)}"/></testcase>`);
    lines.push('  </testsuite>');
  }
  for (const report of run.reports) {
    const file = relative(cwd, report.file) || report.file;
    const suite = report.action ?? file;
    const failures = report.results.filter((r) => !r.passed).length;
    const errors = report.diagnostics.length ? 1 : 0;
    lines.push(`  <testsuite name="${xml(suite)}" file="${xml(file)}" tests="${report.results.length + errors}" failures="${failures}" errors="${errors}">`);
    if (errors) {
      lines.push(`    <testcase name="compile" classname="${xml(suite)}" file="${xml(file)}">`);
      lines.push(`      <error message="the spec does not compile, so its tests did not run">${xml(describe(report.diagnostics, cwd))}</error>`);
      lines.push('    </testcase>');
    }
    for (const result of report.results) {
      const line = result.range ? ` line="${result.range.start.line}"` : '';
      const open = `    <testcase name="${xml(result.name)}" classname="${xml(suite)}" file="${xml(file)}"${line}`;
      if (result.passed) {
        lines.push(`${open}/>`);
        continue;
      }
      const first = result.problems[0]?.message ?? 'failed';
      lines.push(`${open}>`);
      lines.push(`      <failure message="${xml(first)}">${xml(describe(result.problems, cwd))}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function describe(diagnostics: readonly Diagnostic[], cwd: string): string {
  return diagnostics
    .map((d) => {
      const file = relative(cwd, d.file) || d.file;
      return `${d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file}: ${d.message}`;
    })
    .join('\n');
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
