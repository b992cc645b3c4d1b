// Export of results: one row per result, coloured by status, with filters on; households without names.
import { describe, expect, it } from 'vitest';
import { evaluate, getPlan, resolvePlan } from '@ruralkit/core';
import { buildResultsWorkbook, STATUS_COLOUR } from '@ruralkit/xlsx';
import { example, load } from './helpers.js';

const plan = getPlan('changjiang-2021');
const report = evaluate(plan, example(), { asOf: '2025-12-31' });

describe('buildResultsWorkbook', () => {
  it('writes one row per result with status, progress, clause, units and message', async () => {
    const sheet = (await load(await buildResultsWorkbook(plan, report))).getWorksheet('评估结果')!;
    expect(sheet.rowCount).toBe(1 + report.results.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '对象',
      '编号',
      '乡镇',
      '规则',
      '规则编号',
      '类型',
      '强度',
      '状态',
      '进展',
      '年份',
      '期限',
      '未达标年份',
      '实际值',
      '目标值',
      '条款',
      '牵头单位',
      '责任单位',
      '说明',
    ]);
    const index = report.results.findIndex(
      (r) => r.subject.id === 'liuyang' && r.ruleId === 'infrastructure.tap-water',
    );
    const row = (sheet.getRow(2 + index).values as unknown[]).slice(1);
    expect(row).toEqual([
      '留阳村',
      'liuyang',
      '鲇鱼山镇',
      '自来水普及率达到90%',
      'infrastructure.tap-water',
      '限期',
      '约束性',
      '未达标',
      '',
      2025,
      '2025-12-31',
      '',
      '87%（2025）',
      '≥ 90%',
      '三（三）',
      report.results[index]!.units[0]!.name.zh,
      report.results[index]!.units.map((u) => u.name.zh).join('、'),
      report.results[index]!.message.zh,
    ]);
    expect(row[17]).toContain('留阳村2025年自来水普及率为87%，低于目标90%');
    const share = report.results.findIndex(
      (r) => r.subject.id === 'liuyang' && r.ruleId === 'funding.industry-share-rising',
    );
    expect(sheet.getRow(2 + share).getCell(12).value).toBe('2023');
  });

  it('colours each row by its status and turns the filters on', async () => {
    const sheet = (await load(await buildResultsWorkbook(plan, report))).getWorksheet('评估结果')!;
    report.results.forEach((result, i) => {
      const fill = sheet.getRow(2 + i).getCell(8).fill as { fgColor: { argb: string } };
      expect(fill.fgColor.argb).toBe(STATUS_COLOUR[result.status].strong);
    });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('lists the targets plugins relaxed, with reasons, or none', async () => {
    const resolved = resolvePlan(plan, [
      {
        id: 'county-a',
        name: { zh: '甲县', en: 'County A' },
        version: '1.0.0',
        core: '^0.1.0',
        plan: 'changjiang-2021',
        parameters: [{ id: 'deadline.villagePlan', values: [{ from: '2021-01-01', value: '2023-06-30' }] }],
        relax: [{ id: 'deadline.villagePlan', reason: '县级国土空间规划批复延后' }],
      },
    ]);
    const relaxedReport = evaluate(resolved, example(), { asOf: '2025-12-31' });
    const sheet = (await load(await buildResultsWorkbook(resolved, relaxedReport))).getWorksheet('插件放宽的目标')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      'deadline.villagePlan',
      '县级国土空间规划批复延后',
      'plugin:county-a@1.0.0',
    ]);
    const none = (await load(await buildResultsWorkbook(plan, report))).getWorksheet('插件放宽的目标')!;
    expect(none.getRow(2).getCell(1).value).toBe('无');
  });

  it('writes English on request, and households by id with risks and category only', async () => {
    const workbook = await load(await buildResultsWorkbook(plan, report, 'en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Results',
      'Period assessment',
      'Household screening',
      'Relaxed targets',
    ]);
    const assessed = workbook.getWorksheet('Period assessment')!;
    const lapsed = report.assessment!.rules.filter((r) => r.outcome === 'lapsed').length;
    const rows = (assessed.getSheetValues() as unknown[][]).slice(2).filter((r) => r?.[3] === 'lapsed');
    expect(rows).toHaveLength(lapsed);
    expect(workbook.getWorksheet('Results')!.getRow(2).getCell(8).value).toBe('met');
    const households = workbook.getWorksheet('Household screening')!;
    expect(households.rowCount).toBe(1 + report.households.length);
    const lh002 = (households.getRow(3).values as unknown[]).slice(1);
    expect(lh002).toEqual(['lh-002', 'liuyang', 'Low income', 'Unstable formerly poor household', '']);
  });
});
