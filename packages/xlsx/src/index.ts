/**
 * @ruralkit/xlsx — spreadsheets for a plan (表格): the fill-in template generated from the
 * plan's indicators, import of a filled workbook or CSV files into the evaluation input, and
 * export of evaluation results. The batch's CSV records, read by the same rules, are
 * `@ruralkit/xlsx/csv`.
 *
 * @example
 * ```ts
 * import { getPlan, evaluate } from '@ruralkit/core';
 * import { buildTemplate, readWorkbook, buildResultsWorkbook } from '@ruralkit/xlsx';
 * const plan = getPlan('changjiang-2021');
 * await writeFile('指标填报模板.xlsx', await buildTemplate(plan));
 * const input = await readWorkbook(plan, await readFile('filled.xlsx'));
 * const report = evaluate(plan, input, { asOf: '2025-12-31' });
 * await writeFile('results.xlsx', await buildResultsWorkbook(plan, report));
 * ```
 * @packageDocumentation
 */
export { buildTemplate, type TemplateOptions } from './template.js';
export { readWorkbook, readCsv, importTables, type ImportOptions, type SheetTable } from './import.js';
export { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_SHEET_ROWS, MAX_WORKBOOK_ENTRIES } from './limits.js';
export type { UnpackLimits } from './unpack.js';
export { SpreadsheetError, describeCellIssue, type CellIssue } from './errors.js';
export { sheetsOf, type SheetSpec, type SheetKind, type Column } from './columns.js';
export { buildResultsWorkbook, STATUS_COLOUR } from './results.js';
