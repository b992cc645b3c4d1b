// Imports that used to read wrong or exhaust memory (issue 14, points 7 and 8): formulas
// without values, huge cells and workbooks, too many rows and problems, normalized ids, years.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { evaluate } from '@ruralkit/core';
import { buildResultsWorkbook, buildTemplate, readCsv, readWorkbook, type CellIssue } from '@ruralkit/xlsx';
import { attrs, col, load, plan, refusal, rowOf, workbookWith } from './helpers.js';

function setCell(wb: ExcelJS.Workbook, ids: Record<string, unknown>, key: string, value: unknown): string {
  const sheet = wb.getWorksheet('村指标')!;
  const row = rowOf(sheet, ids);
  const cell = row.getCell(col(sheet, key));
  cell.value = value as ExcelJS.CellValue;
  return cell.address;
}

describe('xlsx cells that used to be read wrong (point 8)', () => {
  it('refuses a formula without a computed value instead of reading it as blank', async () => {
    let address = '';
    const bytes = await workbookWith((wb) => {
      setCell(wb, { villageId: 'liuyang', year: 2024 }, 'tapWaterRate', 0.8);
      address = setCell(wb, { villageId: 'liuyang', year: 2025 }, 'tapWaterRate', { formula: 'B7*1.1' });
    });
    const error = await refusal(() => readWorkbook(plan, bytes));
    expect(error.issues).toEqual([expect.objectContaining({ sheet: '村指标', cell: address, key: 'tapWaterRate' })]);
    expect(error.message).toContain(`村指标!${address} 自来水普及率 (tapWaterRate): =B7*1.1 公式没有计算结果`);
    expect(error.message).toContain('the formula has no computed value');
  });

  it('refuses years before 2000 and after the plan’s range, naming the cell', async () => {
    const bytes = await workbookWith((wb) => {
      setCell(wb, { villageId: 'liuyang', year: 1999 }, 'tapWaterRate', 0.8);
    });
    const sheet = (await load(bytes)).getWorksheet('村指标')!;
    const address = rowOf(sheet, { villageId: 'liuyang', year: 1999 }).getCell(col(sheet, 'year')).address;
    const error = await refusal(() => readWorkbook(plan, bytes));
    expect(error.message).toContain('from 2000 to 2035');
    expect(error.issues).toEqual([expect.objectContaining({ sheet: '村指标', cell: address, year: 1999 })]);
  });

  it('tells which ids were NFKC-normalized', () => {
    const notices: CellIssue[] = [];
    const text = 'id,villageId,size\nＨ-1,liuyang,3\nh-2,ｌｉｕｙａｎｇ,2\n';
    const input = readCsv(plan, [{ name: 'households.csv', text }], { onNotice: (n) => notices.push(n) });
    expect(input.households!.map((h) => [h.id, h.villageId])).toEqual([
      ['H-1', 'liuyang'],
      ['h-2', 'liuyang'],
    ]);
    expect(notices.map((n) => [n.cell, n.value])).toEqual([
      ['A2', 'Ｈ-1'],
      ['B3', 'ｌｉｕｙａｎｇ'],
    ]);
    expect(notices[0]!.message.en).toContain('read as "H-1" after NFKC normalization');
  });
});

describe('import limits (point 7)', () => {
  it('refuses a cell beyond 32,767 characters without echoing it', async () => {
    const huge = 'x'.repeat(1_000_000);
    const error = await refusal(() =>
      readCsv(plan, [{ name: 'households.csv', text: `id,villageId,size\n${huge},liuyang,3\n` }]),
    );
    expect(error.message).toContain('households.csv!A2');
    expect(error.message).toContain('more than the 32,767 limit');
    expect(error.message.length).toBeLessThan(600);
  });

  it('refuses 200,000 rows at once, with advice, instead of listing 400,000 problems', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `h${i}`).join('\n');
    const start = performance.now();
    const error = await refusal(() => readCsv(plan, [{ name: 'households.csv', text: `id\n${rows}\n` }]));
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(error.message).toContain('households.csv');
    expect(error.message).toContain('200,001 rows, more than the 100,000 limit');
  });

  it('lists ten problems of each kind and counts the rest', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `h${i},liuyang,`).join('\n');
    const error = await refusal(() =>
      readCsv(plan, [{ name: 'households.csv', text: `id,villageId,size\n${rows}\n` }]),
    );
    expect(error.issues.length).toBe(5_000);
    expect(error.message).toContain('and 4,990 more of the same kind: 缺少必填项');
    expect(error.message.split('\n').length).toBeLessThan(40);
  });
});

describe('results workbook (point 6)', () => {
  it('writes text that starts like a formula as text, never as a formula', async () => {
    const name = '=HYPERLINK("http://evil.example","click")';
    const report = evaluate(
      plan,
      {
        villages: [{ id: 'x', name, attributes: attrs }],
      },
      { asOf: '2025-12-31' },
    );
    const workbook = await load(await buildResultsWorkbook(plan, report));
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    // Ids cannot start like a formula (they start with a letter, a digit or _); names can.
    const risky = cells.filter((c) => String(c.value) === name);
    expect(risky.length).toBeGreaterThan(1);
    expect(risky.every((c) => c.type === ExcelJS.ValueType.String && c.formula === undefined)).toBe(true);
  });
});

describe('template', () => {
  it('asks for the years and dates the import accepts', async () => {
    const sheet = (await load(await buildTemplate(plan))).getWorksheet('村指标')!;
    const validations = Object.values(
      (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
        .model,
    );
    expect(validations).toContainEqual(expect.objectContaining({ type: 'whole', formulae: [2000, 2035] }));
    const date = validations.find((v) => v.type === 'date')!;
    expect(date.operator).toBe('between');
  });
});
