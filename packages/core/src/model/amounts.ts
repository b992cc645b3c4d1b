/**
 * Amounts of money (金额: incomes, funds), in yuan: finite, at most 1,000,000,000,000 (一万亿)
 * either way, and in whole fen (at most two decimals), so 1e308 or 5e-324 are typing or program
 * mistakes, refused, never summed into a report.
 */
import { z } from 'zod';
import { refineWith } from './localized-issue.js';
import type { LocalizedText } from './schema.js';

/** The largest amount, in yuan, either way. */
export const MAX_AMOUNT_CNY = 1e12;

/** Why `value` cannot be an amount in yuan, or undefined when it can. */
export function amountProblem(value: number): LocalizedText | undefined {
  if (!Number.isFinite(value)) return undefined; // zod's own number check names NaN and Infinity
  if (Math.abs(value) > MAX_AMOUNT_CNY) {
    return {
      zh: '金额超过一万亿（1,000,000,000,000）元上限',
      en: 'the amount is beyond the limit of 1,000,000,000,000 CNY',
    };
  }
  const fen = value * 100;
  if (
    Math.abs(fen - Math.round(fen)) > Math.max(1e-6, Math.abs(fen) * 1e-15) ||
    (value !== 0 && Math.abs(value) < 0.01)
  ) {
    return { zh: '金额以元计，最多两位小数（到分）', en: 'an amount is in yuan with at most two decimals (whole fen)' };
  }
  return undefined;
}

/** An amount in yuan in a zod schema. */
export const AmountSchema = z.number().superRefine(refineWith(amountProblem));
