import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic, Finding, PathSegment, Range } from '../diagnostics/index.js';
import type { ProjectAction } from '../project/model.js';
import type { TestSpec } from '../spec/action-spec.js';
import { checkExpectations, type Mismatch } from './check-expectations.js';
import { MAX_RESPONSE_BYTES } from './response-body.js';
import { simulateAction } from './simulate-action.js';
import type { RecordedResponse, Trace } from './types.js';

export interface SpecTestResult {
  /** The action's name and the test's name. */
  action: string;
  name: string;
  file: string;
  /** Where the test starts in the spec. */
  range: Range | undefined;
  passed: boolean;
  /** Why the test failed, each pointing at the expectation (or `responseFile`) it concerns. */
  problems: Diagnostic[];
  /** Undefined when the test could not run (e.g. its response file is missing). */
  trace: Trace | undefined;
}

export interface SpecTestReport {
  file: string;
  action: string | undefined;
  results: SpecTestResult[];
  /** Errors that kept the spec from compiling, so none of its tests ran. */
  diagnostics: Diagnostic[];
}

type SpecAction = Pick<ProjectAction, 'file' | 'source' | 'spec' | 'artifact' | 'diagnostics'>;

/** Runs the `tests:` of one loaded spec through the simulator and compares each with its expectations. */
export async function runSpecTests(action: SpecAction): Promise<SpecTestReport> {
  const report: SpecTestReport = { file: action.file, action: action.spec?.name, results: [], diagnostics: [] };
  const errors = action.diagnostics.filter((d) => d.severity === 'error');
  if (!action.spec || !action.artifact || errors.length) {
    report.diagnostics = errors.length ? errors : action.diagnostics;
    return report;
  }
  const tests = action.spec.tests ?? [];
  for (let index = 0; index < tests.length; index++) {
    report.results.push(await runOne(action, tests[index] as TestSpec, index));
  }
  return report;
}

async function runOne(action: SpecAction, test: TestSpec, index: number): Promise<SpecTestResult> {
  const base: PathSegment[] = ['tests', index];
  const locate = (mismatch: Mismatch): Diagnostic =>
    action.source.locate({ severity: 'error', ...mismatch, path: [...base, ...mismatch.path] } satisfies Finding);
  const result: SpecTestResult = {
    action: action.spec?.name ?? '',
    name: test.name,
    file: action.file,
    range: action.source.rangeOf(base),
    passed: false,
    problems: [],
    trace: undefined,
  };
  const body = responseBody(action.file, test);
  if (!body.ok) {
    result.problems.push(locate({ ruleId: 'test-response-file', message: body.message, path: ['responseFile'], at: 'key' }));
    return result;
  }
  const response: RecordedResponse = { body: body.value, ...(test.status !== undefined ? { status: test.status } : {}) };
  const trace = simulateAction(action.artifact!, { input: test.input ?? {}, response });
  result.trace = trace;
  const hasResponse = test.response !== undefined || test.responseFile !== undefined;
  const statusOk = test.status === undefined || (test.status >= 200 && test.status <= 299);
  result.problems = checkExpectations(test.expect, trace, {
    requireSuccess: hasResponse,
    responseFile: test.responseFile !== undefined && statusOk,
  }).map(locate);
  result.passed = result.problems.length === 0;
  return result;
}

function responseBody(specFile: string, test: TestSpec): { ok: true; value: unknown } | { ok: false; message: string } {
  if (test.responseFile === undefined) return { ok: true, value: test.response };
  const file = resolve(dirname(specFile), test.responseFile);
  try {
    // Synchronous: recorded responses are small, and an asynchronous read costs more in round trips than it reads.
    const info = statSync(file);
    if (!info.isFile()) return { ok: false, message: `responseFile ${test.responseFile} is not a file` };
    if (info.size > MAX_RESPONSE_BYTES) {
      return { ok: false, message: `responseFile ${test.responseFile} is ${(info.size / 1048576).toFixed(1)} MB; dactl refuses response bodies over ${MAX_RESPONSE_BYTES / 1048576} MB` };
    }
    return { ok: true, value: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    return { ok: false, message: `responseFile ${test.responseFile} ${why} (looked for ${file})` };
  }
}
