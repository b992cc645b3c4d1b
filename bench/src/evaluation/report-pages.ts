/**
 * The province's report (全省报告): the HTML report of every generated village drawn as one
 * string, against the same report in pages (a summary and a page per 200 villages), drawn and
 * dropped one at a time. The largest string held is what rendering costs in memory.
 */
import { evaluate, type Plan, type VillageInput, type YearlyValues } from '@ruralkit/core';
import { renderHtmlReport, renderHtmlReportPages } from '@ruralkit/report';
import { report, type BenchLine } from './measure.js';

export interface ReportPagesBenchOptions {
  plan: Plan;
  asOf: string;
  district: { indicators?: YearlyValues; reference?: YearlyValues };
  villages: readonly VillageInput[];
  write?: (text: string) => void;
}

const MB = 1 << 20;

export function benchReportPages(options: ReportPagesBenchOptions): BenchLine[] {
  const { plan, asOf, district, villages, write } = options;
  const evaluated = evaluate(plan, { district, villages: [...villages] }, { asOf });
  let start = performance.now();
  const whole = renderHtmlReport(evaluated, { plan }).length;
  const wholeSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  let largest = 0;
  let pages = 0;
  for (const page of renderHtmlReportPages(evaluated, { plan })) {
    largest = Math.max(largest, page.html.length);
    pages++;
  }
  const pagesSeconds = (performance.now() - start) / 1000;
  const us = (seconds: number) => (seconds * 1e6) / villages.length;
  return [
    report(
      {
        name: 'province-report',
        impl: 'one page',
        usPerSubject: us(wholeSeconds),
        villages: villages.length,
        largestStringMb: whole / MB,
      },
      write,
    ),
    report(
      {
        name: 'province-report',
        impl: 'in pages',
        usPerSubject: us(pagesSeconds),
        villages: villages.length,
        pages,
        largestStringMb: largest / MB,
        target: 'largest string bounded by 200 villages, whatever the villages',
        met: largest < whole || villages.length <= 200,
      },
      write,
    ),
  ];
}
