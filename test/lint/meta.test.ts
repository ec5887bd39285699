import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDocsUrl } from '../../src/lint/define-rule.js';
import { allRules } from '../../src/lint/rules/index.js';
import { archyRules } from '../../src/flow/archy/archy-rules.js';
import { repoRoot } from '../support/paths.js';

const docsDir = join(repoRoot, 'docs/rules');
const testsDir = join(repoRoot, 'test/lint/rules');
const rulesDir = join(repoRoot, 'src/lint/rules');

describe('every Archy check', () => {
  it.each(archyRules.map((rule) => [rule.id, rule] as const))('%s has its docs', (id, rule) => {
    const docs = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    expect(docs.startsWith(`# ${id}\n`)).toBe(true);
    for (const section of ['## What it reports', '## Why', '## Bad', '## Good', '## How to fix']) expect(docs).toContain(section);
    expect(docs).toContain(`Default severity: **${rule.severity}**`);
    expect(readFileSync(join(docsDir, 'README.md'), 'utf8')).toContain(`[${id}](${id}.md)`);
  });
});

describe('every rule', () => {
  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s has its file, docs and tests', (id, rule) => {
    expect(existsSync(join(rulesDir, `${id}.ts`))).toBe(true);
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(ruleDocsUrl(id)).toBe(`https://github.com/dactl/dactl/blob/main/docs/rules/${id}.md`);

    const docs = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    expect(docs.startsWith(`# ${id}\n`)).toBe(true);
    for (const section of ['## What it reports', '## Why', '## Bad', '## Good', '## How to fix']) expect(docs).toContain(section);
    expect(docs).toContain(`Default severity: **${rule.defaultSeverity}**`);
    if (rule.fixable) expect(docs).toContain('--fix');

    const tests = readFileSync(join(testsDir, `${id}.test.ts`), 'utf8');
    expect(tests).toContain(`runRuleTests('${id}'`);
    expect(tests).toMatch(/valid: \[/);
    expect(tests).toMatch(/invalid: \[/);
  });

  it('has no docs or tests without a rule, and the registry lists every rule file', () => {
    const ids = new Set(allRules.map((rule) => rule.id));
    const archyIds = new Set<string>(archyRules.map((rule) => rule.id));
    const documented = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'corpus-findings.md');
    expect(documented.map((f) => f.slice(0, -3)).filter((id) => !ids.has(id) && !archyIds.has(id))).toEqual([]);
    expect(readdirSync(testsDir).map((f) => f.replace(/\.test\.ts$/, '')).filter((id) => !ids.has(id))).toEqual([]);
    expect(readdirSync(rulesDir).filter((f) => f !== 'index.ts').map((f) => f.slice(0, -3)).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('defaults to error exactly for the rules whose finding breaks the action at run time', () => {
    const errors = allRules.filter((r) => r.defaultSeverity === 'error').map((r) => r.id).sort();
    expect(errors).toEqual([
      'body-unescaped-input',
      'contract-ref',
      'contract-root-not-object',
      'default-not-json',
      'indefinite-path-scalar-output',
      'input-contract-not-flat',
      'input-name-invalid',
      'input-name-reserved',
      'jsonpath-positional-participant',
      'jsonpath-syntax',
      'literal-credential',
      'output-nested-array',
      'participant-id-as-communication-id',
      'success-template-invalid-json',
      'success-template-quoted-variable',
      'success-template-unknown-variable',
      'unknown-input-reference',
      'url-unencoded-input',
      'velocity-syntax',
    ]);
  });
});
