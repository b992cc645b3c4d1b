/**
 * Reading a cell (单元格取值): formulas, rich text, errors and over-long text are resolved or
 * refused here; the value itself is read by core's `readValue`, the rules every input form
 * shares (`87%` and `87` in a percentage column, 是/否, Excel dates and date strings, numbers
 * with thousands separators). Ranges and types are checked later by core's input schema.
 */
import { briefText, readValue, type ValueReading } from '@ruralkit/core';
import type { Column } from './columns.js';
import { MAX_CELL_CHARS } from './limits.js';
import { xlsxMessage, xlsxText } from './locales/index.js';

/** A converted cell: its value, or why it could not be read. */
export type CellReading = ValueReading;

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
  if (content instanceof Date) return content.toISOString().slice(0, 10);
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

/** Convert one cell of `column`; `undefined` for a blank cell (the key is left out). */
export function readCell(column: Column, raw: unknown): CellReading | undefined {
  const content = cellContent(raw);
  if (content === undefined) return undefined;
  if (isFormula(content)) {
    return { error: xlsxText(xlsxMessage('cell.formula-without-value', {})) };
  }
  if (typeof content === 'string' && content.length > MAX_CELL_CHARS) {
    return { error: xlsxText(xlsxMessage('cell.too-long', { length: content.length, max: MAX_CELL_CHARS })) };
  }
  if (typeof content === 'object' && !(content instanceof Date)) {
    return { error: xlsxText(xlsxMessage('cell.error-value', { error: cellText(raw) })) };
  }
  if (column.key === 'year') return readYear(content);
  return readValue(column, content);
}

function readYear(content: unknown): CellReading {
  const n = typeof content === 'number' ? content : Number(content);
  return Number.isInteger(n) && n >= 1000 && n <= 9999
    ? { value: n }
    : { error: xlsxText(xlsxMessage('cell.not-a-year', {})) };
}
