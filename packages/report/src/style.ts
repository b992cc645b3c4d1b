/** The report's stylesheet (样式表): screen and A4 print, inlined into the page. */
import { STATUSES } from '@ruralkit/core';
import { DUE_COLOUR, FONT_STACK, STATUS_COLOUR, TARGET_COLOUR } from './theme.js';

const statusRules = STATUSES.map(
  (s) => `.s-${s},tr.r-${s}{--c:${STATUS_COLOUR[s]}}.badge.s-${s}{background:${STATUS_COLOUR[s]}}`,
).join('\n');

export const CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#f4f5f2;color:#1f2328;font-family:${FONT_STACK};font-size:14px;line-height:1.6}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px;background:#fff}
header.cover{border-bottom:3px solid #b71c1c;padding-bottom:12px;margin-bottom:8px}
header.cover h1{font-size:26px;line-height:1.35;margin:8px 0 4px;color:#7f0000;letter-spacing:.02em}
header.cover .doc{color:#555;margin:0}
header.cover .meta{display:flex;gap:24px;flex-wrap:wrap;color:#333;margin-top:6px}
nav.toc{font-size:13px;margin:12px 0 4px;color:#555}
nav.toc a{color:#1f4e79;text-decoration:none;margin-right:14px}
h2{font-size:20px;color:#7f0000;border-left:5px solid #b71c1c;padding-left:10px;margin:32px 0 12px}
h3{font-size:15px;margin:16px 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.card{display:block;border:1px solid #ddd;border-radius:6px;padding:10px 14px;color:inherit;text-decoration:none}
.card h3{margin:0 0 8px}
.counts{display:flex;gap:6px}
.count{flex:1;text-align:center;border-top:4px solid var(--c);background:#fafafa;padding:4px 2px;border-radius:0 0 4px 4px}
.count b{display:block;font-size:22px;color:var(--c);line-height:1.2}
.count span{font-size:12px;color:#555}
.counts.wide{max-width:560px;margin-bottom:8px}
.total{margin:10px 0}
.warn{color:#c62828;margin:0 0 6px}
.lapsed{color:#c62828;margin:6px 0 0;font-size:13px}
#assessment li.a-lapsed{color:#c62828}
.note{color:#666;font-size:12px}
figure{margin:0}
figure.chart{border:1px solid #eee;border-radius:6px;padding:6px;break-inside:avoid;page-break-inside:avoid}
figure.chart figcaption{font-weight:600;font-size:13px;margin:0 4px 2px}
figure svg{display:block;max-width:100%;height:auto}
figure.risks{width:fit-content;max-width:100%}
.matrices{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start;margin:8px 0 14px}
figure.matrix{flex:2 1 480px;min-width:0}
figure.matrix[data-subjects=district]{flex:1 1 300px}
figure.matrix figcaption{font-weight:600;font-size:13px;margin:0 0 4px}
table.matrix th[scope=row]{font-weight:normal}
table.matrix td.st{text-align:center}
.legend.statuses{margin:8px 0 0;font-size:12.5px}
.legend.statuses span{white-space:nowrap}
.legend.statuses span::before{content:"";display:inline-block;width:12px;height:12px;margin:0 4px -1px 0;border-radius:2px;background:var(--c)}
.legend{margin:0 4px;font-size:11.5px;color:#555;display:flex;gap:14px;flex-wrap:wrap}
.legend .target::before{content:"";display:inline-block;width:18px;margin:0 4px 3px 0;border-top:2px dashed ${TARGET_COLOUR}}
.legend .target{color:${TARGET_COLOUR}}
.legend .due::before{content:"";display:inline-block;height:11px;margin:0 5px -1px 0;border-left:2px dotted ${DUE_COLOUR}}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px;margin-bottom:14px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid #e1e1e1;padding:5px 6px;vertical-align:top;text-align:left}
thead th{background:#f3efe6;font-weight:600}
table.matrix thead a{color:inherit}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
td code{font-size:11px;color:#777;white-space:nowrap}
td.st,td.year,td.due,td.clauses span{white-space:nowrap}
td.msg{min-width:220px}
td.units{font-size:11.5px;color:#555;min-width:100px}
table.rules tr td:first-child{border-left:4px solid var(--c)}
td.units b{color:#1f2328}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:12px;white-space:nowrap}
.badge + small{display:block;color:#555;font-size:11px}
.todo{break-inside:avoid;page-break-inside:avoid}
.todo ul{margin:0 0 8px;padding-left:18px}
.todo li{margin:3px 0}
.todo li small{display:inline;margin-right:4px}
.lead{border:1px solid #b71c1c;color:#b71c1c;border-radius:3px;font-size:11px;padding:0 4px;margin-right:6px}
.columns{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin-bottom:12px;align-items:start}
table.small{font-size:13px}
tr.assumption td{background:#fff8e1}
@media (max-width:700px){
  main{padding:12px 10px 32px}
  header.cover h1{font-size:21px}
  .cards,.columns{grid-template-columns:1fr}
  .charts{grid-template-columns:1fr}
  figure.chart svg{margin:0 auto}
}
/* The rule table as cards, on a phone and on paper: one per rule, each value beside its column's name. */
@media print,(max-width:700px){
  table.rules thead{display:none}
  table.rules,table.rules tbody,table.rules tr,table.rules td{display:block}
  table.rules tr{border:1px solid #e1e1e1;border-left:4px solid var(--c);border-radius:6px;margin:0 0 10px;padding:6px 10px}
  table.rules td,table.rules tr td:first-child{border:0;padding:2px 0 2px 6.5em;position:relative;min-width:0}
  table.rules td::before{content:attr(data-label);position:absolute;left:0;width:6em;color:#777;font-size:11.5px;line-height:1.9}
  table.rules tr td.rule,table.rules tr td.msg{padding-left:0}
  table.rules td.rule::before,table.rules td.msg::before{content:none}
  table.rules td.rule{font-weight:600}
  table.rules tr td.msg{border-top:1px dashed #e1e1e1;margin-top:4px;padding-top:6px}
  table.rules td:empty{display:none}
  .scroll:has(table.rules){overflow:visible}
}
footer{margin-top:32px;color:#777;font-size:12px;border-top:1px solid #ddd;padding-top:8px}
${statusRules}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  nav.toc{display:none}
  .card{break-inside:avoid}
  section.subject,#todo,#households{break-before:page;page-break-before:always}
  .charts{grid-template-columns:repeat(3,1fr)}
  table{font-size:9pt}
  table.rules tbody{display:grid;grid-template-columns:1fr 1fr;gap:0 10px;align-items:start}
  table.rules td::before{font-size:8pt;line-height:1.7}
  a{color:inherit;text-decoration:none}
}
`;
