// The command with spreadsheets: `template`, and `evaluate` reading xlsx and CSV, writing html and xlsx.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';

const yaml = join(root, 'examples/changjiang-2021/data.yaml');
const xlsx = join(root, 'examples/changjiang-2021/data.xlsx');

async function sheetsOf(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The same report whatever the input format; chart element ids are numbered per process. */
const stable = (html: string) => html.replace(/zr\d+-(cls-\d+)?/g, 'zr-');

describe('ruralkit template', () => {
  it('writes the template, creating the folder, and fills it from --data', async () => {
    const out = join(tmp(), 'new', '指标填报模板.xlsx');
    const { code, stderr } = await capture(['template', '--out', out]);
    expect([code, stderr]).toEqual([0, `ruralkit: wrote ${out}\n`]);
    expect((await sheetsOf(out)).worksheets.map((s) => s.name)).toEqual([
      '填表说明',
      '村属性',
      '村指标',
      '区指标',
      '农户',
    ]);
    const filled = join(tmp(), 'data.xlsx');
    expect((await capture(['template', '--data', yaml, '--out', filled])).code).toBe(0);
    const yearly = (await sheetsOf(filled)).getWorksheet('村指标')!;
    expect(yearly.getRow(8).values).toEqual(expect.arrayContaining(['liuyang', 2025, 0.87]));
  });

  it('adds the columns of a plugin’s indicators to the template', async () => {
    const out = join(tmp(), 'county.xlsx');
    const plugins = ['income-lines.plugin.yaml', 'example-county.plugin.ts'].flatMap((f) => [
      '--plugin',
      join(root, 'examples/county-plugin', f),
    ]);
    expect((await capture(['template', '--out', out, ...plugins])).code).toBe(0);
    const book = await sheetsOf(out);
    expect(book.getWorksheet('村指标')!.getRow(2).values).toContain('coldChainNodeCount');
    expect(book.getWorksheet('农户')!.getRow(2).values).toContain('rigidExpenditureCny');
    const base = join(tmp(), 'base.xlsx');
    await capture(['template', '--out', base]);
    expect((await sheetsOf(base)).getWorksheet('村指标')!.getRow(2).values).not.toContain('coldChainNodeCount');
  });

  it('refuses a missing --out, an unknown plan and data that does not fit the plan', async () => {
    expect((await capture(['template'])).stderr).toContain('give --out FILE.xlsx');
    expect((await capture(['template', '--out', 'a.csv'])).code).toBe(2);
    expect((await capture(['template', '--plan', 'nowhere', '--out', 'x.xlsx'])).stderr).toContain('unknown plan');
    const bad = join(tmp(), 'bad.yaml');
    writeFileSync(bad, 'villages:\n  - id: liuyang\n    attributes: { needsExpressPoint: yes }\n');
    const { code, stderr } = await capture(['template', '--data', bad, '--out', join(tmp(), 'x.xlsx')]);
    expect(code).toBe(2);
    expect(stderr).toContain('hasEcommerceConditions: 缺少必填项 / required but missing');
  });
});

describe('ruralkit evaluate with spreadsheets', () => {
  it('gives the same report from the example workbook as from the YAML', async () => {
    const fromXlsx = await capture(['evaluate', xlsx, '--as-of', '2025-12-31']);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe((await capture(['evaluate', yaml, '--as-of', '2025-12-31'])).stdout);
    const html = await capture(['evaluate', xlsx, '--as-of', '2025-12-31', '--format', 'html']);
    expect(stable(html.stdout)).toBe(
      stable((await capture(['evaluate', yaml, '--as-of', '2025-12-31', '--format', 'html'])).stdout),
    );
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('reads CSV files, one per sheet', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'attributes.csv'), 'villageId,needsExpressPoint,hasEcommerceConditions\nliuyang,是,否\n');
    writeFileSync(join(dir, 'yearly.csv'), 'villageId,year,tapWaterRate\nliuyang,2025,87%\n');
    const { code, stdout } = await capture([
      'evaluate',
      join(dir, 'attributes.csv'),
      join(dir, 'yearly.csv'),
      '--as-of',
      '2025-12-31',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/infrastructure\.tap-water\s+未达标\s+2025\s+留阳村2025年自来水普及率为87%/);
  });

  it('exits 2 naming every bad cell, and evaluates nothing', async () => {
    const workbook = await sheetsOf(xlsx);
    workbook.getWorksheet('村指标')!.getCell('L8').value = 1.2;
    workbook.getWorksheet('农户')!.getCell('C3').value = 'four';
    const bad = join(tmp(), 'bad.xlsx');
    await workbook.xlsx.writeFile(bad);
    const out = join(tmp(), 'report.html');
    const { code, stdout, stderr } = await capture(['evaluate', bad, '--format', 'html', '--out', out]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      [
        '表格数据有误 / invalid spreadsheet: 2 problems',
        '  - 村指标!L8 自来水普及率 (tapWaterRate): 1.2 不在 0–1 之间 / not between 0 and 1',
        '  - 农户!C3 家庭人口 (size): four 不是数字 / not a number',
        '',
      ].join('\n'),
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('exports the results as a workbook, which needs --out', async () => {
    expect((await capture(['evaluate', yaml, '--format', 'xlsx'])).stderr).toContain('--format xlsx needs --out');
    const out = join(tmp(), 'results.xlsx');
    expect((await capture(['evaluate', yaml, '--as-of', '2025-12-31', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const sheet = (await sheetsOf(out)).getWorksheet('评估结果')!;
    expect(sheet.rowCount).toBeGreaterThan(50);
  });

  it('refuses mixed input files and lists the new formats in --help', async () => {
    expect((await capture(['evaluate', yaml, xlsx])).stderr).toContain('give one YAML, JSON or xlsx file');
    expect((await capture(['--help'])).stdout).toContain('ruralkit template --out FILE.xlsx');
    expect((await capture(['evaluate', '--help'])).stdout).toContain('html (a self-contained report with charts)');
  });
});
