/**
 * How evaluation values read for a person (评估措辞): indicator names, values in their units,
 * parameters as in force on a date, and why a derived fact could not be computed. The context
 * reads values; the words for them are here.
 */
import type { DerivedFact, Indicator, LocalizedText, Parameter } from '../model/schema.js';
import type { ParameterUse } from './types.js';
import { formatValue, unitOfKey, type Lang } from './format.js';
import { EVALUATION_WORDS } from './locales/index.js';
import { formatParameterValue } from './names.js';

/** What the words read of the evaluation context (EvalContext): indicators and parameters in force. */
export interface WordingContext {
  readonly compiled: { readonly indicators: ReadonlyMap<string, Indicator> };
  parameter(id: string, date: string): ParameterUse;
}

/** An indicator's name in `lang`, or its key when the plan does not name it. */
export function indicatorName(ctx: WordingContext, key: string, lang: Lang): string {
  return ctx.compiled.indicators.get(key)?.name[lang] ?? key;
}

/**
 * A value written for a person, in the unit of its key (an indicator's, or a derived fact's);
 * `against`, the value it was compared with, sets the decimals needed to tell them apart.
 */
export function formatKey(
  ctx: WordingContext,
  key: string,
  value: unknown,
  derived: readonly [string, DerivedFact][],
  lang: Lang,
  against?: unknown,
): string {
  return formatValue(
    value,
    unitOfKey((k) => ctx.compiled.indicators.get(k), key, derived),
    lang,
    against,
  );
}

/** A parameter's value in force on `date`, in its unit. */
export function formatParameterAt(ctx: WordingContext, id: string, date: string, lang: Lang): string {
  const use = ctx.parameter(id, date);
  return formatParameterValue(use.value, use.unit as Parameter['unit'], lang);
}

/** Why a ratio could not be computed: its denominator is 0. */
export function zeroDenominator(ctx: WordingContext, key: string): LocalizedText {
  const say = (lang: Lang) =>
    EVALUATION_WORDS[lang]['derived.zero-denominator']({ name: indicatorName(ctx, key, lang) });
  return { zh: say('zh'), en: say('en') };
}

/** Why growth could not be computed: the base year's value is 0. */
export function zeroBase(ctx: WordingContext, key: string, baseYear: number): LocalizedText {
  const say = (lang: Lang) =>
    EVALUATION_WORDS[lang]['derived.zero-base']({ name: indicatorName(ctx, key, lang), baseYear });
  return { zh: say('zh'), en: say('en') };
}
