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
  let key: string | undefined;
  for (const k in expected) {
    if (key !== undefined) return undefined;
    key = k;
  }
  const target = key === undefined ? undefined : expected[key]!;
  if (!target || target.operator !== 'greaterThanInclusive' || typeof target.value !== 'number') return undefined;
  const derived = rule.derived[key!];
  const number = (k: string, year: number) => {
    const value = ctx.value(data, k, year, true);
    return typeof value === 'number' ? value : null;
  };
  const values: TargetSeries['values'] = [];
  for (let year = ctx.firstYear - 1; year <= ctx.lastYear; year++) {
    let value: number | null;
    // Years after the as-of date's are not known yet: the axis runs on, the values stop.
    if (year > ctx.asOfYear) value = null;
    else if (derived?.op === 'ratio') {
      const [n, d] = [number(derived.numerator, year), number(derived.denominator, year)];
      value = n !== null && d !== null && d !== 0 ? n / d : null;
    } else value = number(key!, year);
    values.push({ year, value });
  }
  // A rule's target key is the same for every subject: its unit is worked out once.
  const unit = ctx.memo(rule, () =>
    unitOfKey((k) => ctx.compiled.indicators.get(k), key!, Object.entries(rule.derived)),
  );
  return { key: key!, unit, target: target.value, values };
}
