/**
 * Charts (图表) drawn with ECharts and rendered on the server to inline SVG, so the report
 * needs no script and no network: yearly values against their targets, the status matrix of
 * villages and rules, and household risk counts.
 */
import * as echarts from 'echarts';
import {
  formatValue,
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
import { WORDS } from './words.js';
import { FONT_STACK, STATUS_COLOUR } from './theme.js';

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

/** One target's chart: yearly values, the target line and the due year. */
export function targetChart(plan: Plan, target: NumericTarget, lang: Lang): string {
  const years = chartYears(plan).map(String);
  const { result, unit } = target;
  const colour = STATUS_COLOUR[result.status];
  const format = (v: number) => formatValue(v, unit, lang);
  const dueYear = result.due?.slice(0, 4);
  const observed = target.values.filter((v): v is number => v !== null);
  const ratio = unit === 'ratio';
  const low = Math.min(target.target, ...observed);
  return render(
    {
      grid: { left: 58, right: 30, top: 34, bottom: 26 },
      xAxis: { type: 'category', data: years, axisLabel: { fontSize: 11 } },
      yAxis: {
        type: 'value',
        ...(ratio ? { max: 1, min: Math.max(0, Math.floor((low - 0.05) * 10) / 10) } : { min: 0 }),
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
          markLine: {
            symbol: 'none',
            silent: true,
            data: [
              {
                yAxis: target.target,
                lineStyle: { color: '#c62828', type: 'dashed' },
                label: {
                  formatter: `${WORDS.target[lang]} ${format(target.target)}`,
                  position: 'insideStartTop',
                  fontSize: 10,
                  color: '#c62828',
                },
              },
              ...(dueYear && years.includes(dueYear)
                ? [
                    {
                      xAxis: dueYear,
                      lineStyle: { color: '#555555', type: 'dotted' },
                      label: {
                        formatter: `${WORDS.due[lang]} ${result.due}`,
                        position: 'end',
                        fontSize: 10,
                        color: '#555',
                      },
                    },
                  ]
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
    420,
    40 + entries.length * 30,
  );
}
