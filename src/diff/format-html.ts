import { escapeHtml } from '../catalog/html.js';
import { catalogCss } from '../catalog/site-assets.js';
import type { FieldChange } from './compare-actions.js';
import { formatValue, kindWords, summarise } from './describe-change.js';
import type { ActionChange, DiffResult } from './diff-actions.js';

/** A review page of a diff in one file (style inline, no script): for CI to publish as an artifact. */
export function formatDiffHtml(result: DiffResult, title: string): string {
  const summaryRows = result.changes
    .map((change, index) => `<tr><td><a href="#change-${index + 1}">${escapeHtml(change.action)}</a></td><td class="${kindClass(change.kind)}">${escapeHtml(change.kind)}</td></tr>`)
    .join('\n');
  const sections = result.changes.map((change, index) => changeSection(change, index + 1)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · dactl diff</title>
<style>
${catalogCss}</style>
</head>
<body>
<main id="main">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(summarise(result))}</p>
${result.changes.length ? `<table><thead><tr><th scope="col">Action</th><th scope="col">Change</th></tr></thead><tbody>\n${summaryRows}\n</tbody></table>` : ''}
${sections}
</main>
</body>
</html>
`;
}

function kindClass(kind: ActionChange['kind']): string {
  return kind === 'replace' || kind === 'removed' ? 'status-error' : kind === 'added' ? 'status-ok' : 'status-warn';
}

function changeSection(change: ActionChange, number: number): string {
  const parts = [`<section aria-labelledby="change-${number}"><h2 id="change-${number}">${escapeHtml(change.action)}: <span class="${kindClass(change.kind)}">${escapeHtml(kindWords[change.kind])}</span></h2>`];
  const forcing = change.fields.filter((f) => f.replace);
  if (change.kind === 'replace') {
    parts.push(
      `<div class="breaks"><p><strong>What breaks:</strong> the platform cannot change ${forcing.map((f) => `<code>${escapeHtml(f.field)}</code>`).join(', ')} in place, so the action is deleted and created again under a new id. Published flows call data actions by id: every flow that calls this one fails at that step until it is re-published against the new action.</p>`,
      forcing.some((f) => f.field.startsWith('contract.')) ? '<p>The contract changes too: flows must be checked for inputs they pass and outputs they bind that no longer exist or have another type.</p></div>' : '</div>',
    );
  }
  if (change.kind === 'removed') parts.push('<div class="breaks"><p><strong>What breaks:</strong> flows that call this action fail at that step, and cannot be published until the call is removed.</p></div>');
  if (change.fields.length) {
    const rows = change.fields.filter((f) => f.diff === undefined).map(fieldRow);
    if (rows.length) parts.push(`<table><thead><tr><th scope="col">Field</th><th scope="col">Old</th><th scope="col">New</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
    for (const field of change.fields.filter((f) => f.diff !== undefined)) parts.push(templateDiff(field));
  }
  parts.push('</section>');
  return parts.join('\n');
}

function fieldRow(field: FieldChange): string {
  const flag = field.replace ? ' <span class="status-error">(forces a new id)</span>' : '';
  return `<tr><th scope="row"><code>${escapeHtml(field.field)}</code>${flag}</th><td><del>${escapeHtml(formatValue(field.left))}</del></td><td><ins>${escapeHtml(formatValue(field.right))}</ins></td></tr>`;
}

/** The unified diff of a template as two columns: old lines on the left, new on the right, changes paired up. */
function templateDiff(field: FieldChange): string {
  const rows: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const left = removed[i];
      const right = added[i];
      rows.push(`<tr><td>${left === undefined ? '' : `<del>${escapeHtml(left)}</del>`}</td><td>${right === undefined ? '' : `<ins>${escapeHtml(right)}</ins>`}</td></tr>`);
    }
    removed = [];
    added = [];
  };
  for (const line of (field.diff ?? '').split('\n')) {
    if (line.startsWith('-')) removed.push(line.slice(1));
    else if (line.startsWith('+')) added.push(line.slice(1));
    else {
      flush();
      if (line.startsWith('@@')) rows.push(`<tr><td colspan="2" class="muted">${escapeHtml(line)}</td></tr>`);
      else if (line.startsWith(' ')) rows.push(`<tr><td>${escapeHtml(line.slice(1))}</td><td>${escapeHtml(line.slice(1))}</td></tr>`);
    }
  }
  flush();
  const flag = field.replace ? ' <span class="status-error">(forces a new id)</span>' : '';
  return `<h3><code>${escapeHtml(field.field)}</code>${flag}</h3>
<table class="template-diff"><thead><tr><th scope="col">Old</th><th scope="col">New</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}
