import { allRules } from '../lint/rules/index.js';
import { escapeHtml } from './html.js';
import { page, table } from './page.js';

export const ruleIds = new Set(allRules.map((rule) => rule.id));

/** Every lint rule with what it reports: the target of the findings' links. */
export function rulesPage(): string {
  const rules = [...allRules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = rules.map((rule) => [
    `<code>${escapeHtml(rule.id)}</code>`,
    escapeHtml(rule.description),
    rule.defaultSeverity,
    rule.recommended ? 'yes' : 'no',
    rule.fixable ? 'yes' : 'no',
  ]);
  const body = `<h1>Lint rules</h1>
<p>What each rule reports; <code>docs/rules/&lt;rule&gt;.md</code> in the dactl repository has bad and good examples.</p>
${table(['Rule', 'What it reports', 'Default severity', 'Recommended', 'Fixable'], rows, rules.map((rule) => ` id="${escapeHtml(rule.id)}"`))}`;
  return page({ title: 'Lint rules', depth: 0, trail: [{ label: 'Lint rules' }], body });
}
