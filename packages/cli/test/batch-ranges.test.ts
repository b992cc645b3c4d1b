// NDJSON read in byte ranges by the threads that judge them (issue 24, point 3): every line is
// read once, line numbers are counted across ranges, and an endless line is refused.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';
import { forEachLine, lineRanges, MAX_LINE_BYTES, readRange } from '../src/batch/ranges.js';

const example = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8'));
const household = (example.households as Record<string, unknown>[])[0]!;

describe('byte ranges of an NDJSON file', () => {
  it('cut at line ends only, covering the file once, whatever the characters', () => {
    const dir = tmp();
    const file = join(dir, 'lines.ndjson');
    const lines = Array.from({ length: 500 }, (_, i) => `{"id":"户${i}","名":"${'乡村振兴'.repeat(i % 37)}"}`);
    writeFileSync(file, `${lines.join('\n')}\n\n${lines[0]}`);
    const size = readFileSync(file).length;
    for (const bytes of [1, 7, 100, 4096]) {
      const ranges = [...lineRanges(file, size, bytes)];
      const texts = ranges.map(readRange);
      expect(texts.join('')).toBe(readFileSync(file, 'utf8'));
      expect(texts.slice(0, -1).every((text) => text.endsWith('\n'))).toBe(true);
      let next = 1;
      const seen: number[] = [];
      for (const text of texts) next = forEachLine(text, next, (_, line) => seen.push(line));
      expect(seen).toEqual(Array.from({ length: 502 }, (_, i) => i + 1));
    }
  });
});

describe('screen over several ranges', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ ...household, id: `h${i + 1}` }));

  it('names the line of a bad record and of a repeated id far into the file, with 1 or 2 workers', async () => {
    const dir = tmp();
    const lines = many(12_000);
    lines[9_499] = JSON.stringify({ ...household, id: 'h10' });
    lines[9_599] = JSON.stringify({ ...household, id: 'h9600', size: 0 });
    const input = join(dir, 'h.ndjson');
    writeFileSync(input, `${lines.join('\n')}\n`);
    expect(readFileSync(input).length).toBeGreaterThan(2 << 20);
    for (const workers of ['1', '2']) {
      const { code, stderr } = await capture(['screen', input, '--out', join(dir, 'a.ndjson'), '--workers', workers]);
      expect(code).toBe(2);
      expect(stderr).toContain(
        '第9500行 line 9500, 户 household h10, id = "h10": 编号重复：第10行已有此编号 / duplicate id: line 10 has it already',
      );
    }
    lines[9_499] = JSON.stringify({ ...household, id: 'h9500' });
    writeFileSync(input, `${lines.join('\n')}\n`);
    const { code, stderr } = await capture(['screen', input, '--out', join(dir, 'a.ndjson')]);
    expect(code).toBe(2);
    expect(stderr).toContain('第9600行 line 9600, 户 household h9600, size = 0');
    expect(readdirSync(dir)).toEqual(['h.ndjson']);
  });

  it(`refuses a line of more than ${MAX_LINE_BYTES >> 20} MB, naming it, without reading it whole`, async () => {
    const dir = tmp();
    const input = join(dir, 'h.ndjson');
    const huge = JSON.stringify({ ...household, id: 'big', note: 'x'.repeat(MAX_LINE_BYTES) });
    writeFileSync(input, `${many(3).join('\n')}\n${huge}\n${many(2).join('\n')}\n`);
    const { code, stderr } = await capture(['screen', input, '--out', join(dir, 'a.ndjson')]);
    expect(code).toBe(2);
    expect(stderr).toContain('第4行 line 4: 一行超过 4 MB');
    expect(stderr).toContain('a line longer than 4 MB is not one record');
    writeFileSync(input, 'y'.repeat(3 * MAX_LINE_BYTES));
    const endless = await capture(['screen', input, '--out', join(dir, 'a.ndjson'), '--workers', '2']);
    expect(endless.code).toBe(2);
    expect(endless.stderr).toContain('第1行 line 1: 一行超过 4 MB');
    expect(readdirSync(dir)).toEqual(['h.ndjson']);
  });
});
