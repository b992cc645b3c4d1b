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
  /** For a page of a report in pages: the summary page's address, linked first in the contents. */
  index?: string;
  /** For a page of a report in pages: what it holds (a township), shown under the title. */
  part?: string;
}

/** The report as one self-contained HTML document (no script, no network), in Chinese or English. */
export function renderHtmlReport(report: Report, options: HtmlReportOptions): string {
  const { plan, lang = 'zh' } = options;
  const groups = bySubject(report);
  const toc = [
    ...(options.index ? [`<a href="${esc(options.index)}">← ${esc(WORDS.summaryPage[lang])}</a>`] : []),
    ...(report.assessment ? [`<a href="#assessment">${esc(WORDS.assessment[lang])}</a>`] : []),
    `<a href="#overview">${esc(WORDS.overview[lang])}</a>`,
    ...groups.map((g) => `<a href="#${subjectAnchor(g.subject)}">${esc(subjectTitle(g.subject, lang))}</a>`),
    `<a href="#todo">${esc(WORDS.todo[lang])}</a>`,
    `<a href="#households">${esc(WORDS.households[lang])}</a>`,
    `<a href="#parameters">${esc(WORDS.parameters[lang])}</a>`,
    `<a href="#relaxed">${esc(WORDS.relaxed[lang])}</a>`,
    ...(report.notes.length ? [`<a href="#notes">${esc(WORDS.notes[lang])}</a>`] : []),
  ];
  const villages = groups
    .filter((g) => g.subject.type === 'village')
    .map((g) => g.subject.name[lang])
    .join(lang === 'zh' ? '、' : ', ');
  return htmlDocument(report, plan, lang, {
    part: options.part,
    meta: `<span>${esc(WORDS.keyVillages[lang])}：${esc(villages)}</span>`,
    body: `<nav class="toc">${toc.join('')}</nav>
${assessmentSection(report, lang)}
${overview(report, lang)}
${groups.map((g) => subjectSection(plan, g, lang)).join('\n')}
${todoSection(report, lang)}
${householdSection(report, lang)}
${parameterSection(plan, report, lang)}
${relaxedSection(report, lang)}
${notesSection(report, lang)}`,
  });
}

/** The document around a page's sections: head, cover (title, document, as-of date, `meta`) and footer. */
export function htmlDocument(
  report: Report,
  plan: Plan,
  lang: Lang,
  page: { part?: string; meta: string; body: string },
): string {
  const title = report.plan.title[lang];
  const part = page.part ? ` — ${page.part}` : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}${esc(part)} — ${esc(WORDS.asOf[lang])} ${esc(report.asOf)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="cover">
<h1>${esc(title)}</h1>
${page.part ? `<p class="part">${esc(page.part)}</p>\n` : ''}<p class="doc">${esc(report.plan.docNo)} · ${esc(plan.jurisdiction[lang])}</p>
<div class="meta"><span>${esc(WORDS.asOf[lang])}：<b>${esc(report.asOf)}</b></span>${page.meta}</div>
</header>
${page.body}
<footer>${esc(WORDS.generated[lang])} · ${esc(report.plan.id)} · ${esc(WORDS.asOf[lang])} ${esc(report.asOf)}</footer>
</main>
</body>
</html>
`;
}
