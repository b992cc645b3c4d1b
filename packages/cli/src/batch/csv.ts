/**
 * CSV (逗号分隔值) in and out: rows written with quoting and safe from formula injection,
 * records read with typed cells from a header that names each column once.
 */
import { InputError, readValue, type Indicator, type Plan } from '@ruralkit/core';

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

/**
 * The header row as column names, for csv-parse's `columns`: a column named twice (the last
 * would silently win) or `__proto__` is refused, naming the column.
 */
export function csvColumns(header: string[]): string[] {
  const seen = new Set<string>();
  header.forEach((column, index) => {
    const where = { path: [], line: 1, key: column };
    const letter = `column ${index + 1}`;
    if (column === '__proto__') {
      throw new InputError([
        {
          ...where,
          message: {
            zh: `第${index + 1}列：不允许使用列名 "__proto__"`,
            en: `${letter}: the column name "__proto__" is not allowed`,
          },
        },
      ]);
    }
    if (column !== '' && seen.has(column)) {
      throw new InputError([
        {
          ...where,
          message: {
            zh: `第${index + 1}列：列名重复（与前面的同名列冲突）`,
            en: `${letter}: the column appears twice`,
          },
        },
      ]);
    }
    seen.add(column);
  });
  return header;
}

/**
 * A CSV row (header → cell) as a record of the plan's shape. Households: one column per key.
 * Villages: `id`, `name`, the attributes, and `YYYY.key` for a year's value. A value of a
 * number, boolean or date indicator is read by core's `readValue`, the spreadsheet's rules
 * (`87%`, 是/否, `1,200`, blanks around it ignored); an empty or blank cell is absent; a cell that cannot
 * be read is kept as text, so validation names its line and column.
 */
export function csvRecords(plan: Plan, mode: 'screen' | 'evaluate'): (row: Record<string, string>) => unknown {
  const defs = new Map(plan.indicators.map((d) => [d.key, d]));
  return (row) => csvRecord(defs, mode, row);
}

function csvRecord(
  defs: ReadonlyMap<string, Indicator>,
  mode: 'screen' | 'evaluate',
  row: Record<string, string>,
): unknown {
  const record: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell.trim() === '') continue;
    if (mode === 'screen') {
      record[column] = typed(cell, defs.get(column));
      continue;
    }
    const yearly = /^(\d{4})\.(.+)$/.exec(column);
    if (yearly) {
      const indicators = (record.indicators ??= {}) as Record<string, Record<string, unknown>>;
      (indicators[yearly[1]!] ??= {})[yearly[2]!] = typed(cell, defs.get(yearly[2]!));
    } else if (column === 'id' || column === 'name') {
      record[column] = cell;
    } else {
      ((record.attributes ??= {}) as Record<string, unknown>)[column] = typed(cell, defs.get(column));
    }
  }
  return record;
}

/** A cell as a value of `def`'s indicator, read as a spreadsheet cell is (NFKC, trimmed); text as written. */
function typed(cell: string, def: Indicator | undefined): unknown {
  if (!def || def.type === 'string') return cell;
  const reading = readValue(def, cell.normalize('NFKC').trim());
  return 'value' in reading ? reading.value : cell;
}
