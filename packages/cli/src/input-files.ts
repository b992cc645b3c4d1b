/**
 * Reading the evaluation input from files (读取输入文件): a YAML or JSON file, a filled
 * workbook (.xlsx), or CSV files with the template's columns (one file per sheet).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EvaluationInput, Plan } from '@ruralkit/core';
import { readBytes, readDataFile, UsageError } from './io.js';
import { loadXlsx } from './optional.js';

const extension = (file: string) => file.slice(file.lastIndexOf('.')).toLowerCase();

/** Read the input `files` for `plan`; spreadsheets are checked cell by cell (a `SpreadsheetError` lists every problem). */
export async function readInputFiles(plan: Plan, files: string[]): Promise<EvaluationInput | unknown> {
  const kinds = new Set(files.map(extension));
  if (kinds.size === 1 && kinds.has('.csv')) {
    const sheets = files.map((file) => ({ name: basename(file), text: readBytes(file).toString('utf8') }));
    return (await loadXlsx()).readCsv(plan, sheets);
  }
  if (files.length !== 1) {
    throw new UsageError(
      'ruralkit',
      '请给出一个 YAML、JSON 或 xlsx 文件，或一个或多个 CSV 文件（每表一个）',
      'give one YAML, JSON or xlsx file, or one or more CSV files (one per sheet)',
    );
  }
  const file = files[0]!;
  if (extension(file) === '.xlsx') {
    const bytes = readBytes(file);
    return (await loadXlsx()).readWorkbook(plan, bytes);
  }
  return readDataFile(file);
}

/** Write a report or workbook to `file`, creating its folder. */
export function writeOutput(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
