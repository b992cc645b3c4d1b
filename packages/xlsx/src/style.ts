/** Shared looks of the generated workbooks (样式): header fill and fonts, column letters. */
import type ExcelJS from 'exceljs';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E4' } };
export const KEY_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF7A7A7A' }, size: 9, italic: true };

/** Bold, filled, wrapped: the first header row of every sheet. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.height = 34;
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}

/** The letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
