/**
 * Amounts of money (金额: incomes, funds), in yuan: finite, at most 1,000,000,000,000 (一万亿)
 * either way, and in whole fen (at most two decimals), so 1e308 or 5e-324 are typing or program
 * mistakes, refused, never summed into a report.
 */
import { z } from 'zod';
import { refineWith } from './localized-issue.js';
import { MODEL_WORDS } from './locales/index.js';
import { modelMessage } from './locales/messages.js';
import { localized, type Message } from './message.js';
import type { LocalizedText } from './schema.js';

/** The largest amount, in yuan, either way. */
export const MAX_AMOUNT_CNY = 1e12;

/** Why `value` cannot be an amount in yuan, as a message, or undefined when it can. */
function amountCheck(value: number): Message | undefined {
  if (!Number.isFinite(value)) return undefined; // zod's own number check names NaN and Infinity
  if (Math.abs(value) > MAX_AMOUNT_CNY) return modelMessage('amount.beyond-limit', {});
  const fen = value * 100;
  if (
    Math.abs(fen - Math.round(fen)) > Math.max(1e-6, Math.abs(fen) * 1e-15) ||
    (value !== 0 && Math.abs(value) < 0.01)
  ) {
    return modelMessage('amount.whole-fen', {});
  }
  return undefined;
}

/** Why `value` cannot be an amount in yuan, or undefined when it can. */
export function amountProblem(value: number): LocalizedText | undefined {
  const problem = amountCheck(value);
  return problem && localized(problem, MODEL_WORDS);
}

/** An amount in yuan in a zod schema. */
export const AmountSchema = z.number().superRefine(refineWith(amountCheck, MODEL_WORDS.en));
