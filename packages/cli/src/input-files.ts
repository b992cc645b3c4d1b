/**
 * Reading the evaluation input from files (读取输入文件): a YAML or JSON file, a filled
 * workbook (.xlsx), or CSV files with the template's columns (one file per sheet).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { readTextValues, type EvaluationInput, type Plan } from '@ruralkit/core';
import type { CellIssue, ImportOptions } from '@ruralkit/xlsx';
import { readBytes, readDataFile, UsageError } from './io.js';
import { cliMessage } from './locales/index.js';
import { loadXlsx } from './optional.js';

const extension = (file: string) => file.slice(file.lastIndexOf('.')).toLowerCase();

/**
 * Read the input `files` for `plan`; spreadsheets are checked cell by cell (a `SpreadsheetError`
 * lists every problem); in YAML and JSON, text values are read by the same rules as cells
 * (`87%`, 是/否). The rest is checked by `evaluate`, which refuses it with an `InputError`.
 */
export async function readInputFiles(
  plan: Plan,
  files: string[],
  notice?: (text: string) => void,
): Promise<EvaluationInput> {
  const kinds = new Set(files.map(extension));
  if (kinds.size === 1 && kinds.has('.csv')) {
    const sheets = files.map((file) => ({ name: basename(file), text: readBytes(file).toString('utf8') }));
    const xlsx = await loadXlsx();
    return xlsx.readCsv(plan, sheets, importOptions(xlsx.describeCellIssue, notice));
  }
  if (files.length !== 1) {
    throw new UsageError('ruralkit', cliMessage('input.files', {}));
  }
  const file = files[0]!;
  if (extension(file) === '.xlsx') {
    const bytes = readBytes(file);
    const xlsx = await loadXlsx();
    return xlsx.readWorkbook(plan, bytes, importOptions(xlsx.describeCellIssue, notice));
  }
  return readTextValues(plan, readDataFile(file)) as EvaluationInput;
}

/** Import options that tell `notice` of each normalized id, as a line naming its cell. */
function importOptions(describe: (issue: CellIssue) => string, notice?: (text: string) => void): ImportOptions {
  return notice ? { onNotice: (issue) => notice(`ruralkit: ${describe(issue)}\n`) } : {};
}

/** Write a report or workbook to `file`, creating its folder. */
export function writeOutput(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * Refuse `--out` when it is one of the files read (same path, or the same file through a link):
 * writing the report would destroy its own input.
 */
export function refuseOverwritingInput(out: string, inputs: readonly (string | undefined)[]): void {
  const target = fileIdentity(out);
  for (const input of inputs) {
    if (input === undefined) continue;
    const same = resolve(input) === resolve(out) || (target !== undefined && fileIdentity(input) === target);
    if (same) {
      throw new UsageError('ruralkit', cliMessage('output.is-input', { out, input }));
    }
  }
}

/** The device and inode of an existing file, or undefined. */
function fileIdentity(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}
