// screen and evaluate --batch refuse what evaluate refuses, and guard the operator (issue 14,
// points 6 and 9): duplicate ids and columns, `__proto__`, `0x3`, formula injection, --out
// equal to the input, --workers beyond the cores, interrupted runs; and CSV cells read by the
// spreadsheet's rules (issue 23, point 5).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';
import { formatCsvRow } from '../src/batch/csv.js';

const example = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8'));
const households = example.households as Record<string, unknown>[];

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function screen(input: string, out: string, ...more: string[]) {
  return capture(['screen', input, '--out', out, '--as-of', '2025-12-31', '--workers', '1', ...more]);
}

describe('batch input refused like evaluate refuses it (point 6)', () => {
  it('refuses a household id given twice, naming the id and the line, with one or two workers', async () => {
    const dir = tmp();
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...households[0], id: `h${i}` }));
    many.push({ ...households[1], id: 'h5' });
    const input = write(dir, 'h.ndjson', ndjson(many));
    for (const workers of ['1', '2']) {
      const out = join(dir, `out-${workers}.ndjson`);
      const { code, stderr } = await screen(input, out, '--workers', workers);
      expect(code).toBe(2);
      expect(stderr).toContain(
        '第3001行 line 3001, 户 household h5, id = "h5": 编号重复：第6行已有此编号 / duplicate id: line 6 has it already',
      );
      expect(existsSync(out)).toBe(false);
    }
  });

  it('tells ids apart that share a 32-bit hash, and finds a duplicate in a CSV across jobs', async () => {
    const dir = tmp();
    // "costarring" and "liquid" have the same 32-bit FNV-1a hash; ids whose fingerprints meet are
    // read back in unique.test.ts.
    const twins = ['costarring', 'liquid', 'declinate', 'macallums'].map((id) => ({ ...households[0], id }));
    const run = await screen(write(dir, 'twins.ndjson', ndjson(twins)), join(dir, 'alerts.ndjson'));
    expect(run.code, run.stderr).toBe(0);
    const header = 'id,villageId,size,annualNetIncomeCny\n';
    const rows = Array.from({ length: 2500 }, (_, i) => `h${i},liuyang,3,30000\n`).join('');
    const csv = write(dir, 'h.csv', `${header}${rows}costarring,liuyang,3,30000\nh7,liuyang,3,30000\n`);
    const refused = await screen(csv, join(dir, 'out.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'line 2503, 户 household h7, id = "h7": 编号重复：第9行已有此编号 / duplicate id: line 9 has it already',
    );
  });

  it('refuses a village id given twice in evaluate --batch', async () => {
    const dir = tmp();
    const villages = example.villages as unknown[];
    const input = write(dir, 'v.ndjson', ndjson([villages[0], villages[1], villages[0]]));
    const out = join(dir, 'out.ndjson');
    const { code, stderr } = await capture(['evaluate', '--batch', input, '--out', out, '--as-of', '2025-12-31']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /line 3, 村 village liuyang, id = "liuyang": 编号重复：第1行已有此编号 \/ duplicate id: line 1 has it already/,
    );
  });

  it('refuses a CSV column given twice: the last no longer silently wins', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size,perCapitaIncome,perCapitaIncome\nh1,liuyang,3,3000,90000\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain('第1行 line 1, perCapitaIncome: 第5列：列名重复');
    expect(stderr).toContain('column 5: the column appears twice');
  });

  it('refuses a __proto__ column', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size,__proto__\nh1,liuyang,3,x\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain('the column name "__proto__" is not allowed');
  });

  it.each(['0x3', '0b11', 'Infinity', '3.4.5', 'three'])('does not read the cell %j as a number', async (cell) => {
    const dir = tmp();
    const input = write(dir, 'h.csv', `id,villageId,size\nh1,liuyang,"${cell}"\n`);
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    // The line and the column, and why, in Chinese and English.
    expect(stderr).toContain(
      `第2行 line 2, 户 household h1, size = ${JSON.stringify(cell)}: 应为数字 / expected number`,
    );
  });
});

describe("CSV cells read by the spreadsheet's rules", () => {
  const VILLAGE = 'id,name,needsExpressPoint,hasEcommerceConditions';
  const LIUYANG = 'liuyang,留阳村,否,是';
  /** The values the results read of `keys`, from `evaluate --batch` over a villages CSV. */
  async function valuesRead(csv: string, keys: string[]) {
    const dir = tmp();
    const out = join(dir, 'out.ndjson');
    const { code, stderr } = await capture([
      'evaluate',
      '--batch',
      write(dir, 'v.csv', csv),
      '--as-of',
      '2025-12-31',
      '--explain',
      'all',
      '--out',
      out,
    ]);
    expect(code, stderr).toBe(0);
    const [village] = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const read: Record<string, unknown> = {};
    for (const result of village.results as { actual: Record<string, { value: unknown }> }[]) {
      for (const key of keys) if (result.actual[key]) read[key] = result.actual[key]!.value;
    }
    return read;
  }

  it.each([
    ['87%', '是'],
    ['87', 'yes'],
    [' 0.87 ', ' true '],
    ['８７％', '1'],
  ])('reads %j in a ratio and %j in a yes-no column as the spreadsheet does', async (rate, broadband) => {
    const csv = `${VILLAGE},2025.tapWaterRate,2025.hasBroadband\n${LIUYANG},${rate},${broadband}\n`;
    expect(await valuesRead(csv, ['tapWaterRate', 'hasBroadband'])).toEqual({ tapWaterRate: 0.87, hasBroadband: true });
  });

  it('reads a number with blanks around it, and a blank cell as absent', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size,perCapitaIncome\nh1,liuyang," 3 ","  "\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code, stderr).toBe(0);
  });

  it('reads ids and names as the spreadsheet does: NFKC-normalised and trimmed', async () => {
    const dir = tmp();
    const out = join(dir, 'out.ndjson');
    const input = write(dir, 'v.csv', `${VILLAGE},2025.tapWaterRate\n ｌｉｕｙａｎｇ ,\u3000留阳村\u3000,否,是,87%\n`);
    const { code, stderr } = await capture(['evaluate', '--batch', input, '--as-of', '2025-12-31', '--out', out]);
    expect(code, stderr).toBe(0);
    const village = JSON.parse(readFileSync(out, 'utf8').trim());
    expect(village.subject.id).toBe('liuyang');
  });

  it('finds a duplicate id that only NFKC normalisation tells the same, naming its line', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size\nh1,liuyang,3\nh2,liuyang,3\n ｈ１,liuyang,3\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain(
      '第4行 line 4, 户 household h1, id = "h1": 编号重复：第2行已有此编号 / duplicate id: line 2 has it already',
    );
  });

  it('names the line and the column of a column no indicator defines', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size,colour\nh1,liuyang,3,red\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain(
      '第2行 line 2, 户 household h1, colour = "red": 未知指标：方案及插件均未定义此项 / unknown key: neither the plan nor a plugin defines it',
    );
  });

  it('names the line of text that is not CSV', async () => {
    const dir = tmp();
    const input = write(dir, 'h.csv', 'id,villageId,size\nh1,liuyang,3\nh2,"liuyang,3\n');
    const { code, stderr } = await screen(input, join(dir, 'out.csv'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/第3行 line 3: CSV 格式有误：.* \/ not valid CSV: /);
  });

  it('names the line, the column and the reason of a yes-no cell it cannot read, in Chinese and English', async () => {
    const dir = tmp();
    const input = write(dir, 'v.csv', `${VILLAGE},2025.hasBroadband\n${LIUYANG},maybe\n`);
    const { code, stderr } = await capture([
      'evaluate',
      '--batch',
      input,
      '--as-of',
      '2025-12-31',
      '--out',
      join(dir, 'o'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('第2行 line 2');
    expect(stderr).toContain('hasBroadband');
    expect(stderr).toMatch(/"maybe".*应为.*\/ expected/);
  });
});

describe('CSV output safe against formula injection (point 6)', () => {
  it.each(['=HYPERLINK("http://x","y")', '@SUM(A1)', '-2+3', '+1', '\tcmd', '\r=1'])('keeps %j as text', (cell) => {
    const row = formatCsvRow([cell, 5, -1.5]);
    expect(row.startsWith(`"'`) || row.startsWith(`'`)).toBe(true);
    expect(row).toContain(',5,-1.5\n');
  });

  it('refuses an id that starts like a formula, so screen output never holds one', async () => {
    const dir = tmp();
    const risky = households.find((h) => (h.annualNetIncomeCny as number) / (h.size as number) < 6000)!;
    const input = write(dir, 'h.ndjson', ndjson([{ ...risky, id: '=HYPERLINK("http://evil","x")' }]));
    const out = join(dir, 'out.csv');
    const { code, stderr } = await screen(input, out);
    expect(code).toBe(2);
    expect(stderr).toContain('an id holds only letters, digits and _ . : -');
    expect(existsSync(out) ? readFileSync(out, 'utf8') : '').not.toContain('HYPERLINK');
  });
});

describe('operator hazards (point 9)', () => {
  it('refuses --out equal to the input, and leaves the input as it was', async () => {
    const dir = tmp();
    const text = ndjson(households);
    const input = write(dir, 'h.ndjson', text);
    const { code, stderr } = await screen(input, input);
    expect(code).toBe(2);
    expect(stderr).toContain('is the input file');
    expect(readFileSync(input, 'utf8')).toBe(text);
    const yaml = join(root, 'examples/changjiang-2021/data.yaml');
    const evaluated = await capture(['evaluate', yaml, '--format', 'md', '--out', yaml]);
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toContain('输出文件不能是输入文件');
  });

  it('caps --workers at the number of cores, saying so', async () => {
    const dir = tmp();
    const input = write(dir, 'h.ndjson', ndjson(households));
    const { code, stderr } = await screen(input, join(dir, 'out.ndjson'), '--workers', '400');
    expect(code).toBe(0);
    const cores = availableParallelism();
    expect(stderr).toContain(`--workers 400 is more than the ${cores} cores; using ${cores}`);
    expect((await screen(input, join(dir, 'o.ndjson'), '--workers', '1e3')).code).toBe(2);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'removes OUT.partial-<pid> when stopped by %s',
    async (signal) => {
      const dir = tmp();
      const many = Array.from({ length: 400_000 }, (_, i) => ({ ...households[i % households.length], id: `h${i}` }));
      const input = write(dir, 'h.ndjson', ndjson(many));
      const out = join(dir, 'alerts.ndjson');
      const child = spawn(
        process.execPath,
        [
          join(root, 'packages/cli/dist/bin.js'),
          'screen',
          input,
          '--out',
          out,
          '--workers',
          '1',
          '--as-of',
          '2025-12-31',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const partial = () => readdirSync(dir).filter((f) => f.includes('.partial-'));
      while (partial().length === 0) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(partial()).toEqual([]);
      expect(existsSync(out)).toBe(false);
      expect(stderr).toContain('nothing written');
    },
    120_000,
  );
});
