// The HTML report opened in headless Chromium: no console errors, no network, every village and
// rule present, charts as inline SVG, in Chinese and English; screenshots kept in test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, getPlan, type EvaluationInput } from '@ruralkit/core';
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
});

afterAll(async () => {
  await context?.close();
});

/** Open the report as a file; collect console errors and every request that is not the file itself. */
async function open(lang: 'zh' | 'en'): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-report-')), `report-${lang}.html`);
  writeFileSync(file, renderHtmlReport(report, { plan, input, lang }));
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

describe.skipIf(!hasChromium && !process.env.CI)('the HTML report in Chromium', () => {
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
      (id) =>
        numericTargets(
          plan,
          input,
          report.results.filter((r) => r.subject.id === id),
        ).length,
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
});
