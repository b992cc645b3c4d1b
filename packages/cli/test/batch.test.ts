// ruralkit screen and evaluate --batch: output, order across workers, CSV, bad lines, nothing half-written.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { capture, tmp } from './helpers.js';
import { progressLine } from '../src/batch/progress.js';

const root = new URL('../../../', import.meta.url);
const example = parse(readFileSync(new URL('examples/changjiang-2021/data.yaml', root), 'utf8'));

function ndjson(dir: string, name: string, records: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

/** The example's households, repeated with new ids, so that there are several jobs. */
function households(copies: number): Record<string, unknown>[] {
  return Array.from({ length: copies }, (_, k) =>
    (example.households as Record<string, unknown>[]).map((h) => ({ ...h, id: `${h.id}-${k}` })),
  ).flat();
}

describe('ruralkit screen', () => {
  it('writes only households with a risk, with risk types and category, the same with 1 or 2 workers', async () => {
    const dir = tmp();
    const input = ndjson(dir, 'households.ndjson', households(800));
    const outs = [];
    for (const workers of ['1', '2']) {
      const out = join(dir, `alerts-${workers}.ndjson`);
      const { code, stderr } = await capture([
        'screen',
        input,
        '--as-of',
        '2025-12-31',
        '--out',
        out,
        '--workers',
        workers,
      ]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/^ruralkit: 16,000 households screened, [\d,]+ with a risk/);
      expect(stderr).not.toContain('['.repeat(1) + '#'); // no progress bar when not a terminal
      outs.push(readFileSync(out, 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
    const alerts = outs[0]!
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.risks.length > 0 && typeof a.category === 'string')).toBe(true);
    const ids = alerts.map((a) => a.id);
    const order = households(800).map((h) => h.id);
    expect(ids).toEqual(order.filter((id) => ids.includes(id)));
    const income = alerts.find((a) => a.risks.includes('income'));
    expect(income.reasons[0].message.zh).toContain('低于监测标准');
  });

  it('reads CSV and writes CSV', async () => {
    const dir = tmp();
    const csv = join(dir, 'households.csv');
    writeFileSync(
      csv,
      'id,villageId,size,annualNetIncomeCny,formerlyPoor,foodClothingSecured,housingSafe\n' +
        'h1,liuyang,4,12000,true,true,true\nh2,liuyang,2,40000,false,true,false\nh3,jianglian,3,60000,false,true,true\n',
    );
    const out = join(dir, 'alerts.csv');
    expect((await capture(['screen', csv, '--as-of', '2025-12-31', '--out', out, '--workers', '1'])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,villageId,risks,category,message_zh,message_en');
    expect(lines[1]).toMatch(/^h1,liuyang,income,unstable-formerly-poor,/);
    expect(lines[2]).toMatch(/^h2,liuyang,housing,sudden-hardship,/);
    expect(lines).toHaveLength(3);
  });

  it('fails on the first bad line, naming line, household and key, and leaves no output', async () => {
    const dir = tmp();
    const good = households(1);
    const input = join(dir, 'households.ndjson');
    writeFileSync(
      input,
      [...good.map((h) => JSON.stringify(h)), JSON.stringify({ ...good[0], id: 'h-bad', size: -1 }), '{oops'].join(
        '\n',
      ),
    );
    const out = join(dir, 'alerts.ndjson');
    for (const workers of ['1', '2']) {
      const { code, stderr } = await capture(['screen', input, '--out', out, '--workers', workers]);
      expect(code).toBe(2);
      expect(stderr).toContain(`第${good.length + 1}行 line ${good.length + 1}, 户 household h-bad, size = -1`);
      expect(stderr).not.toContain('oops');
      expect(readdirSync(dir)).toEqual(['households.ndjson']);
    }
    writeFileSync(input, '{oops\n');
    const { stderr } = await capture(['screen', input, '--out', out]);
    expect(stderr).toContain('第1行 line 1: 不是有效的 JSON');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on usage errors', async () => {
    expect((await capture(['screen', 'x.ndjson'])).stderr).toContain('give --out FILE');
    expect((await capture(['screen', '/nonexistent.ndjson', '--out', 'a.ndjson'])).stderr).toContain(
      'file not found: "/nonexistent.ndjson"',
    );
    expect((await capture(['screen', 'x', '--out', 'a', '--workers', '0'])).stderr).toContain('--workers must be');
  });
});

describe('ruralkit evaluate --batch', () => {
  it('writes every village with its results, messages on not-met ones, with the district', async () => {
    const dir = tmp();
    const input = ndjson(dir, 'villages.ndjson', example.villages);
    const district = join(dir, 'district.json');
    writeFileSync(district, JSON.stringify(example.district));
    const out = join(dir, 'results.ndjson');
    const { code, stderr } = await capture([
      'evaluate',
      '--batch',
      input,
      '--district',
      district,
      '--as-of',
      '2025-12-31',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^ruralkit: 2 villages evaluated/);
    const villages = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(villages.map((v) => v.subject.id)).toEqual(['liuyang', 'jianglian']);
    const tap = villages[0].results.find((r: { ruleId: string }) => r.ruleId === 'infrastructure.tap-water');
    expect(tap.message.zh).toContain('留阳村2025年自来水普及率为87%，低于目标90%');
    const met = villages[0].results.find((r: { status: string }) => r.status === 'met');
    expect(met.message).toBeUndefined();
  });
});

describe('the progress bar', () => {
  it('shows share, records per second, elapsed and remaining time', () => {
    expect(progressLine(50, 100, 5000, 10)).toBe(
      '[############............] 50%  5,000 条 records · 500/s · 用时 elapsed 0:10 · 剩余 left 0:10',
    );
  });
});
