/**
 * The values of a result written for a person (结果数值): what was observed and what the rule
 * required, each in its unit, for tables in reports and spreadsheets.
 */
import type { Plan } from '../model/schema.js';
import { formatValue, unitOfKey, type Lang } from './format.js';
import { EVALUATION_WORDS } from './locales/index.js';
import type { RuleResult } from './types.js';

/** The signs of the operators compared (a date's "on or before" is said in words). */
const SIGN: Readonly<Record<string, string>> = {
  greaterThanInclusive: '≥',
  greaterThan: '>',
  lessThanInclusive: '≤',
  lessThan: '<',
  equal: '=',
  notEqual: '≠',
};

/**
 * The actual and expected values of the keys a result compared, e.g. `87%（2025）` and `≥ 90%`.
 * When a result compared several keys, each value is named by its indicator:
 * `专项经费：是（2021）；专业队伍：是（2022）`.
 */
export function resultValues(plan: Plan, result: RuleResult, lang: Lang): { actual: string; expected: string } {
  const rule = plan.rules.find((r) => r.id === result.ruleId);
  const derived = Object.entries(rule?.derived ?? {});
  const indicator = (key: string) => plan.indicators.find((d) => d.key === key);
  const words = EVALUATION_WORDS[lang];
  const actual: string[] = [];
  const expected: string[] = [];
  const entries = Object.entries(result.expected);
  for (const [key, want] of entries) {
    const unit = unitOfKey(indicator, key, derived);
    const seen = result.actual[key];
    const name = indicator(key)?.name[lang] ?? key;
    // several keys' values are each named by their indicator
    const named = (value: string) => (entries.length > 1 ? words['judgement.fact']({ name, value }) : value);
    const year = seen?.year === undefined ? '' : words['value.year']({ year: seen.year });
    actual.push(named(`${formatValue(seen?.value, unit, lang)}${year}`));
    const op =
      want.operator === 'dateOnOrBefore' ? words['value.on-or-before']({}) : (SIGN[want.operator] ?? want.operator);
    expected.push(named(`${op} ${formatValue(want.value, unit, lang)}`));
  }
  const sep = words['value.separator']({});
  return { actual: actual.join(sep), expected: expected.join(sep) };
}
