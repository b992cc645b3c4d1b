// The template: sheets, headers, units, validation, frozen headers, the instructions sheet; and the round trip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPlan, type EvaluationInput } from '@ruralkit/core';
import { buildTemplate, readWorkbook } from '@ruralkit/xlsx';
import { col, example, fill, load, root, rowOf, save } from './helpers.js';

const plan = getPlan('changjiang-2021');

describe('buildTemplate', () => {
  it('has the instructions sheet and one sheet per kind of data, in Chinese', async () => {
    const workbook = await load(await buildTemplate(plan));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['填表说明', '村属性', '村指标', '区指标', '农户']);
  });

  it('writes Chinese headers with units above the English keys, and freezes them', async () => {
    const sheet = (await load(await buildTemplate(plan))).getWorksheet('村指标')!;
    const c = col(sheet, 'tapWaterRate');
    expect(sheet.getRow(1).getCell(c).value).toBe('自来水普及率（%）');
    expect(sheet.getRow(1).getCell(col(sheet, 'collectiveIncomeCny')).value).toBe('村集体经济收入（元）');
    expect(sheet.getRow(1).getCell(col(sheet, 'hasRoadAccess')).value).toBe('农村道路进村（是/否）');
    expect(sheet.getRow(1).getCell(col(sheet, 'villagePlanApprovedOn')).value).toBe('村庄规划批准日期（年-月-日）');
    expect(sheet.getRow(1).getCell(1).value).toBe('村编号 *');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    // Every village indicator of the plan has a column, and nothing else but the village and year.
    const keys = (sheet.getRow(2).values as unknown[]).filter(Boolean);
    const expected = plan.indicators.filter((d) => d.subject === 'village').map((d) => d.key);
    expect(keys).toEqual(['villageId', 'year', ...expected]);
  });

  it('validates cells: 是/否 lists, number ranges and dates', async () => {
    const sheet = (await load(await buildTemplate(plan))).getWorksheet('村指标')!;
    const at = (key: string) => sheet.getRow(7).getCell(col(sheet, key)).dataValidation;
    expect(at('hasRoadAccess')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(at('tapWaterRate')).toMatchObject({ type: 'decimal', formulae: [0, 1] });
    expect(at('specialtyIndustryCount')).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(at('villagePlanApprovedOn')).toMatchObject({ type: 'date' });
    const households = (await load(await buildTemplate(plan))).getWorksheet('农户')!;
    expect(households.getRow(3).getCell(col(households, 'size')).dataValidation).toMatchObject({
      type: 'whole',
      formulae: [1],
    });
  });

  it('pre-fills the key villages and the plan years', async () => {
    const workbook = await load(await buildTemplate(plan));
    const attributes = workbook.getWorksheet('村属性')!;
    expect([3, 4].map((r) => attributes.getRow(r).getCell(2).value)).toEqual(['留阳村', '江联村']);
    const yearly = workbook.getWorksheet('村指标')!;
    const rows = [...Array(12).keys()].map((i) => yearly.getRow(3 + i).values as unknown[]);
    expect(rows.map((v) => `${v[1]}:${v[2]}`)).toEqual(
      ['liuyang', 'jianglian'].flatMap((id) => [2020, 2021, 2022, 2023, 2024, 2025].map((y) => `${id}:${y}`)),
    );
  });

  it('lists every column on the instructions sheet with its meaning, unit, rule and clause', async () => {
    const sheet = (await load(await buildTemplate(plan))).getWorksheet('填表说明')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(row.values as unknown[]));
    const byKey = new Map(rows.map((r) => [r[4], r]));
    for (const d of plan.indicators) expect(byKey.has(d.key), d.key).toBe(true);
    expect(byKey.get('tapWaterRate')).toEqual([
      undefined,
      '村指标',
      'L',
      '自来水普及率',
      'tapWaterRate',
      'Tap water coverage',
      '%',
      expect.stringContaining('87%'),
      '',
      '三（三）',
    ]);
    expect(byKey.get('annualNetIncomeCny')?.[9]).toBe('四（二）');
    expect(byKey.get('needsExpressPoint')?.[8]).toBe('是');
  });
});

describe('round trip', () => {
  it('template → filled with exceljs → import gives the same input as data.yaml', async () => {
    const input = example();
    const workbook = await load(await buildTemplate(plan));
    const attributes = workbook.getWorksheet('村属性')!;
    const yearly = workbook.getWorksheet('村指标')!;
    const district = workbook.getWorksheet('区指标')!;
    const households = workbook.getWorksheet('农户')!;
    for (const village of input.villages!) {
      fill(attributes, rowOf(attributes, { villageId: village.id }), village.attributes!);
      for (const [year, values] of Object.entries(village.indicators!)) {
        fill(yearly, rowOf(yearly, { villageId: village.id, year: Number(year) }), values);
      }
    }
    for (const block of [input.district!.indicators!, input.district!.reference!]) {
      for (const [year, values] of Object.entries(block))
        fill(district, rowOf(district, { year: Number(year) }), values);
    }
    for (const household of input.households!) fill(households, households.getRow(households.rowCount + 1), household);
    expect(await readWorkbook(plan, await save(workbook))).toEqual(input);
  });

  it('an input written into the template reads back unchanged', async () => {
    const input = example();
    expect(await readWorkbook(plan, await buildTemplate(plan, { input }))).toEqual(input);
  });

  it('the committed example workbook holds the same data as data.yaml', async () => {
    const bytes = readFileSync(`${root}examples/changjiang-2021/data.xlsx`);
    expect(await readWorkbook(plan, bytes)).toEqual(example());
  });

  it('an untouched template is an empty input, not an error', async () => {
    expect(await readWorkbook(plan, await buildTemplate(plan))).toEqual({} satisfies EvaluationInput);
  });
});
