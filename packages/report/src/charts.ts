/**
 * Charts (图表) drawn with ECharts and rendered on the server to inline SVG, so the report
 * needs no script and no network: yearly values against their targets, the status matrix of
 * villages and rules, and household risk counts.
 */
import * as echarts from 'echarts';
import {
  formatValue,
  REPORT_WORDS as WORDS,
  STATUSES,
  STATUS_LABEL,
  type Lang,
  type Report,
  type RuleResult,
  type TargetSeries,
  type ValueUnit,
} from '@ruralkit/core';
import { esc } from './html.js';
import { DUE_COLOUR, FONT_STACK, STATUS_COLOUR, TARGET_COLOUR } from './theme.js';

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK }, ...option });
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
  return lang === 'zh' ? `${Math.round(value / 1000) / 10}万元` : `CNY ${Math.round(value / 1000)}k`;
}

/**
 * What the chart's lines mean, below it rather than on it, so no label covers a point: the
 * dashed target line and the dotted due year.
 */
export function targetLegend({ result, series }: NumericTarget, lang: Lang): string {
  const due = result.due ? `<span class="due">${esc(WORDS.due[lang])} ${esc(result.due)}</span>` : '';
  return `<p class="legend"><span class="target">${esc(WORDS.target[lang])} ${esc(formatValue(series.target, series.unit, lang))}</span>${due}</p>`;
}

/** One target's chart: yearly values, the target line and the due year. */
export function targetChart({ result, series }: NumericTarget, lang: Lang): string {
  const years = series.values.map((v) => String(v.year));
  const values = series.values.map((v) => v.value);
  const { unit } = series;
  const colour = STATUS_COLOUR[result.status];
  const format = (v: number) => chartLabel(v, unit, lang);
  const dueYear = result.due?.slice(0, 4);
  const observed = values.filter((v): v is number => v !== null);
  const ratio = unit === 'ratio';
  const low = Math.min(series.target, ...observed);
  return render(
    {
      grid: { left: 58, right: 24, top: 24, bottom: 26 },
      xAxis: { type: 'category', data: years, axisLabel: { fontSize: 11 } },
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
          data: values,
          connectNulls: true,
          symbolSize: 6,
          lineStyle: { color: colour, width: 2 },
          itemStyle: { color: colour },
          label: { show: true, fontSize: 10, color: '#333', formatter: (p: { value: number }) => format(p.value) },
          labelLayout: { hideOverlap: true },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { show: false },
            data: [
              { yAxis: series.target, lineStyle: { color: TARGET_COLOUR, type: 'dashed' } },
              ...(dueYear && years.includes(dueYear)
                ? [{ xAxis: dueYear, lineStyle: { color: DUE_COLOUR, type: 'dotted' } }]
                : []),
            ],
          },
        },
      ],
    },
    320,
    190,
  );
}

/** Every rule (rows) in every village and the district (columns), coloured by status. */
export function statusMatrix(report: Report, lang: Lang): string {
  const subjects = [...new Map(report.results.map((r) => [`${r.subject.type}:${r.subject.id}`, r.subject])).values()];
  const ruleIds = [...new Set(report.results.map((r) => r.ruleId))];
  const names = ruleIds.map((id) => report.results.find((r) => r.ruleId === id)!.ruleName[lang]);
  const keyOf = (r: RuleResult) => `${r.subject.type}:${r.subject.id}`;
  const columns = subjects.map((s) => `${s.type}:${s.id}`);
  const data = report.results.map((r) => [
    columns.indexOf(keyOf(r)),
    ruleIds.indexOf(r.ruleId),
    STATUSES.indexOf(r.status),
  ]);
  const height = 90 + ruleIds.length * 22;
  return render(
    {
      grid: { left: lang === 'zh' ? 190 : 280, right: 20, top: 60, bottom: 10 },
      xAxis: {
        type: 'category',
        position: 'top',
        data: subjects.map((s) => (s.type === 'district' ? WORDS.district[lang] : s.name[lang])),
        axisLabel: { fontSize: 12, fontWeight: 'bold', interval: 0 },
        axisTick: { show: false },
        axisLine: { show: false },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: { fontSize: 11, interval: 0 },
        axisTick: { show: false },
        axisLine: { show: false },
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        top: 0,
        left: 'center',
        dimension: 2,
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { fontSize: 11 },
        pieces: STATUSES.map((s, i) => ({ value: i, label: STATUS_LABEL[s][lang], color: STATUS_COLOUR[s] })),
      },
      series: [
        {
          type: 'heatmap',
          data,
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          label: {
            show: true,
            fontSize: 10,
            color: '#ffffff',
            formatter: (p: { value: number[] }) => STATUS_LABEL[STATUSES[p.value[2]!]!][lang],
          },
        },
      ],
    },
    Math.max(520, (lang === 'zh' ? 190 : 280) + subjects.length * 110),
    height,
  );
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
