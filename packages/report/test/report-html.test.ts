// The HTML report opened in headless Chromium: no console errors, no network, every village and
// rule present, charts as inline SVG, in Chinese and English; screenshots kept in test-artifacts/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, evaluate, getPlan, resolvePlan, type EvaluationInput } from '@ruralkit/core';
import { parse } from 'yaml';
import { renderHtmlReport } from '../src/index.js';
import { numericTargets } from '../src/charts.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const plan = getPlan('changjiang-2021');
const input = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8')) as EvaluationInput;
const report = evaluate(plan, input, { asOf: '2025-12-31' });

let context: BrowserContext;

// The browser is the system's (Debian's chromium); a test never downloads one. CI installs it and
// requires these tests; elsewhere they are skipped, with a note, when it is missing.
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`Skipping the HTML report browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

beforeAll(async () => {
  if (!hasChromium && !process.env.CI) return;
  if (!hasChromium) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium`);
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ruralkit-chromium-')), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1200, height: 900 },
  });
  mkdirSync(artifacts, { recursive: true });
  // Starting Chromium on a busy machine can take longer than vitest's 10 s for hooks.
}, 60_000);

afterAll(async () => {
  await context?.close();
});

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

  it('draws the charts as inline SVG: one per numeric target, the status matrix and the risks', async () => {
    const { page } = await open('zh');
    const targets = ['liuyang', 'jianglian', 'district'].map(
      (id) => numericTargets(report.results.filter((r) => r.subject.id === id)).length,
    );
    expect(targets).toEqual([6, 6, 3]);
    for (const [i, id] of ['liuyang', 'jianglian', 'district'].entries()) {
      expect(await page.locator(`section[data-subject="${id}"] figure.chart svg`).count()).toBe(targets[i]);
    }
    const matrix = page.locator('figure.matrix svg');
    const text = await matrix.textContent();
    for (const name of ['留阳村', '江联村', '全区指标', '自来水普及率达到90%', '未达标']) expect(text).toContain(name);
    const box = await matrix.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
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

  it('prints on A4 with one section per page', async () => {
    const { page } = await open('zh');
    await page.emulateMedia({ media: 'print' });
    const breakBefore = await page
      .locator('section[data-subject="jianglian"]')
      .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).breakBefore);
    expect(breakBefore).toBe('page');
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
    expect(await page.locator('figure.matrix svg').textContent()).toContain('Liuyang Village');
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
    expect(await page.locator('figure.matrix svg').textContent()).toContain('自来水普及率达到95%');
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
      const bare = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ruralkit-chromium-')), {
        executablePath: CHROMIUM,
        args: ARGS,
        headless: true,
        env: { ...process.env, FONTCONFIG_FILE: config },
      });
      try {
        const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-report-')), 'report.html');
        writeFileSync(file, renderHtmlReport(report, { plan, lang: 'zh' }));
        const page = await bare.newPage();
        await page.goto(`file://${file}`);
        expect(await drawsChinese(page)).toBe(false);
      } finally {
        await bare.close();
      }
    },
  );
});
