import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { tempProject } from '../support/temp-project.js';

const cli = (args: string[], cwd?: string) => runCli(args, cwd ? { cwd } : {});

const failingSpec = `name: Get State
integration: purecloud-data-actions
request:
  method: GET
  url: /api/v2/conversations/{conversationId}
inputs:
  conversationId: { type: string, required: true }
outputs:
  state: { type: string, from: $.state }
tests:
  - name: passes
    input: { conversationId: c1 }
    response: { state: connected }
    expect: { output: { state: connected } }
  - name: the state is missing
    input: { conversationId: c1 }
    response: { id: c1 }
    expect: { output: { state: connected } }
`;

describe('dactl test', () => {
  it('runs every bundled spec test and passes', async () => {
    const result = await cli(['test']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ Get Customer Chat Communication › web chat routed to an agent');
    expect(result.stdout).toMatch(/^\d+ specs, (\d+) tests: \1 passed, 0 failed/m);
  });

  it('shows a failure at its place in the spec with the trace step that failed, and exits 1', async () => {
    const root = tempProject({ 'definitions/actions/state.action.yaml': failingSpec });
    const result = await cli(['test'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✓ Get State › passes\n✗ Get State › the state is missing\n');
    expect(result.stdout).toMatch(/definitions\/actions\/state\.action\.yaml:15:11 {2}error {2}the action failed at step translation: translation map: `state`: `\$\.state` could not be resolved: the response body has no `state`; the key has no default {2}\(test-unexpected-failure\)/);
    expect(result.stdout).toContain('trace, the step that failed:\n      4. translation  ✗ 1 key, 1 unresolved\n');
    expect(result.stdout).toContain('1 spec, 2 tests: 1 passed, 1 failed');
  });

  it('writes JSON and JUnit for CI', async () => {
    const root = tempProject({ 'specs/state.action.yaml': failingSpec });
    const json = await cli(['test', 'specs', '--format', 'json'], root);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.summary).toEqual({ specs: 1, tests: 2, passed: 1, failed: 1, broken: 0 });
    expect(report.specs[0].tests[1]).toMatchObject({ name: 'the state is missing', passed: false, line: 15, column: 5 });
    expect(report.specs[0].tests[1].trace.failure.step).toBe('translation');

    const junit = await cli(['test', join(root, 'specs/state.action.yaml'), '--format', 'junit'], root);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuites name="dactl test" tests="2" failures="1" errors="0">');
    expect(junit.stdout).toContain('<testcase name="the state is missing" classname="Get State" file="specs/state.action.yaml" line="15">');
    expect(junit.stdout).toContain('<failure message="the action failed at step translation: translation map: `state`');
  });

  it('counts a spec that does not compile as a failure', async () => {
    const root = tempProject({ 'definitions/actions/state.action.yaml': failingSpec.replace('from: $.state', 'from: $.state[') });
    const result = await cli(['test'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the spec does not compile, so its tests did not run');
    expect(result.stdout).toContain('1 spec did not compile');
  });

  it('exits 2 for a path that does not exist or an unknown format', async () => {
    expect((await cli(['test', 'no/such/folder'])).code).toBe(2);
    expect((await cli(['test', '--format', 'tap'])).code).toBe(2);
  });

  it('works from the built binary', () => {
    const result = runBin(['test', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.failed).toBe(0);
  });
});
