/**
 * The report as a terminal table (默认终端表格) and as Markdown: status per village and rule,
 * district targets, household screening counts and each unit's to-do list.
 */
import pc from 'picocolors';
import {
  bySubject,
  PROGRESS_LABEL,
  REPORT_WORDS as WORDS,
  STATUSES,
  STATUS_LABEL,
  type Lang,
  type Report,
  type RuleResult,
  type Status,
  type StatusCounts,
  type UnitTodo,
} from '@ruralkit/core';
import { escapeMarkdownText, mapStrings, stripControls } from './safe-text.js';

function subjectTitle(r: RuleResult, lang: Lang): string {
  const s = r.subject;
  if (s.type === 'district') return `${WORDS.district[lang]} · ${s.name[lang]}`;
  const township = s.township ? ` · ${s.township.name[lang]}` : '';
  return `${s.name[lang]} (${s.id})${township}${s.keyVillage === false ? WORDS.notKey[lang] : ''}`;
}

function statusText(r: RuleResult, lang: Lang): string {
  const label = STATUS_LABEL[r.status][lang];
  return r.status === 'pending' && r.progress ? `${label} · ${PROGRESS_LABEL[r.progress][lang]}` : label;
}

function countsText(counts: StatusCounts, lang: Lang, lapsed?: number): string {
  const statuses = STATUSES.map((s) => `${STATUS_LABEL[s][lang]} ${counts[s]}`);
  return [...statuses, ...(lapsed ? [`${WORDS.lapsedRules[lang]} ${lapsed}`] : [])].join(' · ');
}

/** The period assessment (期末考核), on or after the plan's last day: counts, then each rule that did not hold every year. */
function assessmentLines(report: Report, lang: Lang): string[] {
  const { assessment } = report;
  if (!assessment) return [];
  const { period, counts } = assessment;
  return [
    `${WORDS.assessment[lang]} (${period.start} – ${period.end}): ${WORDS.heldEveryYear[lang]} ${counts.held} · ${WORDS.lapsedRules[lang]} ${counts.lapsed} · ${WORDS.unjudgedRules[lang]} ${counts.unjudged}`,
    ...assessment.rules.filter((r) => r.outcome !== 'held').map((r) => `  - ${r.message[lang]}`),
  ];
}

/** Unit to-do lines: items, then lapses (未达标年份). */
function lapseLine(item: UnitTodo['lapses'][number], lang: Lang): string {
  const years = item.years.join(lang === 'zh' ? '、' : ', ');
  return `${WORDS.lapses[lang]} ${years}: ${item.subject.name[lang]} ${item.ruleId}`;
}

/** What the input held that was set aside, one line each. */
function noteLines(report: Report, lang: Lang): string[] {
  return report.notes.map((n) => `${n.subject.id}${n.year ? ` ${n.year}` : ''}: ${n.message[lang]}`);
}

// Colours are forced on here: the caller decides whether the output is a colour terminal.
const pcc = pc.createColors(true);
const COLOUR: Record<Status, (s: string) => string> = {
  met: pcc.green,
  'not-met': pcc.red,
  pending: pcc.yellow,
  'not-applicable': pcc.dim,
  'missing-data': pcc.magenta,
};

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The terminal table. `colour` adds ANSI colours to statuses; control and bidi characters of the data are removed. */
export function formatTable(data: Report, lang: Lang, colour: boolean): string {
  const report = mapStrings(data, stripControls);
  const paint = (status: Status, text: string) => (colour ? COLOUR[status](text) : text);
  const bold = (text: string) => (colour ? pcc.bold(text) : text);
  const lines = [bold(`${report.plan.title[lang]} (${report.plan.docNo}) — ${WORDS.asOf[lang]} ${report.asOf}`), ''];
  const assessment = assessmentLines(report, lang);
  if (assessment.length > 0) lines.push(...assessment.map((l, i) => (i === 0 ? bold(l) : l)), '');
  for (const { results, counts, lapsed } of bySubject(report)) {
    lines.push(bold(subjectTitle(results[0]!, lang)), `  ${countsText(counts, lang, lapsed)}`);
    const ruleWidth = Math.max(...results.map((r) => r.ruleId.length));
    const statusWidth = Math.max(...results.map((r) => displayWidth(statusText(r, lang))));
    for (const r of results) {
      const status = paint(r.status, pad(statusText(r, lang), statusWidth));
      lines.push(`  ${pad(r.ruleId, ruleWidth)}  ${status}  ${r.year}  ${r.message[lang]}`);
    }
    lines.push('');
  }
  lines.push(bold(`${WORDS.overall[lang]}: ${countsText(report.summary.overall, lang)}`), '');
  lines.push(...relaxedLines(report, lang).map((l, i) => (i === 0 ? bold(l) : l)), '');
  lines.push(...householdLines(report, lang).map((l, i) => (i === 0 ? bold(l) : l)), '');
  lines.push(bold(WORDS.todo[lang]));
  if (report.summary.units.length === 0) lines.push(`  ${WORDS.nothingToDo[lang]}`);
  for (const todo of report.summary.units) {
    lines.push(`  ${todo.unit.name[lang]} (${todo.items.length})`);
    for (const item of todo.items) {
      lines.push(
        `    - ${paint(item.status, STATUS_LABEL[item.status][lang])} ${item.subject.name[lang]} ${item.ruleId}`,
      );
    }
    for (const item of todo.lapses) lines.push(`    - ${lapseLine(item, lang)}`);
  }
  const notes = noteLines(report, lang);
  if (notes.length > 0) lines.push('', bold(WORDS.notes[lang]), ...notes.map((l) => `  ${l}`));
  return lines.join('\n') + '\n';
}

/** "Targets relaxed by plugins: none", or one line per declared loosening with its reason. */
function relaxedLines(report: Report, lang: Lang): string[] {
  const { relaxed } = report.plan;
  if (relaxed.length === 0) return [`${WORDS.relaxed[lang]}: ${WORDS.noneRelaxed[lang]}`];
  return [`${WORDS.relaxed[lang]}:`, ...relaxed.map((r) => `  ${r.id} (${r.by}): ${r.reason}`)];
}

function householdLines(report: Report, lang: Lang): string[] {
  const h = report.summary.households;
  const risk = (id: string) =>
    report.households.flatMap((x) => x.details).find((d) => d.riskType === id)?.riskName[lang] ?? id;
  const category = (id: string) => report.households.find((x) => x.category === id)?.categoryName?.[lang] ?? id;
  return [
    `${WORDS.households[lang]}: ${WORDS.screened[lang]} ${h.screened}, ${WORDS.withRisk[lang]} ${h.withRisk}`,
    ...Object.entries(h.byRiskType).map(([id, n]) => `  ${WORDS.riskType[lang]} ${risk(id)}: ${n}`),
    ...Object.entries(h.byCategory).map(([id, n]) => `  ${WORDS.category[lang]} ${category(id)}: ${n}`),
  ];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as Markdown, for documents; raw HTML and links in the data are escaped. */
export function formatMarkdown(data: Report, lang: Lang): string {
  const report = mapStrings(data, escapeMarkdownText);
  const lines = [`# ${report.plan.title[lang]}`, '', `${report.plan.docNo} · ${WORDS.asOf[lang]} ${report.asOf}`, ''];
  const [assessmentTitle, ...assessed] = assessmentLines(report, lang);
  if (assessmentTitle)
    lines.push(`## ${assessmentTitle}`, '', ...assessed.map((l) => `- ${escapeCell(l.slice(4))}`), '');
  for (const { results, counts, lapsed } of bySubject(report)) {
    lines.push(`## ${subjectTitle(results[0]!, lang)}`, '', countsText(counts, lang, lapsed), '');
    lines.push(
      `| ${WORDS.rule[lang]} | ${WORDS.status[lang]} | ${WORDS.year[lang]} | ${WORDS.clause[lang]} | ${WORDS.lead[lang]} | ${WORDS.explanation[lang]} |`,
      '|---|---|---|---|---|---|',
    );
    for (const r of results) {
      const cells = [
        `${r.ruleName[lang]} (\`${r.ruleId}\`)`,
        statusText(r, lang),
        String(r.year),
        r.clauses.map((c) => c.label).join('、'),
        r.units[0]?.name[lang] ?? '',
        r.message[lang],
      ];
      lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push(`## ${WORDS.overall[lang]}`, '', countsText(report.summary.overall, lang), '');
  const [relaxedTitle, ...relaxed] = relaxedLines(report, lang);
  lines.push(`## ${relaxedTitle}`, '', ...relaxed.map((l) => `- ${escapeCell(l.trim())}`), '');
  const [title, ...rest] = householdLines(report, lang);
  lines.push(`## ${title}`, '', ...rest.map((l) => `- ${l.trim()}`), '');
  lines.push(`## ${WORDS.todo[lang]}`, '');
  if (report.summary.units.length === 0) lines.push(WORDS.nothingToDo[lang]);
  for (const todo of report.summary.units) {
    lines.push(`### ${todo.unit.name[lang]}`, '');
    for (const item of todo.items)
      lines.push(`- ${STATUS_LABEL[item.status][lang]}: ${escapeCell(item.message[lang])}`);
    for (const item of todo.lapses) lines.push(`- ${escapeCell(lapseLine(item, lang))}`);
    lines.push('');
  }
  const notes = noteLines(report, lang);
  if (notes.length > 0) lines.push(`## ${WORDS.notes[lang]}`, '', ...notes.map((l) => `- ${escapeCell(l)}`), '');
  return lines.join('\n');
}
