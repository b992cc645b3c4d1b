/**
 * The progress measure (进展评估) of a pending numeric target, after the ESCAP / Open SDG
 * method: the observed compound growth against the growth the target requires.
 */
import type { Progress, ProgressDetail } from './types.js';

export interface ProgressInput {
  /** Years with data, ascending. */
  years: readonly number[];
  /** The observation of a year, when there is one. */
  observe: (year: number) => number | undefined;
  target: number;
  /** Observations from this year on count (the year before the plan's start). */
  fromYear: number;
  /** Observations up to this year count (the as-of year). */
  toYear: number;
  dueYear: number;
}

/** on-track ≥ 0.95 > needs-acceleration ≥ 0.6 > off-track ≥ 0 > deteriorating. */
export function measureProgress(input: ProgressInput): { progress: Progress; detail?: ProgressDetail } {
  const { years, observe, target, fromYear, toYear, dueYear } = input;
  let base: { year: number; value: number } | undefined;
  let current: { year: number; value: number } | undefined;
  for (const year of years) {
    if (year < fromYear || year > toYear) continue;
    const value = observe(year);
    if (value === undefined) continue;
    base ??= { year, value };
    current = { year, value };
  }
  if (!base || !current || target <= 0 || current.year <= base.year || base.value <= 0) {
    return { progress: 'unknown' };
  }
  const detail: ProgressDetail = { base, current, target, dueYear };
  if (base.value >= target) return { progress: 'deteriorating', detail };
  const cagrObserved = (current.value / base.value) ** (1 / (current.year - base.year)) - 1;
  const cagrRequired = (target / base.value) ** (1 / (dueYear - base.year)) - 1;
  const ratio = cagrObserved / Math.abs(cagrRequired);
  const progress: Progress =
    ratio >= 0.95 ? 'on-track' : ratio >= 0.6 ? 'needs-acceleration' : ratio >= 0 ? 'off-track' : 'deteriorating';
  return { progress, detail: { ...detail, cagrObserved, cagrRequired, ratio } };
}
