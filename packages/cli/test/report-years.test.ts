// The plan through its years in every CLI format (issue 20): the period assessment, lapses per
// result and per unit, the notes on dates after the as-of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';

const data = join(root, 'examples/changjiang-2021/data.yaml');

describe('lapses and the period assessment in every format', () => {
  it('opens the terminal table with the period assessment on the plan’s last day', async () => {
    const { code, stdout } = await capture(['evaluate', data, '--as-of', '2025-12-31']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toMatch(/^期末考核 \(2021-01-01 – 2025-12-31\): 每年达标 \d+ · 有未达标年份 \d+/);
    expect(stdout).toContain('留阳村“逐年提高帮扶资金中产业发展资金占比”：2023年未达标');
    expect(stdout).toMatch(/达标 \d+ · 未达标 \d+ · 未到期 \d+ · 不适用 \d+ · 缺数据 \d+ · 有未达标年份 \d+/);
    expect(stdout).toContain('未达标年份 2023: 留阳村 funding.industry-share-rising');
    const before = await capture(['evaluate', data, '--as-of', '2025-12-30']);
    expect(before.stdout).not.toContain('期末考核');
  });

  it('writes them in Markdown and JSON, in English too', async () => {
    const md = await capture(['evaluate', data, '--as-of', '2025-12-31', '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('## Period assessment (2021-01-01 – 2025-12-31)');
    expect(md.stdout).toContain('not met in 2023');
    const json = JSON.parse((await capture(['evaluate', data, '--as-of', '2025-12-31', '--format', 'json'])).stdout);
    const share = json.results.find(
      (r: { subject: { id: string }; ruleId: string }) =>
        r.subject.id === 'liuyang' && r.ruleId === 'funding.industry-share-rising',
    );
    expect(share.lapses).toEqual([2023]);
    expect(json.assessment.counts.lapsed).toBeGreaterThan(0);
  });

  it('lists a date after the as-of date as set aside, in the table and in JSON', async () => {
    const file = join(tmp(), 'input.json');
    const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
    const indicators = { '2022': { villagePlanApprovedOn: '2022-09-15' } };
    writeFileSync(file, JSON.stringify({ villages: [{ id: 'liuyang', attributes, indicators }] }));
    const table = await capture(['evaluate', file, '--as-of', '2022-06-30']);
    expect(table.stdout).toContain('输入说明');
    expect(table.stdout).toContain('liuyang 2022: villagePlanApprovedOn 的日期 2022-09-15 晚于评估日期 2022-06-30');
    expect(table.stdout).not.toContain('已于2022-09-15批准');
    const json = JSON.parse((await capture(['evaluate', file, '--as-of', '2022-06-30', '--format', 'json'])).stdout);
    expect(json.notes).toEqual([expect.objectContaining({ key: 'villagePlanApprovedOn', code: 'dated-after-as-of' })]);
  });
});
