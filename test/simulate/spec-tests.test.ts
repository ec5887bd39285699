import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadAction } from '../../src/project/load-project.js';
import { runProjectTests, runSpecTests } from '../../src/simulate/index.js';
import { repoRoot } from '../support/paths.js';
import { tempProject } from '../support/temp-project.js';

const spec = (tests: string): string => `name: Get Conversation State
integration: purecloud-data-actions
request:
  method: GET
  url: /api/v2/conversations/{conversationId}
inputs:
  conversationId: { type: string, required: true }
outputs:
  state:
    type: string
    from: $.state
tests:
${tests}`;

async function run(tests: string, files: Record<string, string> = {}) {
  const root = tempProject({ 'get.action.yaml': spec(tests), ...files });
  return runSpecTests(await loadAction(join(root, 'get.action.yaml')));
}

const problems = (report: Awaited<ReturnType<typeof run>>) =>
  report.results.flatMap((r) => r.problems.map((p) => ({ ruleId: p.ruleId, line: p.range?.start.line, column: p.range?.start.column })));

describe('expectations', () => {
  test('a passing test: request, output and flattened output', async () => {
    const report = await run(`  - name: connected
    input: { conversationId: c1 }
    response: { state: connected }
    expect:
      request: { method: GET, url: /api/v2/conversations/c1 }
      output: { state: connected }
      flattened: { state: connected }
`);
    expect(report.results.map((r) => [r.name, r.passed])).toEqual([['connected', true]]);
    expect(report.results[0]?.range?.start).toEqual({ line: 13, column: 5 });
  });

  test.each([
    ['a different output', 'output: { state: disconnected }', 'test-output', 'output.state: expected "disconnected", got "connected"', 18],
    ['a different URL', 'request: { url: /api/v2/conversations/c2 }', 'test-request', 'request URL: expected /api/v2/conversations/c2, got /api/v2/conversations/c1', 18],
    ['a failure that does not happen', 'failure: { step: output }', 'test-expected-failure', 'expected a failure at step output, but the action succeeded', 18],
  ])('%s is reported at the expectation', async (_, expectation, ruleId, message, line) => {
    const report = await run(`  - name: connected
    input: { conversationId: c1 }
    response: { state: connected }
    status: 200
    expect:
      ${expectation}
`);
    const result = report.results[0];
    expect(result?.passed).toBe(false);
    expect(result?.problems[0]?.ruleId).toBe(ruleId);
    expect(result?.problems[0]?.message).toContain(message);
    expect(result?.problems[0]?.range?.start.line).toBe(line);
  });

  test('an expected failure passes with the right step and message, and fails on the wrong one', async () => {
    const report = await run(`  - name: no state
    input: { conversationId: c1 }
    response: { id: c1 }
    expect:
      failure: { step: translation, message: "the response body has no \`state\`" }
  - name: wrong step
    input: { conversationId: c1 }
    response: { id: c1 }
    expect:
      failure: { step: output }
`);
    expect(report.results.map((r) => r.passed)).toEqual([true, false]);
    expect(report.results[1]?.problems[0]?.message).toContain('expected a failure at step output, but the action failed at step translation');
  });

  test('a test that expects success fails when the action fails, at the test name', async () => {
    const report = await run(`  - name: server error
    input: { conversationId: c1 }
    response: { message: boom }
    status: 500
    expect:
      output: { state: x }
`);
    expect(problems(report)).toEqual([{ ruleId: 'test-unexpected-failure', line: 13, column: 11 }]);
    expect(report.results[0]?.problems[0]?.message).toContain('500 Internal Server Error: "boom"');
  });

  test('request headers are a case-insensitive subset; bodies compare as JSON', async () => {
    const root = tempProject({
      'post.action.yaml': `name: Post
integration: purecloud-data-actions
request:
  method: POST
  url: /api/v2/things
  headers: { X-Trace: "t-\${input.id}" }
  body: { id: "{id}", n: 1 }
inputs:
  id: { type: string, required: true }
outputs: {}
tests:
  - name: ok
    input: { id: a }
    expect:
      request: { headers: { x-trace: t-a, content-type: application/json }, body: { n: 1, id: a } }
  - name: not ok
    input: { id: a }
    expect:
      request: { headers: { X-Other: x }, body: { id: b, n: 1 } }
`,
    });
    const report = await runSpecTests(await loadAction(join(root, 'post.action.yaml')));
    expect(report.results[0]?.problems.map((p) => p.message)).toEqual([]);
    expect(report.results.map((r) => r.passed)).toEqual([true, false]);
    expect(report.results[1]?.problems.map((p) => p.message)).toEqual([
      'request header X-Other is not sent (headers: X-Trace, Content-Type)',
      'request body.id: expected "b", got "a"',
    ]);
  });
});

describe('response files', () => {
  test('are read relative to the spec', async () => {
    const report = await run(`  - name: from a file
    input: { conversationId: c1 }
    responseFile: responses/state.json
    expect:
      output: { state: alerting }
`, { 'responses/state.json': '{"state": "alerting"}' });
    expect(report.results[0]?.passed).toBe(true);
  });

  test('a missing file is reported at the responseFile key', async () => {
    const report = await run(`  - name: missing
    input: { conversationId: c1 }
    responseFile: responses/none.json
    expect:
      output: { state: alerting }
`);
    expect(problems(report)).toEqual([{ ruleId: 'test-response-file', line: 15, column: 5 }]);
    expect(report.results[0]?.problems[0]?.message).toMatch(/^responseFile responses\/none.json does not exist/);
    expect(report.results[0]?.trace).toBeUndefined();
  });

  test('a file that is not JSON is reported at the responseFile key', async () => {
    const report = await run(`  - name: html
    input: { conversationId: c1 }
    responseFile: error.html
    expect:
      output: { state: alerting }
`, { 'error.html': '<html>oops</html>' });
    expect(problems(report)).toEqual([{ ruleId: 'test-response-file', line: 15, column: 5 }]);
    expect(report.results[0]?.problems[0]?.message).toContain('HTML or XML');
  });

  test('unless the test expects the response step to fail', async () => {
    const report = await run(`  - name: html
    input: { conversationId: c1 }
    responseFile: error.html
    expect:
      failure: { step: response, message: not JSON }
`, { 'error.html': 'Service Unavailable' });
    expect(report.results[0]?.passed).toBe(true);
  });
});

describe('projects', () => {
  test('a spec that does not compile reports its errors and runs no tests', async () => {
    const root = tempProject({
      'bad.action.yaml': spec(`  - name: t
    expect: { output: {} }
`).replace('from: $.state', "from: $.state[?(@.x=='y'"),
    });
    const run = await runProjectTests([root]);
    expect(run.broken).toBe(1);
    expect(run.reports[0]?.diagnostics.map((d) => d.ruleId)).toContain('jsonpath-syntax');
  });

  test('every bundled definition test passes', async () => {
    const run = await runProjectTests([join(repoRoot, 'definitions')]);
    const failures = run.reports.flatMap((r) => [...r.diagnostics.map((d) => d.message), ...r.results.filter((t) => !t.passed).flatMap((t) => t.problems.map((p) => `${t.name}: ${p.message}`))]);
    expect(failures).toEqual([]);
    expect(run.passed).toBeGreaterThanOrEqual(7);
  });
});
