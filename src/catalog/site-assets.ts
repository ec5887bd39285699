/** The style sheet and the one script every catalog page shares (written into `assets/`). */

export const catalogCss = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --link: #0550ae;
  --ok: #1a7f37; --warn: #9a6700; --error: #cf222e; --focus: #0969da;
  --node: #f6f8fa; --container: #ddf4ff; --data: #fff8c5; --decision: #fbefff; --end: #ffebe9; --transfer: #dafbe1;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --link: #4493f8;
    --ok: #3fb950; --warn: #d29922; --error: #f85149; --focus: #4493f8;
    --node: #212830; --container: #0c2d6b; --data: #3b2e00; --decision: #3c1e70; --end: #5d0f12; --transfer: #033a16;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px 8px; z-index: 1; }
header.site { border-bottom: 1px solid var(--line); padding: 10px 24px; background: var(--panel); }
header.site nav ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
header.site nav li + li::before { content: "›"; margin-right: 6px; color: var(--muted); }
main { padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 1.6rem; margin: 8px 0 4px; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
td { overflow-wrap: anywhere; }
th { background: var(--panel); font-weight: 600; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { background: var(--panel); border: 1px solid var(--line); padding: 10px; overflow: auto; white-space: pre-wrap; word-break: break-word; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.muted { color: var(--muted); }
.status-ok { color: var(--ok); }
.status-warn { color: var(--warn); }
.status-error { color: var(--error); }
.method { font-weight: 700; }
p code, dd code { overflow-wrap: anywhere; }
a.input-ref, span.input-ref { background: var(--data); border-radius: 3px; text-decoration: none; color: inherit; outline: 1px solid var(--line); }
a.input-ref:target, tr:target { outline: 2px solid var(--focus); }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.filter { margin: 12px 0; }
.filter input { font: inherit; padding: 6px 10px; width: min(480px, 100%); border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); cursor: pointer; }
.diagram { overflow: auto; border: 1px solid var(--line); background: var(--bg); padding: 8px; max-height: 80vh; }
.flow-diagram { max-width: none; height: auto; }
.flow-diagram .node polygon, .flow-diagram .node ellipse, .flow-diagram .node path { fill: var(--node); stroke: var(--fg); }
.flow-diagram .node polygon[fill="none"] { fill: none; }
.flow-diagram .kind-state polygon, .flow-diagram .kind-task polygon, .flow-diagram .kind-menu polygon, .flow-diagram .kind-bot polygon, .flow-diagram .kind-start ellipse { fill: var(--container); }
.flow-diagram .kind-data-action polygon, .flow-diagram .kind-module polygon { fill: var(--data); }
.flow-diagram .kind-decision polygon, .flow-diagram .kind-switch polygon, .flow-diagram .kind-loop polygon { fill: var(--decision); }
.flow-diagram .kind-end polygon { fill: var(--end); }
.flow-diagram .kind-transfer polygon { fill: var(--transfer); }
.flow-diagram text { fill: var(--fg); font-family: Arial, "Liberation Sans", Helvetica, sans-serif; }
.flow-diagram .node text { font-size: 11px; }
.flow-diagram text.name { font-weight: 600; }
.flow-diagram .edge path { stroke: var(--muted); fill: none; }
.flow-diagram .edge polygon { fill: var(--muted); stroke: var(--muted); }
.flow-diagram .edge text { fill: var(--muted); }
.flow-diagram a:focus polygon, .flow-diagram a:hover polygon { stroke: var(--focus); stroke-width: 3; }
ul.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; list-style: none; }
.legend-state { background: var(--container); } .legend-data-action { background: var(--data); } .legend-decision { background: var(--decision); }
.legend-transfer { background: var(--transfer); } .legend-end { background: var(--end); } .legend-action { background: var(--node); }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--fg); margin-right: 4px; vertical-align: -1px; }
del { background: color-mix(in srgb, var(--error) 18%, transparent); text-decoration: none; }
ins { background: color-mix(in srgb, var(--ok) 18%, transparent); text-decoration: none; }
.template-diff td { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre-wrap; width: 50%; }
.breaks { border-left: 4px solid var(--error); padding-left: 10px; }
@media (max-width: 800px) { .side-by-side { grid-template-columns: 1fr; } main { padding: 12px; } }
@media print { .filter, .skip, button { display: none; } }
`;

/** Shows the filter (hidden without JavaScript) and narrows every table row and list item marked for it. */
export const filterJs = `(function () {
  var box = document.getElementById('filter-box');
  var input = document.getElementById('filter');
  if (!box || !input) return;
  box.hidden = false;
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var count = document.getElementById('filter-count');
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-filter');
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) shown++;
    });
    if (count) count.textContent = words.length ? shown + ' of ' + rows.length + ' shown' : '';
  }
  input.addEventListener('input', apply);
  apply();
})();
`;

/** Copies the text of the element a copy button names; the text stays selectable without JavaScript. */
export const copyJs = `(function () {
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy'));
      if (!target) return;
      var text = target.textContent;
      var done = function () { button.textContent = 'Copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { select(target); });
      } else {
        select(target);
      }
    });
  });
  function select(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
`;
