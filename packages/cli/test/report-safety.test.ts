// Reports that show data as text (issue 14, point 8): Markdown escapes raw HTML, the terminal
// table shows no control or bidi characters from the data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, tmp } from './helpers.js';

const name = '\u001b[2J<script>alert(1)</script>[x](javascript:alert(1))\u202etxt.exe\u0007';

function input(): string {
  const file = join(tmp(), 'input.json');
  const village = { id: 'x1', name, attributes: { needsExpressPoint: true, hasEcommerceConditions: true } };
  writeFileSync(file, JSON.stringify({ villages: [village] }));
  return file;
}

describe('report text safety', () => {
  it('escapes raw HTML and links in Markdown', async () => {
    const { code, stdout } = await capture(['evaluate', input(), '--format', 'md', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\[x\\](javascript:alert(1))txt.exe');
    expect(stdout).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('strips control and bidi characters in the terminal table, colours or not', async () => {
    for (const colour of [false, true]) {
      const { code, stdout } = await capture(['evaluate', input(), '--lang', 'en'], { colour });
      expect(code).toBe(0);
      expect(stdout).toContain('<script>alert(1)</script>');
      expect(stdout).not.toContain('\u001b[2J');
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(stdout).not.toMatch(/[\u0007\u202e]/);
    }
  });
});

describe('report size (point 7)', () => {
  it('refuses more villages than a report holds, with the streaming command to use', async () => {
    const file = join(tmp(), 'many.json');
    const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
    const villages = Array.from({ length: 501 }, (_, i) => ({ id: `v${i}`, attributes }));
    writeFileSync(file, JSON.stringify({ villages }));
    for (const format of ['json', 'html']) {
      const { code, stderr } = await capture(['evaluate', file, '--format', format]);
      expect(code).toBe(2);
      expect(stderr).toContain('501 villages are more than one report holds (500)');
      expect(stderr).toContain('ruralkit evaluate --batch');
    }
    writeFileSync(file, JSON.stringify({ villages: villages.slice(0, 500) }));
    expect((await capture(['evaluate', file, '--format', 'json'])).code).toBe(0);
  }, 120_000);
});
