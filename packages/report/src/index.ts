/**
 * @ruralkit/report — the HTML report (HTML 报告) of an evaluation: one self-contained page with
 * inline CSS and server-rendered SVG charts (ECharts), in Chinese or English, that prints on A4.
 * It draws from the report's results and never re-derives a status.
 *
 * @example
 * ```ts
 * import { evaluate, getPlan } from '@ruralkit/core';
 * import { renderHtmlReport } from '@ruralkit/report';
 * const plan = getPlan('changjiang-2021');
 * const html = renderHtmlReport(evaluate(plan, input, { asOf: '2025-12-31' }), { plan, input, lang: 'zh' });
 * ```
 * @packageDocumentation
 */
export { renderHtmlReport, type HtmlReportOptions } from './page.js';
export { renderHtmlReportPages, type ReportPage, type ReportPagesOptions } from './pages.js';
export { lineChart, type ChartLine, type LineChartOptions } from './charts.js';
