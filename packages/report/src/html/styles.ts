/**
 * The report's only stylesheet, inlined (the CSP allows inline styles and nothing else). Status colours always come
 * with an icon shape and a word, so nothing depends on colour alone; print expands every collapsed section.
 */
export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #57606a; --border: #d0d7de; --page: #f6f8fa; --card: #ffffff;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --warn: #9a6700; --warn-bg: #fff8c5; --na: #57606a; --na-bg: #eaeef2; --error: #8250df; --error-bg: #fbefff;
  --waived: #0550ae; --waived-bg: #ddf4ff;
}
* { box-sizing: border-box; }
html { color-scheme: light; }
body {
  margin: 0; background: var(--page); color: var(--fg); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.75rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 0; }
h3 { font-size: 1.05rem; margin: 20px 0 8px; }
code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.85em; }
.hash { word-break: break-all; }
.muted { color: var(--muted); }
.subtitle { color: var(--muted); margin: 0 0 20px; }
section, details.check-group, footer.run-details {
  background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 16px 20px; margin: 0 0 16px;
}
section.attribute { border: 0; border-top: 1px solid var(--border); border-radius: 0; padding: 8px 0 0; margin: 24px 0 0; }
.verdict { border-left-width: 10px; }
.verdict h2 { font-size: 1.6rem; display: flex; align-items: center; gap: 12px; margin-bottom: 8px; }
.verdict-icon { display: inline-flex; align-items: center; justify-content: center; width: 44px; height: 44px;
  border-radius: 50%; color: #fff; font-size: 1.4rem; }
.verdict.pass { border-left-color: var(--pass); } .verdict.pass .verdict-icon { background: var(--pass); }
.verdict.warn { border-left-color: var(--warn); } .verdict.warn .verdict-icon { background: var(--warn); border-radius: 4px; }
.verdict.fail { border-left-color: var(--fail); } .verdict.fail .verdict-icon { background: var(--fail); border-radius: 4px; }
.badge { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; font-size: 0.8rem;
  font-weight: 600; border: 1px solid currentColor; white-space: nowrap; vertical-align: middle; }
.badge.pass { color: var(--pass); background: var(--pass-bg); } .badge.fail { color: var(--fail); background: var(--fail-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); } .badge.na { color: var(--na); background: var(--na-bg); }
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.waived { color: var(--waived); background: var(--waived-bg); border-style: dashed; }
.waived-checks h2 .icon { color: var(--waived); } article.check.waived { border-left: 4px dashed var(--waived); }
details.check-group > summary { cursor: pointer; list-style-position: outside; margin-left: 18px; }
details.check-group > summary h2 { display: inline; }
details.check-group > summary:focus-visible { outline: 2px solid #0969da; outline-offset: 4px; }
.failed-checks h2 .icon { color: var(--fail); } .warning-checks h2 .icon { color: var(--warn); }
.passed-checks h2 .icon { color: var(--pass); } .other-checks h2 .icon { color: var(--na); }
.count { color: var(--muted); font-weight: 400; }
article.check { border: 1px solid var(--border); border-left: 4px solid var(--na); border-radius: 6px; padding: 10px 14px; margin: 12px 0 0; }
article.check.fail { border-left-color: var(--fail); } article.check.warn { border-left-color: var(--warn); }
article.check.pass { border-left-color: var(--pass); } article.check.error { border-left-color: var(--error); }
article.check h3 { margin: 0 0 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.check-id { color: var(--muted); font-weight: 400; }
dl { margin: 0; }
.check-fields { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 4px 16px; }
.check-fields > div { min-width: 0; }
.check-fields > div:first-child, .check-fields > .wide { grid-column: 1 / -1; }
dt { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 8px 0 4px; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--border); padding: 5px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); white-space: nowrap; }
tbody th { font-weight: 600; max-width: 280px; overflow-wrap: anywhere; }
/* break-word, not anywhere: a short word never breaks to squeeze its column; a long value wraps or the table scrolls. */
td { overflow-wrap: break-word; }
.table-scroll:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
tbody tr:nth-child(even) { background: #f6f8fa; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--fg); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.counts td.num { min-width: 5em; }
.interval { display: block; font-size: 0.75rem; color: var(--muted); }
.undefined { font-style: italic; color: var(--muted); text-decoration: underline dotted; }
abbr[title] { text-decoration: underline dotted; cursor: help; }
.footnotes { font-size: 0.8rem; color: var(--muted); margin: 0 0 8px; padding-left: 1.5em; }
figure.chart { margin: 16px 0; }
.chart-image { overflow-x: auto; }
.chart-image svg { max-width: 100%; height: auto; }
.chart-image svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.figure-row { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start; }
.figure-row > figure.chart { flex: 1 1 380px; min-width: 0; }
section.subsection { border: 0; border-top: 1px solid var(--border); border-radius: 0; padding: 8px 0 0; margin: 24px 0 0; }
h4 { font-size: 0.95rem; margin: 18px 0 6px; }
.flag { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; white-space: nowrap; }
.flag.reference { color: var(--fg); } .flag.small { color: var(--warn); background: var(--warn-bg); }
tr.rowgroup th { background: var(--na-bg); }
.facts .wide { flex-basis: 100%; }
ul.plain { margin: 0; padding: 0; list-style: none; }
.nowrap { white-space: nowrap; }
.table-note { margin: 8px 0 0; color: var(--muted); font-size: 0.9rem; }
.note { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: 6px 10px; margin: 8px 0; }
td.points { font-size: 0.8rem; font-variant-numeric: tabular-nums; }
td.proxy-value { white-space: nowrap; }
.bar-value { display: inline-block; min-width: 3.2em; }
.bar-track { display: inline-block; width: 120px; height: 10px; background: var(--na-bg); vertical-align: middle; margin-left: 6px; }
.bar-track .bar { display: block; height: 100%; background: #0072b2; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 4px; }
.chart-data > summary { cursor: pointer; font-size: 0.85rem; color: var(--muted); }
.run-details p { margin: 6px 0; }
.badge.info { color: #0550ae; background: #ddf4ff; }
.tallies { display: flex; flex-wrap: wrap; gap: 4px 18px; }
.tally { white-space: nowrap; } .tally.zero { color: var(--muted); }
ul.attention-list { columns: 2 320px; margin: 4px 0 8px; padding-left: 1.2em; list-style: none; }
ul.attention-list li { overflow-wrap: anywhere; } ul.attention-list a { text-decoration: none; }
ul.attention-list a:hover, ul.attention-list a:focus-visible { text-decoration: underline; } ul.attention-list .fail > span:first-child { color: var(--fail); }
ul.attention-list .warn > span:first-child { color: var(--warn); }
table.assets { width: 100%; table-layout: fixed; font-size: 0.85rem; }
table.assets thead th { position: sticky; top: 0; z-index: 1; background: var(--card); white-space: normal; }
table.assets td, table.assets th { overflow-wrap: break-word; padding: 6px 8px; }
table.assets .badge { white-space: normal; }
col.col-preview { width: 100px; } col.col-asset { width: 20%; } col.col-c2pa { width: 22%; }
col.col-declaration { width: 17%; } col.col-watermark { width: 13%; }
table.assets tbody th { max-width: none; font-weight: 400; }
tr.asset-row.fail > td:first-child { box-shadow: inset 5px 0 0 var(--fail); }
tr.asset-row.warn > td:first-child { box-shadow: inset 5px 0 0 var(--warn); }
table.survival { font-size: 0.85rem; } table.survival tbody th { font-weight: 400; }
ul.asset-terms { font-size: 0.8rem; overflow-wrap: anywhere; }
td.preview { padding-left: 12px; }
td.preview img { display: block; width: 80px; height: 80px; object-fit: contain; border: 1px solid var(--border); background: var(--page); }
td.preview .muted { font-size: 0.75rem; }
.asset-path { font-size: 0.9em; font-weight: 600; overflow-wrap: anywhere; }
.asset-line { display: block; margin-top: 3px; } .asset-error { color: var(--error); }
.asset-list { margin-top: 3px; } .asset-list li + li { margin-top: 2px; }
.conflict { color: var(--warn); background: var(--warn-bg); padding: 1px 4px; border-radius: 3px; }
code.url { overflow-wrap: anywhere; }
details.codes { margin-top: 4px; } details.codes > summary { cursor: pointer; }
details.codes.has-failures > summary { color: var(--fail); }
details.codes ul { margin: 4px 0 0; padding-left: 1.1em; }
ul.asset-checks li + li { margin-top: 4px; }
.watermark.info .icon { color: #0550ae; } .watermark.na .icon { color: var(--na); }
.asset-check .icon { font-weight: 700; } .asset-check .status-word { font-weight: 600; }
.asset-check.fail .icon, .asset-check.fail .status-word { color: var(--fail); }
.asset-check.warn .icon, .asset-check.warn .status-word { color: var(--warn); }
.asset-check.pass .icon, .asset-check.pass .status-word { color: var(--pass); }
.asset-check.error .icon, .asset-check.error .status-word { color: var(--error); }
.asset-check.na .icon, .asset-check.na .status-word { color: var(--na); }
@media print {
  body { background: none; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section, details.check-group, footer.run-details, article.check { background: none; }
  tbody tr:nth-child(even), .badge, .verdict-icon, .flag { background: none !important; }
  .bar-track, .bar-track .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .verdict-icon { color: var(--fg); border: 2px solid currentColor; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { list-style: none; }
  .table-scroll, .chart-image { overflow: visible; }
  table.assets thead th { position: static; }
  /* Headings stay with what follows; cards, rows and charts are not split across pages. */
  h2, h3, h4, caption, summary, figcaption { break-after: avoid; }
  article.check, tr, figure.chart, .chart-image, .verdict { break-inside: avoid; }
  section, details.check-group { break-inside: auto; }
  /* A chart prints with its caption; its data table is for the screen (the embedded JSON has every figure). */
  details.chart-data { display: none; }
  /* Failed checks and warnings print compactly, right after the verdict. */
  article.check { padding: 4px 8px; margin-top: 6px; }
  .check-fields { gap: 0 12px; }
  section, details.check-group, footer.run-details { padding: 8px 10px; margin-bottom: 8px; }
}
`;
