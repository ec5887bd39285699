import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyProfile } from '../../src/orgs/apply-profile.js';
import { loadProfiles } from '../../src/orgs/load-profiles.js';
import type { OrgProfile } from '../../src/orgs/org-profile.js';
import type { ActionSpec } from '../../src/spec/action-spec.js';
import { getUserSpec, runCli, tempProject } from './cli-harness.js';

const prod: OrgProfile = {
  name: 'prod',
  file: 'prod.yaml',
  region: 'eu-west-1',
  integrations: { 'custom-rest-actions': 'CRM (prod)' },
  values: { crmBase: 'https://crm.example.com', retries: 3 },
};

const crmSpec = (url: string): ActionSpec => ({
  name: 'Get Customer',
  integration: 'custom-rest-actions',
  category: 'CRM',
  request: { method: 'GET', url },
});

describe('applyProfile', () => {
  it('substitutes values and sets the category from the integration name', () => {
    const { spec, findings } = applyProfile(crmSpec('%{org.crmBase}/customers?r=%{org.retries}'), prod);
    expect(findings).toEqual([]);
    expect(spec.request.url).toBe('https://crm.example.com/customers?r=3');
    expect(spec.category).toBe('CRM (prod)');
  });

  it('uses the default without a profile, and reports a reference with neither at its offset', () => {
    expect(applyProfile(crmSpec('%{org.crmBase|https://crm.test}/c'), undefined).spec.request.url).toBe('https://crm.test/c');
    const { findings } = applyProfile(crmSpec('/x/%{org.missing}'), prod);
    expect(findings).toMatchObject([
      { ruleId: 'org-value-undefined', path: ['request', 'url'], span: { offset: 3, length: 14 } },
    ]);
    expect(applyProfile(crmSpec('%{org.crmBase}'), undefined).findings[0]?.ruleId).toBe('org-value-undefined');
  });

  it('leaves Velocity, Archy and placeholders alone and flags a malformed reference', () => {
    const text = '${input.x} $!{y} {{Flow.z}} {userId}';
    expect(applyProfile(crmSpec(text), prod).spec.request.url).toBe(text);
    expect(applyProfile(crmSpec('%{org.bad-name}'), prod).findings[0]?.ruleId).toBe('org-reference-invalid');
  });
});

describe('org profiles', () => {
  it('validates region, endpoints and names, with positions', async () => {
    const dir = await tempProject({
      'orgs/ok.yaml': 'region: mypurecloud.ie\nintegrations:\n  purecloud-data-actions: Genesys Cloud Data Actions\n',
      'orgs/badregion.yaml': 'region: mars-north-1\n',
      'orgs/fromenv.yaml': 'envPrefix: ACME\n',
      'orgs/half.yaml': 'apiBaseUrl: http://127.0.0.1:1\n',
      'orgs/typo.yaml': 'region: us-east-1\nvalue:\n  a: b\n',
    });
    const { profiles, diagnostics } = await loadProfiles(dir);
    expect([...profiles.keys()]).toEqual(['fromenv', 'ok']);
    const byFile = Object.fromEntries(diagnostics.map((d) => [d.file.split('/').pop(), d]));
    expect(byFile['badregion.yaml']).toMatchObject({ ruleId: 'org-region-unknown', range: { start: { line: 1, column: 9 } } });
    expect(byFile['half.yaml']?.ruleId).toBe('org-profile-invalid');
    expect(byFile['typo.yaml']?.ruleId).toBe('org-unknown-key');
  });
});

describe('dactl build with org profiles', () => {
  const files = {
    'definitions/actions/get-user.action.yaml': getUserSpec({ url: '%{org.usersPath|/api/v2/users}/{userId}' }),
    'definitions/orgs/dev.yaml': 'region: us-east-1\nvalues:\n  usersPath: /api/v2/dev-users\n',
  };

  it('the default build also writes every profile into out/<name>/, and --check covers it', async () => {
    const cwd = await tempProject(files);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(await readdir(join(cwd, 'out'))).toEqual(expect.arrayContaining(['actions', 'dev']));
    const dev = JSON.parse(await readFile(join(cwd, 'out/dev/actions/Get-User.custom.json'), 'utf8'));
    const plain = JSON.parse(await readFile(join(cwd, 'out/actions/Get-User.custom.json'), 'utf8'));
    expect(dev.config.request.requestUrlTemplate).toBe('/api/v2/dev-users/$esc.url(${input.userId})');
    expect(plain.config.request.requestUrlTemplate).toBe('/api/v2/users/$esc.url(${input.userId})');
    expect((await runCli(['build', '--check'], { cwd })).code).toBe(0);
  });

  it('--org rebuilds only out/<name>/ and the plain build keeps it', async () => {
    const cwd = await tempProject(files);
    const run = await runCli(['build', '--org', 'dev'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('out/dev/');
    expect(await readdir(join(cwd, 'out'))).toEqual(['dev']);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(await readdir(join(cwd, 'out'))).toEqual(expect.arrayContaining(['actions', 'dev']));
    expect((await runCli(['build', '--org', 'dev', '--check'], { cwd })).code).toBe(0);
  });

  it('an unknown profile is one sentence, exit 2', async () => {
    const cwd = await tempProject(files);
    const run = await runCli(['build', '--org', 'dve'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown org profile "dve": there is no orgs\/dve\.yaml in the definitions folder \(profiles: dev\); did you mean "dev"\?/);
  });

  it('an undefined value is an error at file:line:col', async () => {
    const cwd = await tempProject({
      'definitions/actions/get-user.action.yaml': getUserSpec({ url: '/x/%{org.nope}/{userId}' }),
    });
    const run = await runCli(['build'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/get-user\.action\.yaml:5:12 {2}error {2}%\{org\.nope\} has no default/);
  });
});
