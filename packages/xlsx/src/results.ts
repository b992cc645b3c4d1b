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
import { styleHeader } from './style.js';

/** Fill colours by status: the status cell strong, the rest of the row a tint of it. */
export const STATUS_COLOUR: Record<Status, { strong: string; tint: string }> = {
  met: { strong: 'FFC6EFCE', tint: 'FFF1FAF2' },
  'not-met': { strong: 'FFFFC7CE', tint: 'FFFFF1F2' },
  pending: { strong: 'FFFFEB9C', tint: 'FFFFFBEA' },
  'not-applicable': { strong: 'FFE7E6E6', tint: 'FFF7F7F7' },
  'missing-data': { strong: 'FFE4DFEC', tint: 'FFF6F3FA' },
};

const H = (zh: string, en: string) => ({ zh, en });
const RESULT_COLUMNS = [
  [H('对象', 'Subject'), 16],
  [H('编号', 'Id'), 12],
  [H('乡镇', 'Township'), 12],
  [H('规则', 'Rule'), 26],
  [H('规则编号', 'Rule id'), 30],
  [H('类型', 'Kind'), 8],
  [H('强度', 'Strength'), 8],
  [H('状态', 'Status'), 10],
  [H('进展', 'Progress'), 12],
  [H('年份', 'Year'), 7],
  [H('期限', 'Due'), 12],
  [H('未达标年份', 'Years not met'), 14],
  [H('实际值', 'Actual'), 22],
  [H('目标值', 'Expected'), 18],
  [H('条款', 'Clause'), 14],
  [H('牵头单位', 'Lead unit'), 20],
  [H('责任单位', 'Responsible units'), 36],
  [H('说明', 'Message'), 70],
] as const;

/** The results of `report` as xlsx bytes, in `lang` (default Chinese). */
export async function buildResultsWorkbook(plan: Plan, report: Report, lang: Lang = 'zh'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ruralkit';
  const sheet = workbook.addWorksheet(lang === 'zh' ? '评估结果' : 'Results', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = RESULT_COLUMNS.map(([header, width]) => ({ header: header[lang], width }));
  styleHeader(sheet.getRow(1));
  const sep = lang === 'zh' ? '、' : ', ';
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
      (result.lapses ?? []).join(sep),
      values.actual,
      values.expected,
      result.clauses.map((c) => c.label).join(sep),
      result.units[0]?.name[lang] ?? '',
      result.units.map((u) => u.name[lang]).join(sep),
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
  const sep = lang === 'zh' ? '、' : ', ';
  const sheet = workbook.addWorksheet(lang === 'zh' ? '期末考核' : 'Period assessment', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: lang === 'zh' ? '对象' : 'Subject', width: 16 },
    { header: lang === 'zh' ? '规则编号' : 'Rule id', width: 34 },
    { header: lang === 'zh' ? '结论' : 'Outcome', width: 14 },
    { header: lang === 'zh' ? '未达标年份' : 'Years not met', width: 16 },
    { header: lang === 'zh' ? '缺数据年份' : 'Years without data', width: 16 },
    { header: lang === 'zh' ? '说明' : 'Message', width: 70 },
  ];
  styleHeader(sheet.getRow(1));
  for (const r of assessment.rules) {
    sheet.addRow([
      r.subject.name[lang],
      r.ruleId,
      ASSESSMENT_OUTCOME[r.outcome][lang],
      r.lapses.join(sep),
      r.unjudged.join(sep),
      r.message[lang],
    ]);
  }
}

const ASSESSMENT_OUTCOME = {
  held: H('每年达标', 'held every year'),
  lapsed: H('有未达标年份', 'lapsed'),
  unjudged: H('有缺数据年份', 'years without data'),
} as const;

/** The targets the plan's plugins relaxed (放宽), with reasons; one row "无 / none" when none. */
function addRelaxed(workbook: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const sheet = workbook.addWorksheet(lang === 'zh' ? '插件放宽的目标' : 'Relaxed targets');
  sheet.columns = [
    { header: lang === 'zh' ? '编号' : 'Id', width: 36 },
    { header: lang === 'zh' ? '理由' : 'Reason', width: 70 },
    { header: lang === 'zh' ? '设定方' : 'Set by', width: 36 },
  ];
  styleHeader(sheet.getRow(1));
  for (const r of report.plan.relaxed) sheet.addRow([r.id, r.reason, r.by]);
  if (report.plan.relaxed.length === 0) sheet.addRow([lang === 'zh' ? '无' : 'none']);
}

function addHouseholds(workbook: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const sheet = workbook.addWorksheet(lang === 'zh' ? '农户筛查' : 'Household screening', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const sep = lang === 'zh' ? '、' : ', ';
  sheet.columns = [
    { header: lang === 'zh' ? '户编号' : 'Household', width: 12 },
    { header: lang === 'zh' ? '所在村' : 'Village', width: 14 },
    { header: lang === 'zh' ? '风险类型' : 'Risk types', width: 30 },
    { header: lang === 'zh' ? '建议类别' : 'Suggested category', width: 20 },
    { header: lang === 'zh' ? '无法筛查（缺数据）' : 'Not screened (missing data)', width: 40 },
  ];
  styleHeader(sheet.getRow(1));
  for (const h of report.households) {
    sheet.addRow([
      h.subject.id,
      h.villageId,
      h.details.map((d) => d.riskName[lang]).join(sep),
      h.categoryName?.[lang] ?? '',
      (h.missing ?? []).map((m) => `${m.ruleId}: ${m.keys.join(sep)}`).join('; '),
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + report.households.length, column: 5 } };
}
