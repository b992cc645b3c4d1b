/**
 * CSV files (CSV 文件), one reader for both layouts: a sheet of the template (`evaluate x.csv`,
 * keys on row 1 or 2) and the batch's records (`screen`, `evaluate --batch`: a household a line,
 * or a village a line with `YYYY.key` columns for its yearly values). csv-parse reads the rows
 * with the line each starts on; the header names each column once; every cell is read by
 * `readCell`, the spreadsheet's rules (NFKC, trimmed, `87%`, 是/否).
 */
import { parse } from 'csv-parse';
import { parse as parseText, type Options } from 'csv-parse/sync';
import { InputError, type InputIssue, type LocalizedText, type Message, type Plan } from '@ruralkit/core';
import { cellContent, cellText, readCell } from './cells.js';
import { sheetForKeys, sheetName, sheetsOf, type Column, type SheetSpec } from './columns.js';
import { xlsxMessage, xlsxText } from './locales/index.js';

/** How every CSV file is parsed: a byte-order mark dropped, rows of any length. */
const CSV_OPTIONS: Options = { bom: true, relax_column_count: true };

/** Why a CSV text could not be parsed (csv-parse names the line). */
export function csvSyntaxMessage(error: unknown): LocalizedText {
  return xlsxText(xlsxMessage('csv.syntax', { reason: (error as Error).message }));
}

/** The rows of a CSV text, blank lines kept, so that row n is line n (a sheet's row numbers). */
export function csvTextRows(text: string): string[][] {
  return parseText(text, { ...CSV_OPTIONS, skip_empty_lines: false }) as string[][];
}

/** One row of a streamed CSV file and the line it starts on, counting from 1. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The rows of a CSV stream, one at a time, blank lines skipped; a syntax error is an `InputError` naming its line. */
export async function* csvStreamRows(stream: NodeJS.ReadableStream): AsyncGenerator<CsvRow> {
  const parser = stream.pipe(parse({ ...CSV_OPTIONS, skip_empty_lines: true, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record };
    }
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new InputError([
      { path: [], ...(typeof line === 'number' ? { line } : {}), message: csvSyntaxMessage(error) },
    ]);
  }
}

/** What a batch reads: households (`screen`) or villages (`evaluate --batch`). */
export type RecordSubject = 'household' | 'village';

/**
 * The layouts a CSV file may have: a template sheet (its keys on row `keyRow + 1`, a key it
 * does not know refused), or the batch's records, a household or a village a line (`id`, `name`,
 * attributes, `YYYY.key`), whose other columns are kept as text for validation to judge.
 */
export type CsvLayout =
  { kind: 'sheet'; sheet: SheetSpec; keyRow: number } | { kind: 'records'; subject: RecordSubject };

/** A column of a layout: which value it holds and, for a batch village's `YYYY.key`, of which year. */
export interface LayoutColumn {
  column: Column;
  year?: string;
}

/**
 * The template sheet whose keys the first rows hold (row 2 first, under the Chinese headers);
 * otherwise the batch's villages when row 1 has `id` and no `villageId`.
 */
export function csvLayout(plan: Plan, rows: readonly (readonly unknown[] | undefined)[]): CsvLayout | undefined {
  for (const keyRow of [1, 0]) {
    const sheet = sheetForKeys(plan, keysOf(rows[keyRow]));
    if (sheet) return { kind: 'sheet', sheet, keyRow };
  }
  const keys = keysOf(rows[0]);
  return keys.includes('id') && !keys.includes('villageId') ? { kind: 'records', subject: 'village' } : undefined;
}

/** The column `key` names in `layout`; undefined when a template sheet has no such key. */
function layoutColumn(plan: Plan, layout: CsvLayout, key: string): LayoutColumn | undefined {
  const [attributes, yearly, , households] = sheetsOf(plan);
  const find = (sheet: SheetSpec, k: string) => sheet.columns.find((c) => c.key === k);
  if (layout.kind === 'sheet') {
    const column = find(layout.sheet, key);
    return column && { column };
  }
  if (layout.subject === 'household') return { column: find(households!, key) ?? text(key) };
  if (key === 'id') return { column: { ...attributes!.columns[0]!, key: 'id' } };
  const yearlyKey = /^(\d{4})\.(.+)$/.exec(key);
  if (yearlyKey) {
    const column = yearly!.columns.find((c) => c.key === yearlyKey[2] && c.indicator);
    return { column: column ?? text(yearlyKey[2]!), year: yearlyKey[1]! };
  }
  return { column: (key !== 'villageId' && find(attributes!, key)) || text(key) };
}

/** A column no indicator defines, read as text. */
function text(key: string): Column {
  return { key, name: { zh: key, en: key }, type: 'string', unit: 'none' };
}

/** A header cell that names no column of its layout: where it is, what it says, why. */
export interface HeaderProblem {
  /** The column's index, from 0. */
  index: number;
  key: string;
  message: Message;
}

/**
 * The header's columns by index; a key the layout does not know, one named twice (the last would
 * silently win) or `__proto__` (`2025.__proto__` too) is a problem. A blank header cell is a
 * column not read.
 */
export function headerColumns(
  plan: Plan,
  layout: CsvLayout,
  header: readonly unknown[],
): { columns: Map<number, LayoutColumn>; problems: HeaderProblem[] } {
  const columns = new Map<number, LayoutColumn>();
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const key = cellText(raw);
    if (key === '') return;
    const problem = (message: Message) => problems.push({ index, key, message });
    const column = layoutColumn(plan, layout, key);
    if (key === '__proto__' || column?.column.key === '__proto__') {
      problem(xlsxMessage('header.proto', {}));
    } else if (!column) {
      // Only a template sheet refuses a key: the batch's records keep it as text.
      const { kind } = (layout as CsvLayout & { kind: 'sheet' }).sheet;
      problem(xlsxMessage('header.unknown-key', { sheet: sheetName(kind) }));
    } else if (seen.has(key)) {
      problem(xlsxMessage('header.duplicate', {}));
    } else {
      seen.add(key);
      columns.set(index, column);
    }
  });
  return { columns, problems };
}

/** One batch record and the line it starts on. */
export interface CsvRecord {
  line: number;
  record: Record<string, unknown>;
}

/**
 * The records of a batch CSV stream, one a line: a household with one column a key, or a village
 * with `id`, `name`, attributes and `YYYY.key`. Cells are read by `readCell`; a blank cell is
 * absent; a cell that cannot be read is kept as its text, so validation names its line and column.
 * A column named twice or `__proto__` is an `InputError` naming the header's line and the column.
 */
export async function* csvRecords(
  plan: Plan,
  subject: RecordSubject,
  stream: NodeJS.ReadableStream,
): AsyncGenerator<CsvRecord> {
  let columns: Map<number, LayoutColumn> | undefined;
  for await (const { line, cells } of csvStreamRows(stream)) {
    if (!columns) {
      columns = recordColumns(plan, subject, line, cells);
      continue;
    }
    yield { line, record: subject === 'household' ? household(columns, cells) : village(columns, cells) };
  }
}

/** The columns of a batch header; a column named twice or `__proto__` is an `InputError`. */
function recordColumns(plan: Plan, subject: RecordSubject, line: number, header: string[]): Map<number, LayoutColumn> {
  const layout: CsvLayout = { kind: 'records', subject };
  const { columns, problems } = headerColumns(plan, layout, header);
  if (problems.length > 0) {
    throw new InputError(
      problems.map(({ index, key, message }): InputIssue => ({
        path: [],
        line,
        key,
        message: xlsxText(xlsxMessage('header.at-column', { column: index + 1, problem: message })),
      })),
    );
  }
  return columns;
}

/** A cell's value by the spreadsheet's rules; its text when it cannot be read; undefined when blank. */
function cellValue(column: Column, cell: string | undefined): unknown {
  const reading = readCell(column, cell);
  if (!reading) return undefined;
  return 'value' in reading ? reading.value : cellContent(cell);
}

function household(columns: Map<number, LayoutColumn>, cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [index, { column }] of columns) {
    const value = cellValue(column, cells[index]);
    if (value !== undefined) record[column.key] = value;
  }
  return record;
}

function village(columns: Map<number, LayoutColumn>, cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [index, { column, year }] of columns) {
    const value = cellValue(column, cells[index]);
    if (value === undefined) continue;
    if (year !== undefined) {
      const indicators = (record.indicators ??= {}) as Record<string, Record<string, unknown>>;
      (indicators[year] ??= {})[column.key] = value;
    } else if (column.key === 'id' || column.key === 'name') {
      record[column.key] = value;
    } else {
      ((record.attributes ??= {}) as Record<string, unknown>)[column.key] = value;
    }
  }
  return record;
}

function keysOf(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map(cellText).filter((k) => k !== '');
}
