/**
 * Charts (图表) drawn with ECharts and rendered on the server to inline SVG, so the report
 * needs no script and no network: yearly values against their targets, and household risk counts.
 */
import * as echarts from 'echarts';
import {
  formatValue,
  renderMessage,
  REPORT_WORDS as WORDS,
  type Lang,
  type RuleResult,
  type TargetSeries,
  type ValueUnit,
} from '@ruralkit/core';
import { esc } from './html.js';
import { HTML_REPORT_WORDS, htmlReportMessage } from './locales/index.js';
import { DUE_COLOUR, FONT_STACK, STATUS_COLOUR, TARGET_COLOUR } from './theme.js';

/** The chart as SVG; `adjust` may change the option once the axes are laid out (pixels known). */
function render(
  option: echarts.EChartsCoreOption,
  width: number,
  height: number,
  adjust?: (chart: echarts.ECharts) => echarts.EChartsCoreOption,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK }, ...option });
  if (adjust) chart.setOption(adjust(chart));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A numeric target of one subject: its result and the yearly values the evaluation read for it. */
interface NumericTarget {
  result: RuleResult;
  series: TargetSeries;
}

/** The results with a numeric `≥` target, each with its series, as the evaluation gives them. */
export function numericTargets(results: RuleResult[]): NumericTarget[] {
  return results.flatMap((result) => (result.series ? [{ result, series: result.series }] : []));
}

/** Units counted in whole numbers: their axes step by one at least. */
const WHOLE: readonly ValueUnit[] = ['count', 'persons'];

/** A value as a chart label, short enough for its point: `32万元`, `CNY 320k`, `87%`. */
function chartLabel(value: number, unit: ValueUnit, lang: Lang): string {
  if (unit !== 'CNY' || Math.abs(value) < 10000) return formatValue(value, unit, lang);
  return renderMessage(htmlReportMessage('chart.amount', { value }), HTML_REPORT_WORDS[lang]);
}

/**
 * What the chart's lines mean, below it rather than on it, so no label covers a point: the
 * dashed target line and the dotted due year.
 */
export function targetLegend({ result, series }: NumericTarget, lang: Lang): string {
  const due = result.due ? `<span class="due">${esc(WORDS.due[lang])} ${esc(result.due)}</span>` : '';
  return `<p class="legend"><span class="target">${esc(WORDS.target[lang])} ${esc(formatValue(series.target, series.unit, lang))}</span>${due}</p>`;
}

/**
 * Where the due date falls on the year axis (years at whole numbers, each a band one wide): 12-31
 * is the right edge of its year's band, so the line stays clear of that year's point and label.
 */
function dueOnAxis(due: string): number {
  const year = Number(due.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const day = (Date.parse(`${due.slice(0, 10)}T00:00:00Z`) - start) / 86_400_000 + 1;
  return year - 0.5 + day / ((Date.UTC(year + 1, 0, 1) - start) / 86_400_000);
}

/** One target's chart: yearly values, the target line and the due date. */
export function targetChart({ result, series }: NumericTarget, lang: Lang): string {
  const years = series.values.map((v) => v.year);
  const values = series.values.map((v) => v.value);
  const { unit } = series;
  const colour = STATUS_COLOUR[result.status];
  const format = (v: number) => chartLabel(v, unit, lang);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? first;
  const due = result.due ? dueOnAxis(result.due) : undefined;
  const observed = values.filter((v): v is number => v !== null);
  const ratio = unit === 'ratio';
  const low = Math.min(series.target, ...observed);
  return render(
    {
      grid: { left: 58, right: 24, top: 24, bottom: 26 },
      // A value axis, not categories, so that the due date can fall within its year.
      xAxis: {
        type: 'value',
        min: first - 0.5,
        max: last + 0.5,
        axisLabel: { fontSize: 11, customValues: years, formatter: String },
        axisTick: { customValues: years },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        ...(ratio ? { max: 1, min: Math.max(0, Math.floor((low - 0.05) * 10) / 10) } : { min: 0 }),
        ...(WHOLE.includes(unit) ? { minInterval: 1 } : {}),
        axisLabel: { fontSize: 10, formatter: (v: number) => (ratio ? `${Math.round(v * 100)}%` : format(v)) },
        splitLine: { lineStyle: { color: '#eeeeee' } },
      },
      series: [
        {
          type: 'line',
          data: series.values.map((v) => [v.year, v.value]),
          connectNulls: true,
          symbolSize: 6,
          lineStyle: { color: colour, width: 2 },
          itemStyle: { color: colour },
          label: {
            show: true,
            fontSize: 10,
            color: '#333',
            formatter: (p: { value: [number, number] }) => format(p.value[1]),
          },
          labelLayout: { hideOverlap: true },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { show: false },
            data: [
              { yAxis: series.target, lineStyle: { color: TARGET_COLOUR, type: 'dashed' } },
              ...(due !== undefined && due >= first - 0.5 && due <= last + 0.5
                ? [{ xAxis: due, lineStyle: { color: DUE_COLOUR, type: 'dotted' } }]
                : []),
            ],
          },
        },
      ],
    },
    320,
    190,
    (chart) => ({ series: [{ data: series.values.map((v) => labelledPoint(chart, v, series.target)) }] }),
  );
}

/**
 * A point with its label above it, or below it where above would sit on the target line: a
 * label above spans about 6 to 22 px over its point (symbol, gap and a 10 px line of text).
 */
function labelledPoint(chart: echarts.ECharts, { year, value }: TargetSeries['values'][number], target: number) {
  if (value === null) return [year, value];
  const y = (v: number) => chart.convertToPixel({ yAxisIndex: 0 }, v) as number;
  const above = y(value) - y(target);
  return { value: [year, value], label: { position: above > 5 && above < 23 ? 'bottom' : 'top' } };
}

/** Households by risk type, as bars (counts only). */
export function riskChart(entries: { name: string; count: number }[]): string {
  return render(
    {
      grid: { left: 120, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eeeeee' } } },
      yAxis: { type: 'category', inverse: true, data: entries.map((e) => e.name), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: entries.map((e) => e.count),
          barMaxWidth: 18,
          itemStyle: { color: '#8d6e63' },
          label: { show: true, position: 'right', fontSize: 11 },
        },
      ],
    },
    // Narrow enough for a phone's screen at full size.
    340,
    40 + entries.length * 30,
  );
}

/** A line of `lineChart`: its name and its points `[x, y]`. */
export interface ChartLine {
  name: string;
  points: [number, number][];
}

export interface LineChartOptions {
  lines: ChartLine[];
  /** The axes' names, with their units. */
  xName: string;
  yName: string;
  /** A logarithmic x axis, for sizes that grow tenfold. */
  xLog?: boolean;
  width?: number;
  height?: number;
}

/**
 * Lines over one x axis as SVG (折线图), with a legend: the report's charts drawn for any
 * measured figures, such as time per record against the number of records.
 */
export function lineChart({ lines, xName, yName, xLog = false, width = 480, height = 260 }: LineChartOptions): string {
  return render(
    {
      grid: { left: 64, right: 28, top: 36, bottom: 48 },
      legend: { top: 4, textStyle: { fontSize: 11 } },
      xAxis: {
        type: xLog ? 'log' : 'value',
        name: xName,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { fontSize: 10 },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        name: yName,
        min: 0,
        axisLabel: { fontSize: 10 },
        splitLine: { lineStyle: { color: '#eeeeee' } },
      },
      series: lines.map((line) => ({
        type: 'line',
        name: line.name,
        data: line.points,
        symbolSize: 6,
        label: { show: true, fontSize: 10, formatter: (p: { value: [number, number] }) => String(p.value[1]) },
      })),
    },
    width,
    height,
  );
}
