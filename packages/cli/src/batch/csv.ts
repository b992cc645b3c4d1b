/** CSV (逗号分隔值) in and out: rows written with quoting, records read with typed cells. */
import type { Indicator, Plan } from '@ruralkit/core';

/** One CSV row, RFC 4180 quoting, ending with a newline; an absent cell is empty. */
export function formatCsvRow(cells: readonly unknown[]): string {
  return `${cells
    .map((cell) => {
      if (cell === undefined || cell === null) return '';
      const text = String(cell);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\n`;
}

/**
 * A CSV row (header → cell) as a record of the plan's shape. Households: one column per key.
 * Villages: `id`, `name`, the attributes, and `YYYY.key` for a year's value. Cells are typed by
 * the indicator (`true`/`false`, numbers); an empty cell is absent; a cell that does not fit
 * its type is kept as text, so validation names it.
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
    if (cell === '') continue;
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

function typed(cell: string, def: Indicator | undefined): unknown {
  switch (def?.type) {
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : cell;
    case 'integer':
    case 'number': {
      const n = Number(cell);
      return cell.trim() !== '' && Number.isFinite(n) ? n : cell;
    }
    default:
      return cell;
  }
}
