/**
 * Reading a cell (单元格取值): turns what a person typed into the value the evaluation input
 * expects: `87%` and `87` in a percentage column, 是/否, Excel dates and date strings, numbers
 * with thousands separators. Ranges and types are checked later by core's input schema.
 */
import { briefText, type LocalizedText } from '@ruralkit/core';
import type { Column } from './columns.js';
import { MAX_CELL_CHARS } from './limits.js';

/** A converted cell: its value, or why it could not be read. */
export type CellReading = { value: unknown } | { error: LocalizedText };

/** A formula saved without its computed value (a workbook written by a program, never opened in Excel). */
export interface FormulaWithoutValue {
  formula: string;
}

/**
 * The cell's content after formulas, rich text and links are resolved; `undefined` when blank.
 * A formula without a computed value is returned as such, never read as blank.
 */
export function cellContent(raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('result' in o && o.result !== undefined) return cellContent(o.result);
    if ('formula' in o || 'sharedFormula' in o) {
      return { formula: String(o.formula ?? o.sharedFormula) } satisfies FormulaWithoutValue;
    }
    if (Array.isArray(o.richText)) return cellContent(o.richText.map((r: { text?: string }) => r.text ?? '').join(''));
    if ('text' in o) return cellContent(o.text);
    if ('error' in o) return o;
    return undefined;
  }
  if (typeof raw === 'string') {
    if (raw.length > MAX_CELL_CHARS) return raw; // refused by readCell, not worth normalizing
    const text = raw.normalize('NFKC').trim();
    return text === '' ? undefined : text;
  }
  return raw;
}

/** The cell as a person sees it, for error messages; a long text is cut (its length is given). */
export function cellText(raw: unknown): string {
  const content = cellContent(raw);
  if (content === undefined) return '';
  if (content instanceof Date) return isoDate(content);
  if (isFormula(content)) return briefText(`=${content.formula}`);
  if (typeof content === 'object') return String((content as { error?: unknown }).error);
  return briefText(String(content));
}

function isFormula(content: unknown): content is FormulaWithoutValue {
  return typeof content === 'object' && content !== null && 'formula' in content;
}

/** The raw text of a string cell when NFKC normalization changed it (全角 `Ａ1` → `A1`). */
export function normalizedFrom(raw: unknown): string | undefined {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  return text !== undefined && text !== text.normalize('NFKC') ? text : undefined;
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

/** Convert one cell of `column`; `undefined` for a blank cell (the key is left out). */
export function readCell(column: Column, raw: unknown): CellReading | undefined {
  const content = cellContent(raw);
  if (content === undefined) return undefined;
  if (isFormula(content)) {
    return {
      error: {
        zh: '公式没有计算结果：请在 Excel 中打开并保存后再导入，或直接填写数值',
        en: 'the formula has no computed value: open and save the workbook in Excel, or type the value',
      },
    };
  }
  if (typeof content === 'string' && content.length > MAX_CELL_CHARS) {
    return {
      error: {
        zh: `单元格有 ${content.length.toLocaleString('en-US')} 个字符，超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 上限`,
        en: `the cell holds ${content.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} limit`,
      },
    };
  }
  if (typeof content === 'object' && !(content instanceof Date)) {
    return { error: { zh: `单元格为错误值 ${cellText(raw)}`, en: `the cell holds the error ${cellText(raw)}` } };
  }
  if (column.key === 'year') return readYear(content);
  switch (column.type) {
    case 'boolean':
      return readBoolean(content);
    case 'date':
      return readDate(content);
    case 'string':
      return { value: content instanceof Date ? isoDate(content) : String(content) };
    default:
      return readNumber(content, column.unit === 'ratio');
  }
}

function readYear(content: unknown): CellReading {
  const n = typeof content === 'number' ? content : Number(content);
  return Number.isInteger(n) && n >= 1000 && n <= 9999
    ? { value: n }
    : { error: { zh: '年份应为四位数字，如 2023', en: 'a year must be four digits, such as 2023' } };
}

function readBoolean(content: unknown): CellReading {
  if (typeof content === 'boolean') return { value: content };
  const text = String(content).toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { error: { zh: '应填“是”或“否”', en: 'expected 是 or 否 (yes or no)' } };
}

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TEXT = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

function readDate(content: unknown): CellReading {
  if (content instanceof Date) return { value: isoDate(content) };
  if (typeof content === 'number' && Number.isInteger(content) && content > 0 && content < 2958466) {
    return { value: isoDate(new Date(EXCEL_EPOCH_MS + content * 86_400_000)) };
  }
  for (const pattern of DATE_TEXT) {
    const m = pattern.exec(String(content));
    // An impossible day (2023-02-30) passes here: core's schema names it.
    if (m) return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
  }
  return { error: { zh: '不是日期，应如 2022-12-31', en: 'not a date; write it like 2022-12-31' } };
}

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number; in a ratio column `87%` is 0.87, and so is a plain 87: a number of 2 or more
 * (or −2 or less) there is read as a percentage. 1.2 is left as it is, and rejected as out of range.
 */
function readNumber(content: unknown, ratio: boolean): CellReading {
  let n: number;
  let percent = false;
  if (typeof content === 'number') n = content;
  else {
    let text = String(content).replace(/\s/g, '');
    if (ratio && text.endsWith('%')) {
      percent = true;
      text = text.slice(0, -1);
    }
    if (GROUPED.test(text)) text = text.replace(/,/g, '');
    if (!PLAIN.test(text)) return { error: { zh: '不是数字', en: 'not a number' } };
    n = Number(text);
  }
  if (ratio && (percent || Math.abs(n) >= 2)) n = Number((n / 100).toPrecision(15));
  return { value: n };
}

/** `YYYY-MM-DD` of a date as exceljs gives it (midnight UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
