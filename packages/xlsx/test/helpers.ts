// Test helpers: the example data, and filling a template the way a person would, with exceljs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { getPlan, type EvaluationInput } from '@ruralkit/core';
import { expect } from 'vitest';
import { buildTemplate, SpreadsheetError } from '@ruralkit/xlsx';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const example = (): EvaluationInput =>
  parse(readFileSync(`${root}examples/changjiang-2021/data.yaml`, 'utf8')) as EvaluationInput;

export const plan = getPlan('changjiang-2021');

/** The attributes `workbookWith` fills in for both key villages. */
export const attrs = { needsExpressPoint: true, hasEcommerceConditions: false };

/** A template with both key villages' attributes filled, then `edit` applied. */
export async function workbookWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await load(await buildTemplate(plan));
  const sheet = workbook.getWorksheet('村属性')!;
  for (const id of ['liuyang', 'jianglian']) fill(sheet, rowOf(sheet, { villageId: id }), attrs);
  edit(workbook);
  return save(workbook);
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The column number of `key` on a sheet (row 2 holds the keys). */
export function col(sheet: ExcelJS.Worksheet, key: string): number {
  const values = sheet.getRow(2).values as unknown[];
  const index = values.indexOf(key);
  if (index < 1) throw new Error(`no column ${key} on ${sheet.name}`);
  return index;
}

/** The row whose identifying cells hold `ids` (e.g. { villageId: 'liuyang', year: 2023 }); a new row when none does. */
export function rowOf(sheet: ExcelJS.Worksheet, ids: Record<string, unknown>): ExcelJS.Row {
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (Object.entries(ids).every(([k, v]) => row.getCell(col(sheet, k)).value === v)) return row;
  }
  const row = sheet.getRow(sheet.rowCount + 1);
  for (const [k, v] of Object.entries(ids)) row.getCell(col(sheet, k)).value = v as ExcelJS.CellValue;
  return row;
}

/** Type `values` into a row as an officer would: 是/否 for flags, dates as Excel dates. */
export function fill(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    const cell = row.getCell(col(sheet, key));
    if (typeof value === 'boolean') cell.value = value ? '是' : '否';
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      cell.value = new Date(`${value}T00:00:00Z`);
    else cell.value = value as ExcelJS.CellValue;
  }
}

/** The `SpreadsheetError` that `read` throws or rejects with (the test fails if it does not). */
export async function refusal(read: () => unknown): Promise<SpreadsheetError> {
  const error = await Promise.resolve()
    .then(read)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(SpreadsheetError);
  return error as SpreadsheetError;
}
