/**
 * Export of evaluation results (评估结果导出): one row per result with its status, progress,
 * clause, responsible units and message, coloured by status, with filters on; one row per
 * screened household with its risk types and suggested category; and the targets plugins relaxed.
 */
import ExcelJS from 'exceljs';
import {
  KIND_LABEL,
  PROGRESS_LABEL,
  resultValues,
  STATUS_LABEL,
  STRENGTH_LABEL,
  type Lang,
  type Plan,
  type Report,
  type Status,
} from '@ruralkit/core';
import { xlsxMessage, xlsxSaid } from './locales/index.js';
import type { XlsxMessages } from './locales/messages.js';
import { styleHeader } from './style.js';

/** Fill colours by status: the status cell strong, the rest of the row a tint of it. */
export const STATUS_COLOUR: Record<Status, { strong: string; tint: string }> = {
  met: { strong: 'FFC6EFCE', tint: 'FFF1FAF2' },
  'not-met': { strong: 'FFFFC7CE', tint: 'FFFFF1F2' },
  pending: { strong: 'FFFFEB9C', tint: 'FFFFFBEA' },
  'not-applicable': { strong: 'FFE7E6E6', tint: 'FFF7F7F7' },
  'missing-data': { strong: 'FFE4DFEC', tint: 'FFF6F3FA' },
};

const RESULT_COLUMNS = [
  ['results.header.subject', 16],
  ['results.header.id', 12],
  ['results.header.township', 12],
  ['results.header.rule', 26],
  ['results.header.rule-id', 30],
  ['results.header.kind', 8],
  ['results.header.strength', 8],
  ['results.header.status', 10],
  ['results.header.progress', 12],
  ['results.header.year', 7],
  ['results.header.due', 12],
  ['results.header.years-not-met', 14],
  ['results.header.actual', 22],
  ['results.header.expected', 18],
  ['results.header.clause', 14],
  ['results.header.lead-unit', 20],
  ['results.header.units', 36],
  ['results.header.message', 70],
] as const;

/** The results workbook's sheet names and headers. */
type Word = Extract<keyof XlsxMessages, `results.${string}`>;

/** A sheet name or header in `lang`. */
const word = (code: Word, lang: Lang) => xlsxSaid(xlsxMessage(code, {}), lang);

/** `items` as a list in `lang`: 2023、2024 or 2023, 2024. */
const list = (items: readonly (string | number)[], lang: Lang) => xlsxSaid(xlsxMessage('list.items', { items }), lang);

/** Sheet columns of `[header, width]`, the header said in `lang`. */
const columnsOf = (columns: readonly (readonly [Word, number])[], lang: Lang) =>
  columns.map(([header, width]) => ({ header: word(header, lang), width }));

/** The results of `report` as xlsx bytes, in `lang` (default Chinese). */
export async function buildResultsWorkbook(plan: Plan, report: Report, lang: Lang = 'zh'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ruralkit';
  const sheet = workbook.addWorksheet(word('results.sheet.results', lang), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = columnsOf(RESULT_COLUMNS, lang);
  styleHeader(sheet.getRow(1));
  for (const result of report.results) {
    const values = resultValues(plan, result, lang);
    const row = sheet.addRow([
      result.subject.name[lang],
      result.subject.id,
      result.subject.township?.name[lang] ?? '',
      result.ruleName[lang],
      result.ruleId,
      KIND_LABEL[result.kind][lang],
      STRENGTH_LABEL[result.strength][lang],
      STATUS_LABEL[result.status][lang],
      result.progress ? PROGRESS_LABEL[result.progress][lang] : '',
      result.year,
      result.due ?? '',
      list(result.lapses ?? [], lang),
      values.actual,
      values.expected,
      list(
        result.clauses.map((c) => c.label),
        lang,
      ),
      result.units[0]?.name[lang] ?? '',
      list(
        result.units.map((u) => u.name[lang]),
        lang,
      ),
      result.message[lang],
    ]);
    const colour = STATUS_COLOUR[result.status];
    row.eachCell({ includeEmpty: true }, (cell, n) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: n === 8 ? colour.strong : colour.tint } };
      cell.alignment = { vertical: 'top', wrapText: n >= 13 };
    });
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + report.results.length, column: RESULT_COLUMNS.length },
  };
  addAssessment(workbook, report, lang);
  addHouseholds(workbook, report, lang);
  addRelaxed(workbook, report, lang);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The period assessment (期末考核), when the report has one: each annual and ongoing rule over the period. */
function addAssessment(workbook: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const { assessment } = report;
  if (!assessment) return;
  const sheet = workbook.addWorksheet(word('results.sheet.assessment', lang), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columnsOf(
    [
      ['results.header.subject', 16],
      ['results.header.rule-id', 34],
      ['results.header.outcome', 14],
      ['results.header.years-not-met', 16],
      ['results.header.years-without-data', 16],
      ['results.header.message', 70],
    ],
    lang,
  );
  styleHeader(sheet.getRow(1));
  for (const r of assessment.rules) {
    sheet.addRow([
      r.subject.name[lang],
      r.ruleId,
      xlsxSaid(xlsxMessage(`assessment.${r.outcome}`, {}), lang),
      list(r.lapses, lang),
      list(r.unjudged, lang),
      r.message[lang],
    ]);
  }
}

/** The targets the plan's plugins relaxed (放宽), with reasons; one row "无 / none" when none. */
function addRelaxed(workbook: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const sheet = workbook.addWorksheet(word('results.sheet.relaxed', lang));
  sheet.columns = columnsOf(
    [
      ['results.header.id', 36],
      ['results.header.reason', 70],
      ['results.header.set-by', 36],
    ],
    lang,
  );
  styleHeader(sheet.getRow(1));
  for (const r of report.plan.relaxed) sheet.addRow([r.id, r.reason, r.by]);
  if (report.plan.relaxed.length === 0) sheet.addRow([xlsxSaid(xlsxMessage('relaxed.none', {}), lang)]);
}

function addHouseholds(workbook: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const sheet = workbook.addWorksheet(word('results.sheet.households', lang), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columnsOf(
    [
      ['results.header.household', 12],
      ['results.header.village', 14],
      ['results.header.risk-types', 30],
      ['results.header.category', 20],
      ['results.header.not-screened', 40],
    ],
    lang,
  );
  styleHeader(sheet.getRow(1));
  for (const h of report.households) {
    sheet.addRow([
      h.subject.id,
      h.villageId,
      list(
        h.details.map((d) => d.riskName[lang]),
        lang,
      ),
      h.categoryName?.[lang] ?? '',
      (h.missing ?? []).map((m) => `${m.ruleId}: ${list(m.keys, lang)}`).join('; '),
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + report.households.length, column: 5 } };
}
