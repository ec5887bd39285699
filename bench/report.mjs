// Renders bench results as Markdown: targets first, then every measurement, then time against N.
const ms = (value) => (value === undefined ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const mb = (value) => (value === undefined ? 'n/a' : `${value.toFixed(0)} MB`);

export function renderReport({ meta, rows, targets, engines, growth }) {
  const lines = [];
  lines.push('# dactl benchmark', '');
  lines.push(`Run ${meta.date} on ${meta.machine}; Node ${meta.node}; ${meta.runsNote}. Regenerate with \`npm run bench\` (\`-- --no-5000\` skips N = 5,000, \`-- --large\` adds 20,000, \`-- --runs=N\` sets the runs at 1,000).`, '');
  lines.push('## Targets', '', '| target | measured | baseline | ratio | target ratio | met |', '|---|---|---|---|---|---|');
  for (const t of targets) {
    const met = t.ratio === undefined ? 'n/a' : t.ratio <= t.limit ? 'yes' : '**no**';
    const value = t.unit === 'MB' ? mb(t.measured) : ms(t.measured);
    const base = t.baseline === undefined ? '' : t.unit === 'MB' ? mb(t.baseline) : ms(t.baseline);
    lines.push(`| ${t.name} | ${value} | ${base} | ${t.ratio === undefined ? 'n/a' : t.ratio.toFixed(2)} | ${t.limitText ?? `≤ ${t.limit}`} | ${met} |`);
  }
  lines.push('', '## Commands', '', '| what | N | median | spread (min–max) | runs | peak memory | note |', '|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.missing) {
      lines.push(`| ${r.name} | ${r.n ?? ''} | n/a (command missing) | | | | |`);
      continue;
    }
    lines.push(`| ${r.name} | ${r.n ?? ''} | ${ms(r.median)} | ${ms(r.min)} – ${ms(r.max)} | ${r.runs} | ${mb(r.peakMb)} | ${r.failure ? `failed: ${r.failure.replace(/\|/g, '\\|').replace(/\n/g, ' ')}` : r.note ?? ''} |`);
  }
  lines.push('', '## Time against N', '', 'Each bar is the median; `per action` shows whether growth is linear.', '', '```');
  for (const [name, points] of Object.entries(growth)) {
    const longest = Math.max(...points.map((p) => p.median ?? 0), 1);
    lines.push(name);
    for (const p of points) {
      if (p.median === undefined) {
        lines.push(`  N=${String(p.n).padEnd(5)} n/a`);
        continue;
      }
      const bar = '█'.repeat(Math.max(1, Math.round((p.median / longest) * 50)));
      lines.push(`  N=${String(p.n).padEnd(5)} ${bar} ${ms(p.median)}  (${(p.median / p.n).toFixed(2)} ms per action)`);
    }
    lines.push('');
  }
  lines.push('```', '', '## Engines (operations per second, one process)', '');
  lines.push('| JSONPath | path | dactl | json-p3 | jsonpath-plus |', '|---|---|---|---|---|');
  for (const [kind, r] of Object.entries(engines.jsonpath)) {
    lines.push(`| ${kind} | \`${cell(r.path)}\` | ${rate(r.dactl)} | ${rate(r['json-p3'])} | ${rate(r['jsonpath-plus'])} |`);
  }
  lines.push('', '| Velocity | ' + Object.keys(Object.values(engines.velocity)[0]).join(' | ') + ' |', '|---|' + Object.keys(Object.values(engines.velocity)[0]).map(() => '---').join('|') + '|');
  for (const [kind, r] of Object.entries(engines.velocity)) lines.push(`| ${kind} | ${Object.values(r).map(rate).join(' | ')} |`);
  if (engines.scale) {
    lines.push('', '| At scale (one run, median of 3) | ms | target | |', '|---|---|---|---|');
    for (const row of engines.scale) lines.push(`| ${row.name} | ${Math.round(row.ms).toLocaleString('en')} | < ${row.target.toLocaleString('en')} | ${row.ms < row.target ? 'met' : 'missed'} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Operations per second, or the reason there is no figure (a library that cannot parse the query). */
function rate(value) {
  return typeof value === 'number' ? Math.round(value).toLocaleString('en') : cell(String(value));
}

/** Text safe inside a Markdown table cell. */
function cell(text) {
  return text.replace(/\|/g, '\\|');
}
