/**
 * The years an input may hold (输入年份): data and dates from 2000 to ten years after the plan's
 * end, read by the input schema, the record check and the wording of their problems.
 */
import type { Plan } from '../model/schema.js';

/** The first year an input may hold: no data of the plans reaches further back. */
export const FIRST_INPUT_YEAR = 2000;

/**
 * The years an input's data and dates may fall in: from 2000 to ten years after the plan's
 * end (later data is kept but ignored, as the catalog says). Year 0, 0000-01-01 or 9999 are typing
 * mistakes, refused rather than read as old or future data.
 */
export function inputYears(plan: Plan): { first: number; last: number } {
  return { first: FIRST_INPUT_YEAR, last: Number(plan.period.end.slice(0, 4)) + 10 };
}

/** Whether the year of `YYYY-MM-DD` or `YYYY` is in `inputYears(plan)`. */
export function inInputYears(years: { first: number; last: number }, value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= years.first && year <= years.last;
}
