/**
 * CSV (逗号分隔值) out: rows written with quoting and safe from formula injection. CSV in is
 * read by `@ruralkit/xlsx/csv` (`csvRecords`), by the spreadsheet's rules.
 */

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM`, `-2+3`, `+`, a leading
 * tab or carriage return), kept as text by a leading apostrophe (公式注入防护).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV row, RFC 4180 quoting, ending with a newline; an absent cell is empty. */
export function formatCsvRow(cells: readonly unknown[]): string {
  return `${cells
    .map((cell) => {
      if (cell === undefined || cell === null) return '';
      const text = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\n`;
}
