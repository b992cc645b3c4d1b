// The HTML report opened in headless Chromium: no console errors, no network, every village and
// rule present, charts as inline SVG, in Chinese and English; screenshots kept in test-artifacts/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, evaluate, getPlan, resolvePlan, type EvaluationInput } from '@ruralkit/core';
import { parse } from 'yaml';
import { renderHtmlReport } from '../src/index.js';
import { numericTargets } from '../src/charts.js';
import { DUE_COLOUR, TARGET_COLOUR } from '../src/theme.js';
import { CHROMIUM, hasChromium, openBrowser, type TestBrowser } from '../../../test/support/browser.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');

const plan = getPlan('changjiang-2021');
const input = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8')) as EvaluationInput;
const report = evaluate(plan, input, { asOf: '2025-12-31' });

let browser: TestBrowser | undefined;
let context: BrowserContext;

// The browser is the system's (Debian's chromium); a test never downloads one. CI installs it and
// requires these tests; elsewhere they are skipped, with a note, when it is missing.
if (!hasChromium && !process.env.CI) {
  console.warn(`Skipping the HTML report browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

beforeAll(async () => {
  if (!hasChromium && !process.env.CI) return;
  if (!hasChromium) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium`);
  browser = await openBrowser({ context: { viewport: { width: 1200, height: 900 } } });
  context = browser.context;
  mkdirSync(artifacts, { recursive: true });
  // Starting Chromium on a busy machine can take longer than vitest's 10 s for hooks.
}, 60_000);

afterAll(async () => {
  await browser?.close();
}, 60_000);

/** Open the report as a file; collect console errors and every request that is not the file itself. */
async function open(
  lang: 'zh' | 'en',
  html = renderHtmlReport(report, { plan, lang }),
): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-report-')), `report-${lang}.html`);
  writeFileSync(file, html);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== `file://${file}`) requests.push(r.url());
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, problems, requests };
}

/**
 * Whether the page's Chinese text is drawn in a real font: with the page's font stack, distinct
 * characters draw distinct glyphs, none of them the box drawn for a character no font has.
 * Without a CJK font every Chinese character is that same box (豆腐块) and this is false.
 */
async function drawsChinese(page: Page): Promise<boolean> {
  return page.locator('h1').evaluate((h1) => {
    const family = h1.ownerDocument.defaultView!.getComputedStyle(h1).fontFamily;
    const canvas = h1.ownerDocument.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d')!;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = `40px ${family}`;
      ctx.fillText(text, 4, 48);
      return ctx.getImageData(0, 0, 64, 64).data.join(',');
    };
    const glyphs = ['乡', '村', '振', '兴', '达', '标'].map(draw);
    const missing = draw('\u{10FFFD}');
    return new Set(glyphs).size === glyphs.length && !glyphs.includes(missing);
  });
}

/** A fontconfig file that offers only the machine's fonts without Chinese: null if fontconfig is not there. */
function fontConfigWithoutChinese(): string | null {
  const files = (args: string[]) => {
    try {
      return execFileSync('fc-list', [...args, '--format', '%{file}\n'], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    } catch {
      return null;
    }
  };
  const all = files([]);
  const chinese = files([':lang=zh']);
  if (!all || !chinese) return null;
  const chineseDirs = new Set(chinese.map(dirname));
  const dirs = [...new Set(all.map(dirname))].filter((d) => !chineseDirs.has(d));
  const folder = mkdtempSync(join(tmpdir(), 'ruralkit-fonts-'));
  const file = join(folder, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><fontconfig>${dirs.map((d) => `<dir>${d}</dir>`).join('')}<cachedir>${folder}</cachedir></fontconfig>`,
  );
  return file;
}

// Each test drives a real browser: generous limits for a busy machine.
describe.skipIf(!hasChromium && !process.env.CI)('the HTML report in Chromium', { timeout: 90_000 }, () => {
  it('opens without console errors or any request, with every village and every rule', async () => {
    const { page, problems, requests } = await open('zh');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe(plan.title.zh);
    for (const village of plan.keyVillages) {
      const section = page.locator(`section[data-subject="${village.id}"]`);
      await expect(section.locator('h2').textContent()).resolves.toBe(
        `${village.name.zh} · ${village.township.name.zh}`,
      );
    }
    for (const result of report.results) {
      const row = page.locator(`section[data-subject="${result.subject.id}"] tr[data-rule="${result.ruleId}"]`);
      expect(await row.count(), `${result.subject.id} ${result.ruleId}`).toBe(1);
      expect(await row.locator('.badge').first().textContent()).toBe(
        { met: '达标', 'not-met': '未达标', pending: '未到期', 'not-applicable': '不适用', 'missing-data': '缺数据' }[
          result.status
        ],
      );
    }
    const tapWater = page.locator('section[data-subject="liuyang"] tr[data-rule="infrastructure.tap-water"]');
    expect(await tapWater.textContent()).toContain('87%（2025）');
    expect(await tapWater.textContent()).toContain('≥ 90%');
    await page.screenshot({ path: join(artifacts, 'report-zh.png'), fullPage: true });
    await page.close();
  });

  it('draws the charts as inline SVG (one per numeric target, the risks) and the status matrices as tables', async () => {
    const { page } = await open('zh');
    const targets = ['liuyang', 'jianglian', 'district'].map(
      (id) => numericTargets(report.results.filter((r) => r.subject.id === id)).length,
    );
    expect(targets).toEqual([6, 6, 3]);
    for (const [i, id] of ['liuyang', 'jianglian', 'district'].entries()) {
      expect(await page.locator(`section[data-subject="${id}"] figure.chart svg`).count()).toBe(targets[i]);
    }
    // Villages and the district apart: no column of either stands empty for the other's rules.
    const heads = (subjects: string) =>
      page.locator(`figure.matrix[data-subjects="${subjects}"] thead th`).allTextContents();
    expect(await heads('village')).toEqual(['规则', '留阳村', '江联村']);
    expect(await heads('district')).toEqual(['规则', '昌江区']);
    for (const subjects of ['village', 'district']) {
      const rows = page.locator(`figure.matrix[data-subjects="${subjects}"] tbody tr`);
      const ruleIds = new Set(report.results.filter((r) => r.subject.type === subjects).map((r) => r.ruleId));
      expect(await rows.count()).toBe(ruleIds.size);
      const filled = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td .badge').length));
      expect(filled.every((n) => n > 0)).toBe(true);
    }
    const tapWater = page.locator('figure.matrix tr[data-rule="infrastructure.tap-water"]');
    expect(await tapWater.locator('th').textContent()).toBe('自来水普及率达到90%');
    expect(await tapWater.locator('td').allTextContents()).toEqual(['未达标', '达标']);
    expect(await page.locator('#households figure.chart svg').count()).toBe(1);
    // The target line is labelled with the target; the due year is marked.
    const chart = await page.locator('section[data-subject="liuyang"] figure.chart').nth(1).textContent();
    expect(chart).toContain('目标 90%');
    expect(chart).toContain('期限 2025-12-31');
    await page.close();
  });

  it('lists each unit’s to-do items and household counts, but no single household', async () => {
    const { page } = await open('zh');
    const todo = await page.locator('#todo').textContent();
    for (const unit of report.summary.units) expect(todo).toContain(unit.unit.name.zh);
    expect(todo).toContain('留阳村2025年自来水普及率为87%，低于目标90%');
    const households = (await page.locator('#households').textContent())!;
    expect(households).toContain(`筛查农户 ${report.summary.households.screened}`);
    expect(households).toContain('脱贫不稳定户');
    for (const h of report.households) expect(households).not.toContain(h.subject.id);
    expect(households).not.toMatch(/元/);
    await page.close();
  });

  it('opens with the period assessment and keeps every lapse on the page (期末考核, 未达标年份)', async () => {
    const { page } = await open('zh');
    const first = await page.locator('main > section').first().getAttribute('id');
    expect(first).toBe('assessment');
    const assessment = (await page.locator('#assessment').textContent())!;
    expect(assessment).toContain(`每年达标 ${report.assessment!.counts.held}`);
    expect(assessment).toContain('留阳村“逐年提高帮扶资金中产业发展资金占比”：2023年未达标');
    const row = page.locator('[data-subject="liuyang"] tr[data-rule="funding.industry-share-rising"]');
    expect(await row.locator('td.lapses').textContent()).toBe('2023');
    expect(await row.locator('td.msg').textContent()).toContain('2023年未达标');
    expect(await page.locator('#todo').textContent()).toContain('未达标年份 2023：留阳村');
    expect(await page.locator('[data-subject="liuyang"] .lapsed').textContent()).toContain('有未达标年份');
    await page.close();
    const before = evaluate(plan, input, { asOf: '2025-06-30' });
    const { page: earlier } = await open('zh', renderHtmlReport(before, { plan, lang: 'zh' }));
    expect(await earlier.locator('#assessment').count()).toBe(0);
    await earlier.close();
  });

  it('prints on A4 with one section per page, the rules as cards', async () => {
    const { page } = await open('zh');
    await page.emulateMedia({ media: 'print' });
    const breakBefore = await page
      .locator('section[data-subject="jianglian"]')
      .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).breakBefore);
    expect(breakBefore).toBe('page');
    // On paper the rules are cards, two abreast, every message within the page's width.
    const cards = page.locator('section[data-subject="liuyang"] table.rules tbody');
    expect(await cards.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).display)).toBe('grid');
    const overflowing = await page.locator('main').evaluate((main) => {
      const { right } = main.getBoundingClientRect();
      return [...main.querySelectorAll('td.msg')].filter((td) => td.getBoundingClientRect().right > right + 0.5).length;
    });
    expect(overflowing).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('is in English with --lang en', async () => {
    const { page, problems } = await open('en');
    expect(problems).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(plan.title.en);
    expect(await page.locator('section[data-subject="liuyang"] h2').textContent()).toBe(
      'Liuyang Village · Nianyushan Town',
    );
    expect(await page.locator('#overview h2').textContent()).toBe('Overview');
    const row = await page
      .locator('section[data-subject="liuyang"] tr[data-rule="infrastructure.tap-water"]')
      .textContent();
    expect(row).toContain('not met');
    expect(row).toContain('below the target of 90%');
    expect(await page.locator('figure.matrix[data-subjects="village"] thead').textContent()).toContain(
      'Liuyang Village',
    );
    await page.screenshot({ path: join(artifacts, 'report-en.png'), fullPage: true });
    await page.close();
  });

  it('shows each parameter by name beside its id', async () => {
    const { page } = await open('zh');
    const row = page.locator('#parameters tr[data-parameter="basic.universalRate"]');
    expect(await row.textContent()).toContain('“基本普及”阈值');
    expect(await row.locator('code').textContent()).toBe('basic.universalRate');
    for (const id of await page
      .locator('#parameters tr[data-parameter]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-parameter')!))) {
      expect(await page.locator(`#parameters tr[data-parameter="${id}"] td`).first().textContent()).toContain(
        plan.parameters.find((p) => p.id === id)!.name.zh,
      );
    }
    await page.close();
  });

  it('draws no chart text over other chart text, and counts in whole steps', async () => {
    const { page } = await open('zh');
    const overlaps = await page.locator('figure.chart svg').evaluateAll((svgs) =>
      svgs.flatMap((svg, index) => {
        const boxes = [...svg.querySelectorAll('text')]
          .filter((t) => t.textContent!.trim() !== '')
          .map((t) => ({ text: t.textContent!, box: t.getBoundingClientRect() }));
        const found: string[] = [];
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
            const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
            if (x > 1 && y > 1) found.push(`chart ${index}: "${a.text}" over "${b.text}"`);
          }
        }
        return found;
      }),
    );
    expect(overlaps).toEqual([]);
    // The specialty-industry target counts industries: its axis steps 0, 1, 2, never 0.5.
    const specialty = page.locator('section[data-subject="liuyang"] figure.chart').first();
    expect(await specialty.locator('figcaption').textContent()).toContain('特色产业');
    const labels = await specialty.locator('svg text').allTextContents();
    expect(labels.filter((t) => /^\d+\.\d+$/.test(t))).toEqual([]);
    await page.close();
  });

  it('names each value of a row that shows several', async () => {
    const { page } = await open('zh');
    const row = await page
      .locator('section[data-subject="liuyang"] tr[data-rule="environment.five-fixed-maintenance"]')
      .textContent();
    expect(row).toMatch(/长效管护有专项经费：是（\d{4}）；长效管护有专业队伍：是（\d{4}）/);
    await page.close();
  });

  it('states a plugin’s target in headings, rows, the status grid and the charts', async () => {
    const county = definePlugin({
      id: 'county-a',
      name: { zh: '甲县', en: 'County A' },
      version: '1.0.0',
      core: '^0.1.0',
      plan: 'changjiang-2021',
      parameters: [{ id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.95 }] }],
    });
    const resolved = resolvePlan(plan, [county]);
    const html = renderHtmlReport(evaluate(resolved, input, { asOf: '2025-12-31' }), {
      plan: resolved,
      lang: 'zh',
    });
    const { page } = await open('zh', html);
    const section = page.locator('section[data-subject="liuyang"]');
    expect(await section.locator('tr[data-rule="infrastructure.tap-water"] td').first().textContent()).toContain(
      '自来水普及率达到95%',
    );
    const chart = section.locator('figure.chart', { hasText: '自来水普及率' });
    expect(await chart.locator('figcaption').textContent()).toContain('自来水普及率达到95%');
    expect(await chart.locator('.legend').textContent()).toContain('目标 95%');
    expect(await page.locator('figure.matrix').first().textContent()).toContain('自来水普及率达到95%');
    expect(await page.locator('body').textContent()).not.toContain('自来水普及率达到90%');
    await page.close();
  });

  it('quotes a rule name that starts with a quote once', () => {
    const district = { indicators: { '2025': { adminVillageCount: 52 } } };
    const missing = evaluate(plan, { district }, { asOf: '2025-12-31' });
    const html = renderHtmlReport(missing, { plan, lang: 'zh' });
    expect(html).toContain('无法判断“‘双千兆’网络覆盖80%以上行政村”');
    expect(html).not.toMatch(/““|””/);
  });

  it('keeps the charts readable on a phone-width screen', async () => {
    const { page } = await open('zh');
    await page.setViewportSize({ width: 390, height: 844 });
    const scales = await page
      .locator('figure.chart svg')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))));
    expect(scales.length).toBeGreaterThan(10);
    expect(Math.min(...scales)).toBeGreaterThanOrEqual(0.9);
    // Nothing makes the page itself wider than the screen: wide tables and the matrix scroll in place.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifacts, 'report-phone.png'), fullPage: false });
    await page.close();
  });

  it('draws its Chinese text in a CJK font, not as boxes (install fonts-noto-cjk)', async () => {
    const { page } = await open('zh');
    expect(await drawsChinese(page), 'no CJK font: apt-get install -y fonts-noto-cjk').toBe(true);
    await page.close();
  });

  it(
    'would fail on a machine without a CJK font: the same check sees the boxes there',
    { timeout: 90_000 },
    async (test) => {
      const config = fontConfigWithoutChinese();
      if (!config) return test.skip();
      const bare = await openBrowser({ env: { ...process.env, FONTCONFIG_FILE: config } });
      try {
        const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-report-')), 'report.html');
        writeFileSync(file, renderHtmlReport(report, { plan, lang: 'zh' }));
        const page = await bare.context.newPage();
        await page.goto(`file://${file}`);
        expect(await drawsChinese(page)).toBe(false);
      } finally {
        await bare.close();
      }
    },
  );
});

/**
 * What the page's geometry shows at its width, as a list of problems (empty when it reads well):
 * the page no wider than the screen, every legend item inside its legend and on screen, every
 * message on screen and not clipped by a scrolling box, no chart text on a due-date or target line, and
 * dates, clause labels and rule ids on one line each.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.locator('html').evaluate(
    (html, lineColours) => {
      const document = html.ownerDocument;
      const window = document.defaultView!;
      type Box = ReturnType<typeof html.getBoundingClientRect>;
      const problems: string[] = [];
      const width = html.clientWidth;
      if (html.scrollWidth > width) problems.push(`page ${html.scrollWidth} px wide on a ${width} px screen`);
      /** The part of the screen where `el` can be seen: the screen cut by each ancestor that clips. */
      const visibleBox = (el: typeof html) => {
        let left = 0;
        let right = width;
        for (let node = el.parentElement; node; node = node.parentElement) {
          if (window.getComputedStyle(node).overflowX === 'visible') continue;
          const box = node.getBoundingClientRect();
          left = Math.max(left, box.left);
          right = Math.min(right, box.right);
        }
        return { left, right };
      };
      const inside = (box: Box, outer: { left: number; right: number }) =>
        box.width > 0 && box.height > 0 && box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
      for (const item of document.querySelectorAll<typeof html>('.legend > span')) {
        const box = item.getBoundingClientRect();
        const legend = item.parentElement!.getBoundingClientRect();
        const within = box.top >= legend.top - 0.5 && box.bottom <= legend.bottom + 0.5;
        if (!within || !inside(box, legend) || !inside(box, visibleBox(item))) {
          problems.push(`legend item "${item.textContent}" is cut`);
        }
      }
      const messages = document.querySelectorAll<typeof html>('td.msg');
      if (messages.length === 0) problems.push('no message cells');
      for (const cell of messages) {
        if (!inside(cell.getBoundingClientRect(), visibleBox(cell))) {
          problems.push(`message "${cell.textContent!.slice(0, 20)}…" is off screen`);
        }
      }
      // The markLines are the dashed or dotted paths: the target in its colour, the due date in its.
      for (const [what, colour] of Object.entries(lineColours)) {
        const lines = [
          ...document.querySelectorAll<typeof html>(`figure.chart svg path[stroke="${colour}"][stroke-dasharray]`),
        ];
        if (lines.length === 0) problems.push(`no ${what} line drawn`);
        for (const line of lines) {
          const l = line.getBoundingClientRect();
          for (const text of line.closest('svg')!.querySelectorAll('text')) {
            const t = text.getBoundingClientRect();
            if (text.textContent!.trim() === '') continue;
            if (t.left < l.right + 1 && t.right > l.left - 1 && t.top < l.bottom + 1 && t.bottom > l.top - 1) {
              problems.push(`chart text "${text.textContent}" on the ${what} line`);
            }
          }
        }
      }
      /** How many lines `el`'s text takes (distinct tops of its line boxes). */
      const lines = (el: typeof html) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const whole = [...document.querySelectorAll<typeof html>('td.due, td.clauses > span, td.rule > code')].filter(
        (el) => el.textContent !== '',
      );
      if (whole.length === 0) problems.push('no dates, clauses or rule ids');
      for (const el of whole) if (lines(el) !== 1) problems.push(`"${el.textContent}" breaks over ${lines(el)} lines`);
      return problems;
    },
    { 'due-date': DUE_COLOUR, target: TARGET_COLOUR },
  );
}

// The example report on a phone and on a desktop, judged by geometry in the page. The full-page
// screenshots are kept in test-artifacts/ at the repository's root (git-ignored):
// report-layout-{zh,en}-{390,1280}.png.
describe.skipIf(!hasChromium && !process.env.CI)('the HTML report’s layout', { timeout: 90_000 }, () => {
  it.each([
    ['zh', 390],
    ['zh', 1280],
    ['en', 390],
    ['en', 1280],
  ] as const)('reads in %s at %i px: nothing cut, off screen, on a line or broken', async (lang, width) => {
    const { page } = await open(lang);
    await page.setViewportSize({ width, height: 900 });
    // Below the breakpoint the rules are cards; above it, a table.
    const display = await page
      .locator('table.rules tr')
      .first()
      .evaluate((tr) => tr.ownerDocument.defaultView!.getComputedStyle(tr).display);
    expect(display).toBe(width < 700 ? 'block' : 'table-row');
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(artifacts, `report-layout-${lang}-${width}.png`), fullPage: true });
    await page.close();
  });

  it('sees a clipped legend, a message off screen, a wrapped date and a label on the due line (the check can fail)', async () => {
    const { page } = await open('zh');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.addStyleTag({
      content: `.legend.statuses{width:120px;height:20px;overflow:hidden;flex-wrap:nowrap}
        table.rules,table.rules tbody,table.rules tr{display:revert} table.rules td{display:table-cell;position:static;padding:4px}
        table.rules td::before{content:none} .scroll:has(table.rules){overflow-x:auto}
        td.due{white-space:normal;width:3em;min-width:0;max-width:3em;word-break:break-all}`,
    });
    // A point label written on the first due-date line, as the old charts drew one.
    await page
      .locator(`figure.chart svg path[stroke="${DUE_COLOUR}"][stroke-dasharray]`)
      .first()
      .evaluate((line) => {
        const [x = 0, top = 0, , bottom = 0] = (line.getAttribute('d')!.match(/[\d.]+/g) ?? []).map(Number);
        const label = line.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'text');
        Object.entries({ x, y: (top + bottom) / 2, 'text-anchor': 'middle' }).forEach(([k, v]) =>
          label.setAttribute(k, String(v)),
        );
        label.textContent = '87%';
        line.parentNode!.appendChild(label);
      });
    const problems = (await layoutProblems(page)).join('\n');
    expect(problems).toMatch(/legend item ".*" is cut/);
    expect(problems).toMatch(/message ".*" is off screen/);
    expect(problems).toMatch(/"2025-12-31" breaks over 2 lines/);
    expect(problems).toContain('chart text "87%" on the due-date line');
    await page.close();
  });
});
