/**
 * The fill-in template (指标填报模板): a workbook generated from a plan's indicator definitions,
 * with Chinese headers and the English key beneath, units, data validation, frozen headers and
 * an instructions sheet. Given an input, the same workbook comes back filled in.
 */
import ExcelJS from 'exceljs';
import { inputYears, type EvaluationInput, type Lang, type Plan } from '@ruralkit/core';
import {
  clausesOf,
  fillingRule,
  headerText,
  HEADER_ROWS,
  INSTRUCTIONS_SHEET,
  sheetsOf,
  unitLabel,
  type Column,
  type SheetSpec,
} from './columns.js';
import { xlsxMessage, xlsxSaid } from './locales/index.js';
import type { XlsxMessages } from './locales/messages.js';
import { HEADER_FILL, KEY_FONT, styleHeader, columnLetter } from './style.js';

export interface TemplateOptions {
  /** Data to write into the template (for instance to turn a YAML file into a workbook). */
  input?: EvaluationInput;
  /** Rows below the data that carry validation, for people to add to (default 500). */
  spareRows?: number;
}

type Row = Record<string, unknown>;

/** Build the template workbook for `plan` as xlsx bytes. */
export async function buildTemplate(plan: Plan, options: TemplateOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ruralkit';
  addInstructions(workbook, plan);
  const rows = rowsOf(plan, options.input ?? {});
  const years = inputYears(plan);
  for (const spec of sheetsOf(plan)) addDataSheet(workbook, spec, rows[spec.kind], options.spareRows ?? 500, years);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows of each sheet: the plan's key villages and years first, then what the input adds. */
function rowsOf(plan: Plan, input: EvaluationInput): Record<SheetSpec['kind'], Row[]> {
  const first = Number(plan.period.start.slice(0, 4)) - 1;
  const last = Number(plan.period.end.slice(0, 4));
  const planYears = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const keyIds = plan.keyVillages.map((v) => v.id);
  const given = new Map((input.villages ?? []).map((v) => [v.id, v]));
  const villageIds = [...new Set([...keyIds, ...given.keys()])];
  const attributes = villageIds.map((id) => {
    const village = given.get(id);
    const name = plan.keyVillages.find((k) => k.id === id)?.name.zh ?? village?.name;
    return { villageId: id, ...(name ? { name } : {}), ...village?.attributes };
  });
  const indicators = villageIds.flatMap((id) => {
    const yearly = given.get(id)?.indicators ?? {};
    const years = [...new Set([...planYears, ...Object.keys(yearly)])].sort();
    return years.map((year) => ({ villageId: id, year: Number(year), ...yearly[year] }));
  });
  const district = input.district ?? {};
  const districtYears = [
    ...new Set([...planYears, ...Object.keys(district.indicators ?? {}), ...Object.keys(district.reference ?? {})]),
  ].sort();
  return {
    'village-attributes': attributes,
    'village-indicators': indicators,
    district: districtYears.map((year) => ({
      year: Number(year),
      ...district.indicators?.[year],
      ...district.reference?.[year],
    })),
    households: (input.households ?? []).map((h) => ({ ...h })),
  };
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  rows: Row[],
  spareRows: number,
  years: { first: number; last: number },
): void {
  const identifying = spec.columns.filter((c) => c.identifies || c.key === 'name').length;
  const sheet = workbook.addWorksheet(spec.name.zh, {
    views: [{ state: 'frozen', xSplit: identifying, ySplit: HEADER_ROWS }],
  });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: widthOf(c) }));
  const header = sheet.getRow(1);
  const keys = sheet.getRow(2);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(column);
    cell.note = `${column.name.en}\n${fillingRule(column).zh}\n${fillingRule(column).en}`;
    keys.getCell(i + 1).value = column.key;
  });
  styleHeader(header);
  keys.font = KEY_FONT;
  keys.eachCell((cell) => (cell.fill = HEADER_FILL));
  rows.forEach((values, r) => {
    const row = sheet.getRow(HEADER_ROWS + 1 + r);
    spec.columns.forEach((column, i) => {
      const value = values[column.key];
      if (value !== undefined) row.getCell(i + 1).value = cellValue(column, value);
    });
  });
  const lastRow = HEADER_ROWS + rows.length + spareRows;
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    const numFmt = NUMBER_FORMAT[column.unit];
    if (numFmt && column.type !== 'boolean' && column.key !== 'year') sheet.getColumn(i + 1).numFmt = numFmt;
    const validation = validationOf(column, years);
    if (validation) {
      const range = `${letter}${HEADER_ROWS + 1}:${letter}${lastRow}`;
      (
        sheet as unknown as { dataValidations: { add: (r: string, v: ExcelJS.DataValidation) => void } }
      ).dataValidations.add(range, validation);
    }
  });
}

const NUMBER_FORMAT: Partial<Record<Column['unit'], string>> = {
  ratio: '0.0%',
  CNY: '#,##0',
  date: 'yyyy-mm-dd',
};

/** A word of the Chinese template, or of its English glosses. */
const word = (code: Extract<keyof XlsxMessages, `value.${string}` | `instructions.${string}`>, lang: Lang) =>
  xlsxSaid(xlsxMessage(code, {}), lang);

const YES = word('value.yes', 'zh');
const NO = word('value.no', 'zh');

function cellValue(column: Column, value: unknown): ExcelJS.CellValue {
  if (typeof value === 'boolean') return value ? YES : NO;
  if (column.type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value as ExcelJS.CellValue;
}

function widthOf(column: Column): number {
  return Math.min(26, Math.max(10, Math.ceil(headerText(column).length * 1.6)));
}

/** Excel's own check of a column; a warning only, since the import accepts more (Y/N, 87). */
function validationOf(column: Column, years: { first: number; last: number }): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: column.name.zh,
    error: fillingRule(column).zh,
    showInputMessage: true,
    promptTitle: column.name.zh,
    prompt: fillingRule(column).zh,
  } as const;
  // The years and dates the import accepts (core's `inputYears`).
  if (column.key === 'year')
    return { ...common, type: 'whole', operator: 'between', formulae: [years.first, years.last] };
  if (column.type === 'boolean') return { ...common, type: 'list', formulae: [`"${YES},${NO}"`] };
  if (column.type === 'date') {
    const dates = [new Date(Date.UTC(years.first, 0, 1)), new Date(Date.UTC(years.last, 11, 31))];
    return { ...common, type: 'date', operator: 'between', formulae: dates };
  }
  if (column.type !== 'number' && column.type !== 'integer') return undefined;
  const type = column.type === 'integer' ? 'whole' : 'decimal';
  const { min, max } = column.indicator ?? {};
  if (min !== undefined && max !== undefined) return { ...common, type, operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { ...common, type, operator: 'greaterThanOrEqual', formulae: [min] };
  return undefined;
}

function addInstructions(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET.zh, { views: [{ state: 'frozen', ySplit: 7 }] });
  sheet.columns = [
    { width: 12 },
    { width: 6 },
    { width: 30 },
    { width: 30 },
    { width: 40 },
    { width: 10 },
    { width: 56 },
    { width: 8 },
    { width: 18 },
  ];
  const title = (lang: Lang) =>
    xlsxSaid(xlsxMessage('instructions.title', { title: plan.title[lang], docNo: plan.docNo }), lang);
  // The Chinese instructions, then in English how a sheet is laid out.
  const lines = [
    title('zh'),
    title('en'),
    word('instructions.layout', 'zh'),
    word('instructions.values', 'zh'),
    word('instructions.layout', 'en'),
  ];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(`A${i + 1}`);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
  });
  const header = sheet.getRow(7);
  const both = (code: Parameters<typeof word>[0]) => `${word(code, 'zh')} ${word(code, 'en')}`;
  header.values = [
    both('instructions.header.sheet'),
    both('instructions.header.column'),
    both('instructions.header.name'),
    both('instructions.header.key'),
    both('instructions.header.meaning'),
    both('instructions.header.unit'),
    both('instructions.header.filling'),
    word('instructions.header.required', 'zh'),
    both('instructions.header.clause'),
  ];
  styleHeader(header);
  let r = 8;
  for (const spec of sheetsOf(plan)) {
    spec.columns.forEach((column, i) => {
      const unit = unitLabel(column);
      const rule = fillingRule(column);
      sheet.getRow(r++).values = [
        spec.name.zh,
        columnLetter(i),
        column.name.zh,
        column.key,
        column.name.en,
        unit ? unit.zh : '',
        `${rule.zh}\n${rule.en}`,
        column.required || column.identifies ? YES : '',
        xlsxSaid(xlsxMessage('list.items', { items: clausesOf(plan, column.key) }), 'zh'),
      ];
      sheet.getRow(r - 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
}
