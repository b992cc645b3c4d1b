/**
 * Spreadsheet errors (表格错误): every problem of a workbook or CSV file at once, each naming
 * the sheet, the cell and the column header, in Chinese and English.
 */
import { ERROR_CATALOGUE, formatIssueList, InputError, type InputIssue } from '@ruralkit/core';

/** One problem in a spreadsheet: core's issue plus where it sits (工作表、单元格、列). */
export interface CellIssue extends InputIssue {
  /** The sheet's name, or the CSV file's. */
  sheet: string;
  /** The cell, `D7`; absent when the problem is a missing row or sheet. */
  cell?: string;
  /** The column's Chinese header, without its unit. */
  header?: string;
  /** The cell as it was typed. */
  text?: string;
}

/** Thrown when a spreadsheet is invalid: nothing has been evaluated. */
export class SpreadsheetError extends InputError {
  declare readonly issues: CellIssue[];
  constructor(issues: CellIssue[]) {
    const { title } = ERROR_CATALOGUE['invalid-spreadsheet'];
    super(issues, title, 'invalid-spreadsheet');
    this.message = formatIssueList(title, issues, describeCellIssue);
  }
}

/** `村指标!D7 自来水普及率 (tapWaterRate): 1.2 不在 0–1 之间 / not between 0 and 1`. */
export function describeCellIssue(issue: CellIssue): string {
  const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  const column = issue.header ? ` ${issue.header} (${issue.key})` : issue.key ? ` (${issue.key})` : '';
  const subject = !issue.cell && issue.subject ? ` [${issue.subject.type} ${issue.subject.id}]` : '';
  const text = issue.text ? `${issue.text} ` : '';
  return `${where}${column}${subject}: ${text}${issue.message.zh} / ${issue.message.en}`;
}
