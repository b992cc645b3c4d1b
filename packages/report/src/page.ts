/**
 * The HTML report (HTML 报告): one self-contained page, no script and no network, with inline
 * CSS and inline SVG charts, in Chinese or English, that prints on A4.
 */
import { bySubject, REPORT_WORDS as WORDS, type Lang, type Plan, type Report } from '@ruralkit/core';
import { esc } from './html.js';
import {
  assessmentSection,
  householdSection,
  notesSection,
  overview,
  parameterSection,
  relaxedSection,
  subjectAnchor,
  subjectSection,
  subjectTitle,
  todoSection,
} from './sections.js';
import { CSS } from './style.js';

/** What the HTML report draws beside the report itself. */
export interface HtmlReportOptions {
  /** The plan the report was evaluated against (resolved with its county plugins, if any). */
  plan: Plan;
  /** The report's language (default zh). */
  lang?: Lang;
}

/** The report as one self-contained HTML document (no script, no network), in Chinese or English. */
export function renderHtmlReport(report: Report, options: HtmlReportOptions): string {
  const { plan, lang = 'zh' } = options;
  const groups = bySubject(report);
  const title = report.plan.title[lang];
  const toc = [
    ...(report.assessment ? [`<a href="#assessment">${esc(WORDS.assessment[lang])}</a>`] : []),
    `<a href="#overview">${esc(WORDS.overview[lang])}</a>`,
    ...groups.map((g) => `<a href="#${subjectAnchor(g.subject)}">${esc(subjectTitle(g.subject, lang))}</a>`),
    `<a href="#todo">${esc(WORDS.todo[lang])}</a>`,
    `<a href="#households">${esc(WORDS.households[lang])}</a>`,
    `<a href="#parameters">${esc(WORDS.parameters[lang])}</a>`,
    `<a href="#relaxed">${esc(WORDS.relaxed[lang])}</a>`,
    ...(report.notes.length ? [`<a href="#notes">${esc(WORDS.notes[lang])}</a>`] : []),
  ];
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — ${esc(WORDS.asOf[lang])} ${esc(report.asOf)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="cover">
<h1>${esc(title)}</h1>
<p class="doc">${esc(report.plan.docNo)} · ${esc(plan.jurisdiction[lang])}</p>
<div class="meta"><span>${esc(WORDS.asOf[lang])}：<b>${esc(report.asOf)}</b></span><span>${esc(WORDS.keyVillages[lang])}：${esc(
    groups
      .filter((g) => g.subject.type === 'village')
      .map((g) => g.subject.name[lang])
      .join(lang === 'zh' ? '、' : ', '),
  )}</span></div>
</header>
<nav class="toc">${toc.join('')}</nav>
${assessmentSection(report, lang)}
${overview(report, lang)}
${groups.map((g) => subjectSection(plan, g, lang)).join('\n')}
${todoSection(report, lang)}
${householdSection(report, lang)}
${parameterSection(plan, report, lang)}
${relaxedSection(report, lang)}
${notesSection(report, lang)}
<footer>${esc(WORDS.generated[lang])} · ${esc(report.plan.id)} · ${esc(WORDS.asOf[lang])} ${esc(report.asOf)}</footer>
</main>
</body>
</html>
`;
}
