// `evaluate --format html --out DIR/`: the report in pages, written whole or not at all.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';

const data = join(root, 'examples/changjiang-2021/data.yaml');
const args = (out: string) => ['evaluate', data, '--as-of', '2025-12-31', '--format', 'html', '--out', out];

describe('evaluate --format html into a folder', () => {
  it('writes index.html and a page per township, linked both ways', async () => {
    const dir = tmp();
    const out = join(dir, 'report/');
    const { code, stderr } = await capture(args(out));
    expect(code, stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(stderr).toContain(`wrote ${files.length} pages (分册) to ${out}`);
    expect(files[0]).toBe('index.html');
    expect(files.length).toBeGreaterThan(1);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const file of files.slice(1)) {
      expect(index).toContain(`href="${file}"`);
      expect(readFileSync(join(out, file), 'utf8')).toContain('href="index.html"');
    }
    expect(readdirSync(dir)).toEqual(['report']);
  });

  it('fills an empty folder, and refuses one holding files, leaving it as it was', async () => {
    const dir = tmp();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect((await capture(args(empty))).code).toBe(0);
    expect(readdirSync(empty)).toContain('index.html');
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    const { code, stderr } = await capture(args(full));
    expect(code).toBe(2);
    expect(stderr).toContain('is a folder holding files; a report in pages goes to a new or empty folder');
    expect(stderr).toContain('是非空文件夹');
    expect(readdirSync(full)).toEqual(['keep.txt']);
    expect(readdirSync(dir).sort()).toEqual(['empty', 'full']);
  });
});
