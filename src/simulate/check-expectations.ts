import type { PathSegment } from '../diagnostics/index.js';
import type { TestExpectation } from '../spec/action-spec.js';
import { preview } from './contract-validator.js';
import { firstDifference } from './json-difference.js';
import type { Trace } from './types.js';

/** One way a test's result differs from what it expects; `path` is relative to the test. */
export interface Mismatch {
  ruleId: string;
  message: string;
  path: PathSegment[];
  at?: 'key' | 'value';
}

export interface CheckOptions {
  /** A test that gives a response and expects no failure also expects the action to succeed. */
  requireSuccess: boolean;
  /** The body came from `responseFile` with a 2xx status: a body the simulator refuses is reported at that key. */
  responseFile: boolean;
}

export function checkExpectations(expect: TestExpectation, trace: Trace, options: CheckOptions): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const failedAt = trace.failure ? `the action failed at step ${trace.failure.step}: ${trace.failure.message}` : '';

  if (expect.failure) {
    const { step, message } = expect.failure;
    if (!trace.failure) {
      mismatches.push({
        ruleId: 'test-expected-failure',
        message: `expected a failure at step ${step}, but the action succeeded with ${preview(trace.output, 200)}`,
        path: ['expect', 'failure'],
        at: 'key',
      });
    } else if (trace.failure.step !== step) {
      mismatches.push({ ruleId: 'test-failure-step', message: `expected a failure at step ${step}, but ${failedAt}`, path: ['expect', 'failure', 'step'] });
    } else if (message !== undefined && !trace.failure.message.includes(message)) {
      mismatches.push({
        ruleId: 'test-failure-message',
        message: `the failure message does not contain ${JSON.stringify(message)}: ${trace.failure.message}`,
        path: ['expect', 'failure', 'message'],
      });
    }
  } else if (trace.failure && (options.requireSuccess || expect.output !== undefined || expect.flattened !== undefined)) {
    const unreadable = trace.failure.step === 'response' && options.responseFile;
    mismatches.push(
      unreadable
        ? { ruleId: 'test-response-file', message: `responseFile: ${trace.failure.message}`, path: ['responseFile'], at: 'key' }
        : { ruleId: 'test-unexpected-failure', message: failedAt, path: ['name'] },
    );
  }

  if (expect.request) mismatches.push(...requestMismatches(expect.request, trace));
  if (expect.output !== undefined && trace.success) {
    const difference = firstDifference(expect.output, trace.output, 'output');
    if (difference) mismatches.push({ ruleId: 'test-output', message: difference, path: ['expect', 'output'], at: 'key' });
  }
  if (expect.flattened !== undefined && trace.success) {
    const difference = firstDifference(expect.flattened, trace.flattened, 'flattened');
    if (difference) mismatches.push({ ruleId: 'test-flattened', message: difference, path: ['expect', 'flattened'], at: 'key' });
  }
  return mismatches;
}

function requestMismatches(expected: NonNullable<TestExpectation['request']>, trace: Trace): Mismatch[] {
  const request = trace.request;
  const at = (key: string): PathSegment[] => ['expect', 'request', key];
  if (!request) {
    return [{ ruleId: 'test-request', message: `no request was rendered: the action failed at step ${trace.failure?.step}: ${trace.failure?.message}`, path: ['expect', 'request'], at: 'key' }];
  }
  const mismatches: Mismatch[] = [];
  if (expected.method !== undefined && expected.method.toUpperCase() !== request.method.toUpperCase()) {
    mismatches.push({ ruleId: 'test-request', message: `request method: expected ${expected.method}, got ${request.method}`, path: at('method') });
  }
  if (expected.url !== undefined && expected.url !== request.url) {
    mismatches.push({ ruleId: 'test-request', message: `request URL: expected ${expected.url}, got ${request.url}`, path: at('url') });
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (!actual) {
      mismatches.push({ ruleId: 'test-request', message: `request header ${name} is not sent (headers: ${Object.keys(request.headers).join(', ') || 'none'})`, path: [...at('headers'), name] });
    } else if (actual[1] !== value) {
      mismatches.push({ ruleId: 'test-request', message: `request header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[1])}`, path: [...at('headers'), name] });
    }
  }
  if (expected.body !== undefined) {
    const problem = bodyDifference(expected.body, request.body);
    if (problem) mismatches.push({ ruleId: 'test-request', message: problem, path: at('body'), at: 'key' });
  }
  return mismatches;
}

/** A string expectation may match the body text itself; anything else is compared as JSON. */
function bodyDifference(expected: unknown, text: string): string | undefined {
  if (typeof expected === 'string' && expected === text) return undefined;
  let actual: unknown;
  try {
    actual = JSON.parse(text);
  } catch (error) {
    return `the request body is not JSON (${(error as Error).message}): ${preview(text, 200)}`;
  }
  return firstDifference(expected, actual, 'request body');
}
