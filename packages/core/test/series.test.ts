// A numeric target's result carries the yearly values the evaluation read and its target line,
// so presenters draw from the result and never re-read the input.
import { describe, expect, it } from 'vitest';
import { evaluate, getPlan, ReportSchema } from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const report = evaluate(plan, example, { asOf: '2025-12-31' });
const resultOf = (subject: string, rule: string) =>
  report.results.find((r) => r.subject.id === subject && r.ruleId === rule)!;

describe('target series', () => {
  it('gives a threshold rule the key’s value in each year from the year before the plan, and its target', () => {
    const { series } = resultOf('liuyang', 'infrastructure.tap-water');
    const indicators = example.villages!.find((v) => v.id === 'liuyang')!.indicators!;
    expect(series).toMatchObject({ key: 'tapWaterRate', unit: 'ratio', target: 0.9 });
    expect(series!.values.map((v) => v.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const { year, value } of series!.values) {
      expect(value).toBe((indicators[String(year)]?.tapWaterRate as number | undefined) ?? null);
    }
  });

  it('computes a derived ratio year by year', () => {
    const withRatio = report.results.find(
      (r) => r.series && plan.rules.find((rule) => rule.id === r.ruleId)?.derived[r.series.key]?.op === 'ratio',
    );
    expect(withRatio).toBeDefined();
    const derived = plan.rules.find((r) => r.id === withRatio!.ruleId)!.derived[withRatio!.series!.key]!;
    expect(derived.op).toBe('ratio');
    const point = withRatio!.series!.values.find((v) => v.value !== null)!;
    expect(point.value).toBeGreaterThan(0);
  });

  it('is absent where a rule has no numeric target, and the report still matches its schema', () => {
    expect(report.results.filter((r) => r.series).length).toBeGreaterThan(0);
    for (const r of report.results.filter((r) => r.series)) {
      const [key, expected] = Object.entries(r.expected)[0]!;
      expect(r.series!.key).toBe(key);
      expect(expected.operator).toBe('greaterThanInclusive');
    }
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });
});
