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
  unitOfKey,
  type EvaluationInput,
  type Lang,
  type Plan,
  type Report,
  type RuleResult,
  type ValueUnit,
  type YearlyValues,
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

/** A numeric target of one subject: the key compared, its unit and the target value. */
interface NumericTarget {
  result: RuleResult;
  key: string;
  target: number;
  unit: ValueUnit;
  values: (number | null)[];
}

/** The yearly values of `key` for a subject; a ratio fact is computed from its two indicators. */
function seriesOf(plan: Plan, result: RuleResult, key: string, data: YearlyValues, years: number[]) {
  const rule = plan.rules.find((r) => r.id === result.ruleId);
  const derived = rule?.derived[key];
  return years.map((year) => {
    const record = data[String(year)] ?? {};
    if (derived?.op === 'ratio') {
      const [n, d] = [record[derived.numerator], record[derived.denominator]];
      return typeof n === 'number' && typeof d === 'number' && d !== 0 ? n / d : null;
    }
    const value = record[key];
    return typeof value === 'number' ? value : null;
  });
}

/** The subject's yearly data as the input gave it (the district's indicators and reference values together). */
function dataOf(input: EvaluationInput, result: RuleResult): YearlyValues {
  if (result.subject.type === 'village') {
    return input.villages?.find((v) => v.id === result.subject.id)?.indicators ?? {};
  }
  const district = input.district ?? {};
  const years = new Set([...Object.keys(district.indicators ?? {}), ...Object.keys(district.reference ?? {})]);
  return Object.fromEntries([...years].map((y) => [y, { ...district.indicators?.[y], ...district.reference?.[y] }]));
}

/** The years a chart spans: the year before the plan's start to its last year. */
export function chartYears(plan: Plan): number[] {
  const first = Number(plan.period.start.slice(0, 4)) - 1;
  const last = Number(plan.period.end.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The numeric `≥` targets among a subject's results, with their yearly values. */
export function numericTargets(plan: Plan, input: EvaluationInput, results: RuleResult[]): NumericTarget[] {
  const years = chartYears(plan);
  const targets: NumericTarget[] = [];
  for (const result of results) {
    const entries = Object.entries(result.expected);
    if (entries.length !== 1) continue;
    const [key, expected] = entries[0]!;
    if (expected.operator !== 'greaterThanInclusive' || typeof expected.value !== 'number') continue;
    const derived = Object.entries(plan.rules.find((r) => r.id === result.ruleId)?.derived ?? {});
    const unit = unitOfKey((k) => plan.indicators.find((d) => d.key === k), key, derived);
    targets.push({
      result,
      key,
      target: expected.value,
      unit,
      values: seriesOf(plan, result, key, dataOf(input, result), years),
    });
  }
  return targets;
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
export function targetLegend(target: NumericTarget, lang: Lang): string {
  const due = target.result.due ? `<span class="due">${esc(WORDS.due[lang])} ${esc(target.result.due)}</span>` : '';
  return `<p class="legend"><span class="target">${esc(WORDS.target[lang])} ${esc(formatValue(target.target, target.unit, lang))}</span>${due}</p>`;
}

/** One target's chart: yearly values, the target line and the due year. */
export function targetChart(plan: Plan, target: NumericTarget, lang: Lang): string {
  const years = chartYears(plan).map(String);
  const { result, unit } = target;
  const colour = STATUS_COLOUR[result.status];
  const format = (v: number) => chartLabel(v, unit, lang);
  const dueYear = result.due?.slice(0, 4);
  const observed = target.values.filter((v): v is number => v !== null);
  const ratio = unit === 'ratio';
  const low = Math.min(target.target, ...observed);
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
          data: target.values,
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
              { yAxis: target.target, lineStyle: { color: TARGET_COLOUR, type: 'dashed' } },
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
