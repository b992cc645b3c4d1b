/**
 * Wording (措辞) of results: values formatted by unit, message templates filled in Chinese and
 * English. Placeholders: `{subject}`, `{year}`, `{due}`, `{v:key}` (a value the rule read or
 * derived) and `{p:parameterId}` (a parameter in force).
 */
import type { DerivedFact, Indicator, LocalizedText } from '../model/schema.js';
import { EVALUATION_WORDS } from './locales/index.js';

export type Lang = 'zh' | 'en';

/** How a value is written: ratios as percentages, money with separators, yes/no for flags. */
/** The units values are written in. */
export const VALUE_UNITS = Object.freeze([
  'ratio',
  'CNY',
  'count',
  'persons',
  'date',
  'none',
  'days',
  'working days',
  'months',
] as const);
export type ValueUnit = (typeof VALUE_UNITS)[number];

/**
 * A value in its unit. With `against` (the value it was compared with), a number gets the
 * decimals needed to tell the two apart: 0.8999 against 0.9 is 89.99%, never 90%.
 */
export function formatValue(value: unknown, unit: ValueUnit, lang: Lang, against?: unknown): string {
  const words = EVALUATION_WORDS[lang];
  if (value === undefined || value === null) return words['value.none']({});
  if (typeof value === 'boolean') return words['value.boolean']({ value });
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'ratio':
      return `${round(value * 100, decimalsApart(value * 100, against, 100, 1))}%`;
    case 'CNY':
      return words['value.cny']({ money: grouped(value, decimalsApart(value, against, 1, 2)) });
    case 'days':
      return words['value.days']({ value });
    case 'working days':
      return words['value.working-days']({ value });
    case 'months':
      return words['value.months']({ value });
    default:
      return grouped(value, decimalsApart(value, against, 1, 2));
  }
}

/** The most decimals a figure is written with to tell it apart from what it was compared with. */
const MAX_DECIMALS = 10;

/**
 * The decimals (at least `base`) at which `shown` and `against × scale` round to different
 * figures; `base` when they are equal or `against` is not a number.
 */
function decimalsApart(shown: number, against: unknown, scale: number, base: number): number {
  if (typeof against !== 'number' || !Number.isFinite(against)) return base;
  const other = against * scale;
  if (shown === other) return base;
  let decimals = base;
  while (decimals < MAX_DECIMALS && round(shown, decimals) === round(other, decimals)) decimals++;
  return decimals;
}

/** The unit a key is written in: its indicator's, or that of the derived fact's inputs. */
export function unitOfKey(
  indicator: (key: string) => Indicator | undefined,
  key: string,
  derived: readonly [string, DerivedFact][],
): ValueUnit {
  const def = indicator(key);
  if (def) return def.unit;
  const found = derived.find(([name]) => name === key)?.[1];
  if (found?.op === 'ratio') return unitOfKey(indicator, found.numerator, derived) === 'CNY' ? 'CNY' : 'ratio';
  if (found?.op === 'growth') return 'ratio';
  if (found) return unitOfKey(indicator, found.of, derived);
  return 'none';
}

/** `n` rounded to `decimals`, trailing zeros dropped. */
function round(n: number, decimals: number): string {
  if (decimals === 1) return String(Math.round(n * 10) / 10);
  return String(Number(n.toFixed(decimals)));
}

/** `toLocaleString('en-US')`, with the formatter made once rather than per call. */
const EN_US = new Intl.NumberFormat('en-US');

/** `12,345.67`: rounded to cents (or `decimals`), thousands separated as `en-US` writes them. */
function grouped(n: number, decimals = 2): string {
  if (decimals > 2) return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(n);
  const cents = Math.round(n * 100);
  // Below 1 and from a trillion on (and negatives), the formatter; else the same text, faster.
  if (!(cents >= 100 && cents < 1e14)) return EN_US.format(cents / 100);
  const fraction = cents % 100;
  const digits = String((cents - fraction) / 100);
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  if (fraction === 0) return text;
  return `${text}.${fraction < 10 ? '0' : ''}${fraction % 10 === 0 ? fraction / 10 : fraction}`;
}

/** What a template may refer to. */
export interface TemplateValues {
  subject: LocalizedText;
  year?: number | undefined;
  due?: string | undefined;
  value: (key: string, lang: Lang) => string;
  parameter: (id: string, lang: Lang) => string;
}

/** A template's text split at its placeholders: text, placeholder name, text, … (made once per template). */
const templateParts = new Map<string, string[]>();

/** What a placeholder may be: `{subject}`, `{year}`, `{due}`, `{v:key}`, `{p:parameterId}`. */
const PLACEHOLDER = /\{(subject|year|due|v:[^}]+|p:[^}]+)\}/;

/** A template split at its placeholders: text, placeholder name (`v:tapWaterRate`), text, … */
export function splitTemplate(template: string): string[] {
  return template.split(PLACEHOLDER);
}

/** Fill a template; an unknown placeholder is left visible so a broken template shows. */
export function fillTemplate(template: string, lang: Lang, values: TemplateValues): string {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = splitTemplate(template)));
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) text += placeholder(parts[i]!, lang, values) + parts[i + 1]!;
  return text;
}

function placeholder(name: string, lang: Lang, values: TemplateValues): string {
  if (name === 'subject') return values.subject[lang];
  if (name === 'year') return values.year === undefined ? `{${name}}` : String(values.year);
  if (name === 'due') return values.due ?? `{${name}}`;
  if (name.startsWith('v:')) return values.value(name.slice(2), lang);
  return values.parameter(name.slice(2), lang);
}
