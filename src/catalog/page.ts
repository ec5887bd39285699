import { escapeHtml } from './html.js';

export interface PageOptions {
  title: string;
  /** How many folders below the site root the page is (0 for index.html). */
  depth: number;
  /** Breadcrumbs after "Catalog": label and href (relative to the page), the last without one. */
  trail: Array<{ label: string; href?: string }>;
  body: string;
  scripts?: Array<'filter' | 'copy'>;
}

/** A whole page: one style sheet and the scripts named, both in `assets/`, nothing from the network. */
export function page(options: PageOptions): string {
  const up = '../'.repeat(options.depth);
  const crumbs = [{ label: 'Catalog', href: `${up}index.html` }, ...options.trail]
    .map((crumb, index, all) =>
      index === all.length - 1 ? `<li><span aria-current="page">${escapeHtml(crumb.label)}</span></li>` : `<li><a href="${escapeHtml(crumb.href ?? '#')}">${escapeHtml(crumb.label)}</a></li>`,
    )
    .join('');
  const scripts = (options.scripts ?? []).map((name) => `<script src="${up}assets/${name}.js" defer></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · dactl catalog</title>
<link rel="stylesheet" href="${up}assets/catalog.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><nav aria-label="Breadcrumb"><ol>${crumbs}</ol></nav></header>
<main id="main">
${options.body}
</main>
</body>
</html>
`;
}

export function table(headers: string[], rows: string[][], rowAttributes: string[] = []): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const body = rows.map((cells, i) => `<tr${rowAttributes[i] ?? ''}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
