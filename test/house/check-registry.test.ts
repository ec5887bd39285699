import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { docsUrl, findCheck, stageChecks, yamlCheckId, type CheckMeta } from '../../src/diagnostics/registry.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { allRules } from '../../src/lint/rules/index.js';
import { parseSource } from '../../src/source/index.js';
import { sourceFiles } from '../../scripts/check-cycles.mjs';
import { emittedCheckIds } from '../support/emitted-check-ids.js';
import { repoRoot } from '../support/paths.js';

const checksDoc = join(repoRoot, 'docs/checks.md');

/** docs/checks.md, written from the registry (DACTL_WRITE_DOCS=1 rewrites it). */
function checksDocument(): string {
  const row = (check: CheckMeta) => `| <a id="${check.id}"></a>\`${check.id}\` | ${check.defaultSeverity} | ${check.description} |`;
  const lines = [
    '# Checks',
    '',
    'Every problem dactl reports carries a check id. The lint rules are documented one page each in',
    '[rules/](rules/README.md); the checks every command makes while loading, compiling, testing and writing are',
    'below, with their default severity. This page is generated from `src/diagnostics/registry.ts`.',
    '',
    '| check | severity | what it means |',
    '|---|---|---|',
    ...[...stageChecks.values()].map(row),
    '',
    '## Lint rules',
    '',
    '| rule | severity | what it means |',
    '|---|---|---|',
    ...allRules.map((rule) => `| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`),
    '',
  ];
  return lines.join('\n');
}

describe('the check registry', () => {
  it('declares every check id src/ reports, once', { timeout: 180_000 }, () => {
    const ruleIds = new Set(allRules.map((rule) => rule.id));
    const emitted = emittedCheckIds();
    expect(emitted.length).toBeGreaterThan(60);
    const undeclared = emitted.filter((e) => !stageChecks.has(e.id) && !ruleIds.has(e.id));
    expect(undeclared).toEqual([]);
    expect([...stageChecks.keys()].filter((id) => ruleIds.has(id))).toEqual([]);
    const generated = (id: string) => /^yaml-|-(unknown-key|missing-key|type|enum|range|invalid)$/.test(id);
    const unused = [...stageChecks.keys()].filter((id) => !generated(id) && !emitted.some((e) => e.id === id));
    expect(unused).toEqual([]);
  });

  it('is the only code that tells checks apart by their id', () => {
    const branches: string[] = [];
    for (const file of sourceFiles(join(repoRoot, 'src'))) {
      if (file.endsWith('registry.ts')) continue;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const isRuleId = (side: ts.Node) => ts.isPropertyAccessExpression(side) && side.name.text === 'ruleId';
        const isText = (side: ts.Node) => ts.isStringLiteralLike(side);
        if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) {
          if ((isRuleId(node.left) && isText(node.right)) || (isRuleId(node.right) && isText(node.left))) branches.push(`${file}: ${node.getText()}`);
        }
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isRuleId(node.expression.expression)) {
          branches.push(`${file}: ${node.getText()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(branches).toEqual([]);
  });

  it("keeps yaml's own error codes as check ids", () => {
    const ids = (text: string) => parseSource('bad.yaml', Buffer.from(text)).diagnostics.map((d) => d.ruleId);
    expect(ids('a: 1\na: 2\n')).toEqual(['yaml-duplicate-key']);
    expect(ids('a:\n\t- 1\n')).toContain('yaml-tab-as-indent');
    expect(ids('a: "\\q"\n')).toEqual(['yaml-bad-dq-escape']);
    for (const id of [...ids('a: [1\n'), ...ids('a: *nope\n')]) expect(stageChecks.has(id), id).toBe(true);
    expect(yamlCheckId('BAD_INDENT')).toBe('yaml-bad-indent');
  });

  it('gives SARIF a description, default level and docs link for lint rules and stage checks alike', () => {
    const diagnostics = [{ ruleId: 'yaml-duplicate-key', severity: 'error' as const, message: 'twice', file: join(repoRoot, 'a.yaml'), path: [] }];
    const log = JSON.parse(formatSarif(diagnostics, { cwd: repoRoot, rules: allRules })) as { runs: [{ tool: { driver: { rules: Record<string, unknown>[] } } }] };
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.find((r) => r.id === 'yaml-duplicate-key')).toEqual({
      id: 'yaml-duplicate-key',
      shortDescription: { text: 'a key that appears twice in one map' },
      helpUri: 'https://github.com/dactl/dactl/blob/main/docs/checks.md#yaml-duplicate-key',
      defaultConfiguration: { level: 'error' },
    });
    const rule = allRules[0]!;
    expect(rules.find((r) => r.id === rule.id)).toMatchObject({ helpUri: docsUrl(findCheck(rule.id, allRules)!), defaultConfiguration: { enabled: rule.recommended } });
  });

  it('is what docs/checks.md lists', () => {
    if (process.env.DACTL_WRITE_DOCS === '1') writeFileSync(checksDoc, checksDocument());
    expect(readFileSync(checksDoc, 'utf8'), 'run with DACTL_WRITE_DOCS=1 to rewrite docs/checks.md').toBe(checksDocument());
  });
});
