/**
 * The report in pages (分册报告), for a province: a summary page and one page per township (at
 * most `villagesPerPage` villages a page), each drawn only when asked for, so that a caller
 * writing them one by one holds one page at a time, never the whole report as one string.
 */
import {
  bySubject,
  reportPart,
  REPORT_WORDS as WORDS,
  STATUSES,
  STATUS_LABEL,
  emptyCounts,
  type Lang,
  type Report,
  type StatusCounts,
  type SubjectRef,
} from '@ruralkit/core';
import { riskChart } from './charts.js';
import { esc } from './html.js';
import { htmlDocument, renderHtmlReport, type HtmlReportOptions } from './page.js';
import {
  assessmentTotals,
  countCells,
  parameterSection,
  relaxedSection,
  riskCounts,
  subjectSection,
} from './sections.js';

export interface ReportPagesOptions extends HtmlReportOptions {
  /** The most villages on one page (default 200): a larger township has several pages. */
  villagesPerPage?: number;
}

/** A page of the report in pages: its file name (`index.html`, `part-001.html`…) and its HTML. */
export interface ReportPage {
  file: string;
  html: string;
}

/** A page's villages: its title, its file and the ids of its villages. */
interface Part {
  title: string;
  file: string;
  villages: Set<string>;
}

/** The villages in pages: by township in the order met, villages without one last. */
function partsOf(report: Report, lang: Lang, perPage: number): Part[] {
  const townships = new Map<string, { name: string; villages: string[] }>();
  for (const { subject } of bySubject(report)) {
    if (subject.type !== 'village') continue;
    const key = subject.township?.id ?? '';
    const name = subject.township?.name[lang] ?? WORDS.otherVillages[lang];
    let township = townships.get(key);
    if (!township) townships.set(key, (township = { name, villages: [] }));
    township.villages.push(subject.id);
  }
  const ordered = [...townships.entries()].sort(([a], [b]) => Number(a === '') - Number(b === ''));
  const parts: Part[] = [];
  for (const [, { name, villages }] of ordered) {
    const pages = Math.ceil(villages.length / perPage);
    for (let page = 0; page < pages; page++) {
      parts.push({
        title: pages > 1 ? `${name} (${page + 1}/${pages})` : name,
        file: `part-${String(parts.length + 1).padStart(3, '0')}.html`,
        villages: new Set(villages.slice(page * perPage, (page + 1) * perPage)),
      });
    }
  }
  return parts;
}

/** The summary page first, then each part's page, drawn as the iteration reaches it. */
export function* renderHtmlReportPages(report: Report, options: ReportPagesOptions): Generator<ReportPage> {
  const { lang = 'zh', villagesPerPage = 200 } = options;
  const parts = partsOf(report, lang, villagesPerPage);
  yield { file: 'index.html', html: summaryPage(report, options, lang, parts) };
  for (const part of parts) {
    const keep = (s: SubjectRef) => s.type === 'village' && part.villages.has(s.id);
    yield {
      file: part.file,
      html: renderHtmlReport(reportPart(report, keep), { ...options, index: 'index.html', part: part.title }),
    };
  }
}

/** The summary page: totals, the parts with their counts, the district, to-do counts, households and parameters. */
function summaryPage(report: Report, options: ReportPagesOptions, lang: Lang, parts: Part[]): string {
  const { plan } = options;
  const groups = bySubject(report);
  const counts = new Map(groups.map((g) => [g.subject.id, g.counts]));
  const screened = new Map<string, { screened: number; withRisk: number }>();
  for (const h of report.households) {
    const village = screened.get(h.villageId) ?? { screened: 0, withRisk: 0 };
    village.screened++;
    if (h.risks.length > 0) village.withRisk++;
    screened.set(h.villageId, village);
  }
  const rows = parts.map((part) => {
    const sum: StatusCounts = emptyCounts();
    let households = 0;
    let withRisk = 0;
    for (const id of part.villages) {
      for (const s of STATUSES) sum[s] += counts.get(id)?.[s] ?? 0;
      households += screened.get(id)?.screened ?? 0;
      withRisk += screened.get(id)?.withRisk ?? 0;
    }
    const cells = STATUSES.map((s) => `<td class="s-${s}">${sum[s]}</td>`).join('');
    return `<tr><td><a href="${part.file}">${esc(part.title)}</a></td><td>${part.villages.size}</td>${cells}<td>${households}</td><td>${withRisk}</td></tr>`;
  });
  const heads = STATUSES.map((s) => `<th>${esc(STATUS_LABEL[s][lang])}</th>`).join('');
  const district = groups.filter((g) => g.subject.type === 'district');
  const units = report.summary.units.map(
    (todo) =>
      `<tr><td>${esc(todo.unit.name[lang])}</td><td>${todo.items.length}</td><td>${todo.lapses.length}</td></tr>`,
  );
  const h = report.summary.households;
  const risks = riskCounts(report, lang);
  const assessment = report.assessment
    ? `<section id="assessment"><h2>${esc(WORDS.assessment[lang])}</h2>${assessmentTotals(report.assessment.counts, lang)}</section>`
    : '';
  return htmlDocument(report, plan, lang, {
    meta: `<span>${esc(WORDS.keyVillages[lang])}：<b>${counts.size - district.length}</b></span>`,
    body: `${assessment}
<section id="overview"><h2>${esc(WORDS.overview[lang])}</h2><div class="counts wide">${countCells(report.summary.overall, lang)}</div></section>
<section id="parts"><h2>${esc(WORDS.parts[lang])}</h2><div class="scroll"><table class="small"><thead><tr><th>${esc(WORDS.parts[lang])}</th><th>${esc(WORDS.villages[lang])}</th>${heads}<th>${esc(WORDS.screened[lang])}</th><th>${esc(WORDS.withRisk[lang])}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>
${district.map((g) => subjectSection(plan, g, lang)).join('\n')}
<section id="todo"><h2>${esc(WORDS.todo[lang])}</h2><table class="small"><thead><tr><th>${esc(WORDS.units[lang])}</th><th>${esc(WORDS.items[lang])}</th><th>${esc(WORDS.lapses[lang])}</th></tr></thead><tbody>${units.join('')}</tbody></table></section>
<section id="households"><h2>${esc(WORDS.households[lang])}</h2><p>${esc(WORDS.screened[lang])} <b>${h.screened}</b> · ${esc(WORDS.withRisk[lang])} <b>${h.withRisk}</b>${lang === 'zh' ? '。' : '. '}<span class="note">${esc(WORDS.privacy[lang])}</span></p>
${risks.length ? `<figure class="chart risks"><figcaption>${esc(WORDS.riskType[lang])}</figcaption>${riskChart(risks)}</figure>` : ''}</section>
${parameterSection(plan, report, lang)}
${relaxedSection(report, lang)}`,
  });
}
