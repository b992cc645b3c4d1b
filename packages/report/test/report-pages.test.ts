// The report in pages (issue 24, point 8): a summary page and one page per township, drawn one
// at a time, whose counts add up to the whole report's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluate, getPlan, reportPart, STATUSES, type EvaluationInput } from '@ruralkit/core';
import { renderHtmlReport, renderHtmlReportPages } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const plan = getPlan('changjiang-2021');
const input = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8')) as EvaluationInput;
const report = evaluate(plan, input, { asOf: '2025-12-31' });
const villages = report.results.filter((r) => r.subject.type === 'village').map((r) => r.subject);
const townships = new Set(villages.map((v) => v.township!.id));

describe('reportPart', () => {
  it('keeps the chosen subjects, their households, and counts again over them', () => {
    const one = villages[0]!;
    const part = reportPart(report, (s) => s.id === one.id);
    expect(new Set(part.results.map((r) => r.subject.id))).toEqual(new Set([one.id]));
    expect(part.households.every((h) => h.villageId === one.id)).toBe(true);
    expect(part.households.length).toBe(report.households.filter((h) => h.villageId === one.id).length);
    const counted = Object.fromEntries(STATUSES.map((s) => [s, part.results.filter((r) => r.status === s).length]));
    expect(part.summary.overall).toEqual(counted);
    expect(part.summary.households.screened).toBe(part.households.length);
  });
});

describe('renderHtmlReportPages', () => {
  it('draws a summary and a page per township whose villages and counts add up to the whole', () => {
    const pages = [...renderHtmlReportPages(report, { plan, lang: 'en' })];
    expect(pages[0]!.file).toBe('index.html');
    expect(pages.length).toBe(1 + townships.size);
    const index = pages[0]!.html;
    for (const page of pages.slice(1)) {
      expect(index).toContain(`href="${page.file}"`);
      expect(page.html).toContain('<a href="index.html">← Summary</a>');
    }
    for (const village of villages) {
      const holding = pages.slice(1).filter((p) => p.html.includes(`data-subject="${village.id}"`));
      expect(holding).toHaveLength(1);
      expect(holding[0]!.html).toContain(village.township!.name.en);
    }
    expect(index).not.toContain('data-subject="liuyang"');
    expect(index).toContain('data-subject="district"');
    const whole = renderHtmlReport(report, { plan, lang: 'en' });
    expect(Math.max(...pages.map((p) => p.html.length))).toBeLessThan(whole.length);
  });

  it('splits a township into pages of at most villagesPerPage villages, drawn lazily', () => {
    const pages = renderHtmlReportPages(report, { plan, lang: 'zh', villagesPerPage: 1 });
    expect(pages.next().value!.file).toBe('index.html');
    const rest = [...pages];
    expect(rest).toHaveLength(villages.length / plan.rules.filter((r) => r.subject === 'village').length);
    expect(rest.map((p) => p.file)).toEqual(rest.map((_, i) => `part-${String(i + 1).padStart(3, '0')}.html`));
    const perTownship = new Map<string, number>();
    for (const v of new Map(villages.map((v) => [v.id, v])).values())
      perTownship.set(v.township!.id, (perTownship.get(v.township!.id) ?? 0) + 1);
    const split = [...perTownship.values()].filter((n) => n > 1).length;
    expect(rest.filter((p) => /\(2\/\d+\)/.test(p.html))).toHaveLength(split);
  });
});
