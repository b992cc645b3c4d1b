// The report-in-pages example runs and writes the summary and a page per township.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('examples/changjiang-2021/report-pages.mjs', () => {
  it('writes index.html and a page per township, each linking back', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'ruralkit-pages-')), 'pages');
    const printed = execFileSync(
      process.execPath,
      [fileURLToPath(new URL('report-pages.mjs', import.meta.url)), folder],
      {
        encoding: 'utf8',
      },
    );
    const files = readdirSync(folder).sort();
    expect(files[0]).toBe('index.html');
    expect(files.length).toBeGreaterThan(1);
    expect(printed.trim().split('\n')).toHaveLength(files.length);
    for (const file of files.slice(1)) expect(readFileSync(join(folder, file), 'utf8')).toContain('href="index.html"');
  });
});
