/**
 * The yearly values a numeric target reads (目标年度序列): for a result whose one expected value
 * is `key ≥ target`, the key's value in each year from the year before the plan's start to its
 * last year, with the target line. Presenters (the HTML report's charts) draw from it, never
 * from the input.
 */
import type { EvalContext, SubjectData } from './context.js';
import { unitOfKey } from './format.js';
import type { ExpectedValue, TargetSeries } from './types.js';
import type { Rule } from '../model/schema.js';

/** The series of `expected`'s one numeric `≥` target, or undefined when it has none. */
export function targetSeries(
  ctx: EvalContext,
  rule: Rule,
  data: SubjectData,
  expected: Readonly<Record<string, ExpectedValue>>,
): TargetSeries | undefined {
  const entries = Object.entries(expected);
  if (entries.length !== 1) return undefined;
  const [key, target] = entries[0]!;
  if (target.operator !== 'greaterThanInclusive' || typeof target.value !== 'number') return undefined;
  const derived = rule.derived[key];
  const number = (k: string, year: number) => {
    const value = ctx.value(data, k, year, true);
    return typeof value === 'number' ? value : null;
  };
  const valueIn = (year: number): number | null => {
    if (derived?.op !== 'ratio') return number(key, year);
    const [n, d] = [number(derived.numerator, year), number(derived.denominator, year)];
    return n !== null && d !== null && d !== 0 ? n / d : null;
  };
  const first = ctx.firstYear - 1;
  return {
    key,
    unit: unitOfKey((k) => ctx.compiled.indicators.get(k), key, Object.entries(rule.derived)),
    target: target.value,
    values: Array.from({ length: ctx.lastYear - first + 1 }, (_, i) => ({
      year: first + i,
      value: valueIn(first + i),
    })),
  };
}
