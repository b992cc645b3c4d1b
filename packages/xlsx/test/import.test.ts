// Import: what people type is accepted; every bad cell is named by sheet, cell and header, all at once.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { evaluate, InputError } from '@ruralkit/core';
import { buildTemplate, readCsv, readWorkbook, SpreadsheetError, type CellIssue } from '@ruralkit/xlsx';
import { attrs, col, example, load, plan, rowOf, save, workbookWith } from './helpers.js';

function set(wb: ExcelJS.Workbook, sheetName: string, ids: Record<string, unknown>, values: Record<string, unknown>) {
  const sheet = wb.getWorksheet(sheetName)!;
  const row = rowOf(sheet, ids);
  for (const [key, value] of Object.entries(values)) row.getCell(col(sheet, key)).value = value as ExcelJS.CellValue;
  return `${sheet.getColumn(col(sheet, Object.keys(values)[0]!)).letter}${row.number}`;
}

async function issuesOf(bytes: Buffer): Promise<CellIssue[]> {
  const error = await readWorkbook(plan, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpreadsheetError);
  expect(error).toBeInstanceOf(InputError);
  return (error as SpreadsheetError).issues;
}

describe('accepted forms', () => {
  it('reads percentages, 是/否 and its synonyms, Excel and text dates, thousands separators', async () => {
    const bytes = await workbookWith((wb) => {
      const liuyang = { villageId: 'liuyang', year: 2023 };
      set(wb, '村指标', liuyang, {
        tapWaterRate: '87%',
        garbageCollectionRate: 95,
        sanitaryToiletRate: 0.8,
        fecesTreatmentRate: '76.5 %',
        hasRoadAccess: 'Y',
        hasGasSupply: 'false',
        hasBroadband: true,
        hasLogisticsExpress: '否',
        collectiveIncomeCny: '168,000',
        transitionFundsCny: '１２，０００', // full-width digits and comma
        villagePlanApprovedOn: new Date(Date.UTC(2022, 11, 31)),
      });
      set(wb, '村指标', { villageId: 'jianglian', year: 2023 }, { villagePlanApprovedOn: '2023/3/20' });
      set(wb, '村指标', { villageId: 'jianglian', year: 2024 }, { villagePlanApprovedOn: 45000 });
      set(wb, '村指标', { villageId: 'jianglian', year: 2025 }, { villagePlanApprovedOn: '2025年1月2日' });
      set(wb, '区指标', { year: 2023 }, { localCollectiveIncomeGrowth: '-3%', districtFarmerIncomeGrowth: 0.068 });
    });
    const input = await readWorkbook(plan, bytes);
    expect(input.villages![0]!.indicators!['2023']).toEqual({
      tapWaterRate: 0.87,
      garbageCollectionRate: 0.95,
      sanitaryToiletRate: 0.8,
      fecesTreatmentRate: 0.765,
      hasRoadAccess: true,
      hasGasSupply: false,
      hasBroadband: true,
      hasLogisticsExpress: false,
      collectiveIncomeCny: 168000,
      transitionFundsCny: 12000,
      villagePlanApprovedOn: '2022-12-31',
    });
    const jianglian = input.villages![1]!.indicators!;
    expect([jianglian['2023'], jianglian['2024'], jianglian['2025']]).toEqual([
      { villagePlanApprovedOn: '2023-03-20' },
      { villagePlanApprovedOn: '2023-03-15' }, // Excel day 45000
      { villagePlanApprovedOn: '2025-01-02' },
    ]);
    expect(input.district).toEqual({
      reference: { '2023': { localCollectiveIncomeGrowth: -0.03, districtFarmerIncomeGrowth: 0.068 } },
    });
  });

  it('takes formula results and keeps the plan’s name for a key village', async () => {
    const bytes = await workbookWith((wb) => {
      set(wb, '村指标', { villageId: 'liuyang', year: 2025 }, { tapWaterRate: { formula: '0.8+0.07', result: 0.87 } });
      set(
        wb,
        '村属性',
        { villageId: 'xinzhuang' },
        { name: '新庄村', needsExpressPoint: '是', hasEcommerceConditions: 'N' },
      );
    });
    const input = await readWorkbook(plan, bytes);
    expect(input.villages![0]).toEqual({
      id: 'liuyang',
      attributes: attrs,
      indicators: { '2025': { tapWaterRate: 0.87 } },
    });
    expect(input.villages![2]).toEqual({
      id: 'xinzhuang',
      name: '新庄村',
      attributes: { needsExpressPoint: true, hasEcommerceConditions: false },
    });
  });
});

describe('bad cells', () => {
  it('names sheet, cell and header of every problem at once, in Chinese and English', async () => {
    let tapCell = '';
    let dateCell = '';
    const bytes = await workbookWith((wb) => {
      tapCell = set(wb, '村指标', { villageId: 'liuyang', year: 2025 }, { tapWaterRate: 1.2 });
      set(wb, '村指标', { villageId: 'liuyang', year: 2024 }, { hasRoadAccess: 'maybe' });
      dateCell = set(wb, '村指标', { villageId: 'jianglian', year: 2022 }, { villagePlanApprovedOn: '2023-02-30' });
      set(wb, '村指标', { villageId: 'jianglian', year: 2023 }, { collectiveIncomeCny: '12万' });
      set(wb, '村指标', { villageId: 'jianglian', year: 2021 }, { specialtyIndustryCount: 1.5 });
      set(wb, '村属性', { villageId: 'jianglian' }, { needsExpressPoint: null });
      set(wb, '农户', { id: 'h-1' }, { villageId: 'liuyang', size: 0 });
    });
    const issues = await issuesOf(bytes);
    const lines = issues.map((i) => new SpreadsheetError([i]).message.split('\n')[1]!.trim());
    expect(tapCell).toBe('L8');
    expect(dateCell).toBe('AB11');
    expect(lines).toEqual([
      '- 村属性!C4 有快递网点需求 (needsExpressPoint): 缺少必填项 / required but missing',
      '- 村指标!G7 农村道路进村 (hasRoadAccess): maybe 应填“是”或“否” / expected 是 or 否 (yes or no)',
      '- 村指标!L8 自来水普及率 (tapWaterRate): 1.2 不在 0–1 之间 / not between 0 and 1',
      '- 村指标!C10 特色产业数量 (specialtyIndustryCount): 1.5 应为整数 / expected a whole number',
      '- 村指标!AB11 村庄规划批准日期 (villagePlanApprovedOn): 2023-02-30 不是有效日期（YYYY-MM-DD） / not a real date (YYYY-MM-DD)',
      '- 村指标!E12 村集体经济收入 (collectiveIncomeCny): 12万 不是数字 / not a number',
      '- 农户!C3 家庭人口 (size): 0 不能小于 1 / must be at least 1',
    ]);
    // Core's issue keeps its subject, year and key; the spreadsheet adds the place.
    expect(issues[2]).toMatchObject({
      sheet: '村指标',
      cell: 'L8',
      header: '自来水普及率',
      key: 'tapWaterRate',
      year: 2025,
      subject: { type: 'village', id: 'liuyang' },
      value: 1.2,
    });
  });

  it('names the blank cells of a village whose attributes row was left as the template made it', async () => {
    const workbook = await load(await buildTemplate(plan));
    const sheet = workbook.getWorksheet('村指标')!;
    rowOf(sheet, { villageId: 'jianglian', year: 2025 }).getCell(col(sheet, 'tapWaterRate')).value = 0.93;
    const lines = (await issuesOf(await save(workbook))).map((i) => new SpreadsheetError([i]).message.split('\n')[1]);
    expect(lines).toEqual([
      '  - 村属性!C4 有快递网点需求 (needsExpressPoint): 缺少必填项 / required but missing',
      '  - 村属性!D4 具备建设电商快递综合站条件 (hasEcommerceConditions): 缺少必填项 / required but missing',
    ]);
  });

  it('an invalid workbook evaluates nothing: the error comes before any result', async () => {
    const bytes = await workbookWith((wb) =>
      set(wb, '村指标', { villageId: 'liuyang', year: 2025 }, { tapWaterRate: 1.5 }),
    );
    await expect(
      readWorkbook(plan, bytes).then((input) => evaluate(plan, input, { asOf: '2025-12-31' })),
    ).rejects.toThrow(
      /^表格数据有误 \/ invalid spreadsheet: 1 problem\n {2}- 村指标!L8 自来水普及率 \(tapWaterRate\): 1.5 不在 0–1 之间/,
    );
  });

  it('names unknown and repeated columns, duplicate rows and a village with no attributes row', async () => {
    const bytes = await workbookWith((wb) => {
      const sheet = wb.getWorksheet('村指标')!;
      sheet.getRow(2).getCell(40).value = 'colour';
      sheet.getRow(2).getCell(41).value = 'tapWaterRate';
      set(wb, '村指标', { villageId: 'liuyang', year: 2025 }, { tapWaterRate: 0.9 });
      const again = sheet.getRow(sheet.rowCount + 1);
      again.values = ['liuyang', 2025, 1];
      set(wb, '村指标', { villageId: 'nowhere', year: 2025 }, { tapWaterRate: 0.5 });
      set(wb, '区指标', { year: 2025 }, { adminVillageCount: '52个' });
    });
    const lines = (await issuesOf(bytes)).map((i) => new SpreadsheetError([i]).message.split('\n')[1]!.trim());
    expect(lines).toEqual([
      '- 村属性 有快递网点需求 (needsExpressPoint) [village nowhere]: 缺少必填项（村属性表中没有村 nowhere 的行） / required but missing (the Village attributes sheet has no row for village nowhere)',
      '- 村属性 具备建设电商快递综合站条件 (hasEcommerceConditions) [village nowhere]: 缺少必填项（村属性表中没有村 nowhere 的行） / required but missing (the Village attributes sheet has no row for village nowhere)',
      '- 村指标!AN2 (colour): colour 未知列：村指标表没有此键名（方案及插件均未定义） / unknown column: the Village indicators sheet has no such key (neither the plan nor a plugin defines it)',
      '- 村指标!AO2 (tapWaterRate): tapWaterRate 列名重复（与前面的同名列冲突） / the column appears twice',
      '- 村指标!B15 年份 (year): 2025 重复：村 liuyang 已有 2025 年的一行 / duplicate: village liuyang already has a row for 2025',
      '- 区指标!B8 行政村数量 (adminVillageCount): 52个 不是数字 / not a number',
    ]);
  });

  it('rejects a file that is not a workbook, and one without the template’s sheets', async () => {
    await expect(readWorkbook(plan, Buffer.from('not a zip'))).rejects.toThrow(/\(xlsx\): 不是有效的 xlsx 文件/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await expect(readWorkbook(plan, await save(other))).rejects.toThrow(
      '没有找到模板的工作表（村属性、村指标、区指标、农户）',
    );
  });
});

describe('CSV', () => {
  it('reads one CSV file per sheet, with the template’s two header rows or with keys only', () => {
    const attributes =
      '村编号 *,村名称,有快递网点需求（是/否） *,具备建设电商快递综合站条件（是/否） *\nvillageId,name,needsExpressPoint,hasEcommerceConditions\nliuyang,留阳村,是,否\n';
    const yearly =
      '\ufeffvillageId,year,tapWaterRate,collectiveIncomeCny\nliuyang,2024,85%,"175,000"\nliuyang,2025,87,\n';
    const input = readCsv(plan, [
      { name: '村属性.csv', text: attributes },
      { name: '村指标.csv', text: yearly },
    ]);
    expect(input).toEqual({
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: true, hasEcommerceConditions: false },
          indicators: { '2024': { tapWaterRate: 0.85, collectiveIncomeCny: 175000 }, '2025': { tapWaterRate: 0.87 } },
        },
      ],
    });
  });

  it('names the file and cell of a bad value, and a file without the template’s columns', () => {
    const yearly = 'villageId,year,tapWaterRate\nliuyang,2025,1.5\nliuyang,20x5,0.5\n';
    expect(() => readCsv(plan, [{ name: 'yearly.csv', text: yearly }])).toThrow(
      [
        '表格数据有误 / invalid spreadsheet: 4 problems',
        '  - 村属性 有快递网点需求 (needsExpressPoint) [village liuyang]: 缺少必填项（村属性表中没有村 liuyang 的行） / required but missing (the Village attributes sheet has no row for village liuyang)',
        '  - 村属性 具备建设电商快递综合站条件 (hasEcommerceConditions) [village liuyang]: 缺少必填项（村属性表中没有村 liuyang 的行） / required but missing (the Village attributes sheet has no row for village liuyang)',
        '  - yearly.csv!C2 自来水普及率 (tapWaterRate): 1.5 不在 0–1 之间 / not between 0 and 1',
        '  - yearly.csv!B3 年份 (year): 20x5 年份应为四位数字，如 2023 / a year must be four digits, such as 2023',
      ].join('\n'),
    );
    expect(() => readCsv(plan, [{ name: 'notes.csv', text: 'a,b\n1,2\n' }])).toThrow(
      'notes.csv: 找不到列名行：第1或第2行应为模板的英文键名（如 villageId、year） / no header row',
    );
  });
});

describe('the example', () => {
  it('data.yaml evaluates the same through a workbook', async () => {
    const input = example();
    const viaWorkbook = await readWorkbook(plan, await buildTemplate(plan, { input }));
    const asOf = '2025-12-31';
    expect(evaluate(plan, viaWorkbook, { asOf })).toEqual(evaluate(plan, input, { asOf }));
  });
});
