/**
 * Reading a value as a person writes it (取值规则), one set of rules for every input form: a
 * spreadsheet cell, a YAML or JSON file. `87%` in a ratio is 0.87, 是/否 a boolean, `1,200` a
 * number, `2022年3月1日` a date. Ranges and types are checked afterwards by the input schema.
 */
import type { Indicator, LocalizedText, Plan } from '../model/schema.js';
import { said } from './locales/index.js';

/** A value read: the value, or why it could not be read. */
export type ValueReading = { value: unknown } | { error: LocalizedText };

/** What a value is read as: an indicator's type and unit. */
export type ValueKind = Pick<Indicator, 'type' | 'unit'>;

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

/**
 * Read `content` (a string, number, boolean or date, trimmed) as a value of `kind`. A number in
 * a ratio of 2 or more is read as a percentage (87 → 0.87), as a spreadsheet's percentage column
 * shows it; a date number is Excel's day count.
 */
export function readValue(kind: ValueKind, content: unknown): ValueReading {
  switch (kind.type) {
    case 'boolean':
      return readBoolean(content);
    case 'date':
      return readDate(content);
    case 'string':
      return { value: content instanceof Date ? isoDate(content) : String(content) };
    default:
      return readNumber(content, kind.unit === 'ratio');
  }
}

/**
 * The input with each text value of a number, boolean or date indicator read by `readValue`
 * (`tapWaterRate: 87%` → 0.87, `hasBroadband: 是` → true), for input typed by a person in YAML
 * or JSON. Numbers are left as they are (87 in a ratio stays 87, and is refused as out of range);
 * a text that cannot be read is left for the input schema to refuse, naming where it is.
 */
export function readTextValues(plan: Plan, input: unknown): unknown {
  const kinds = new Map(plan.indicators.filter((d) => d.type !== 'string').map((d) => [d.key, d]));
  const values = (record: unknown): unknown => {
    if (!isRecord(record)) return record;
    return Object.fromEntries(
      Object.entries(record).map(([key, value]) => {
        const kind = kinds.get(key);
        if (!kind || typeof value !== 'string') return [key, value];
        const reading = readValue(kind, value.normalize('NFKC').trim());
        return [key, 'value' in reading ? reading.value : value];
      }),
    );
  };
  const yearly = (byYear: unknown) =>
    isRecord(byYear) ? Object.fromEntries(Object.entries(byYear).map(([year, v]) => [year, values(v)])) : byYear;
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = { ...input };
  if (isRecord(input.district)) {
    const district: Record<string, unknown> = { ...input.district };
    if ('indicators' in district) district.indicators = yearly(district.indicators);
    if ('reference' in district) district.reference = yearly(district.reference);
    out.district = district;
  }
  if (Array.isArray(input.villages)) {
    out.villages = input.villages.map((village: unknown) => {
      if (!isRecord(village)) return village;
      const read: Record<string, unknown> = { ...village };
      if ('attributes' in read) read.attributes = values(read.attributes);
      if ('indicators' in read) read.indicators = yearly(read.indicators);
      return read;
    });
  }
  if (Array.isArray(input.households)) out.households = input.households.map(values);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBoolean(content: unknown): ValueReading {
  if (typeof content === 'boolean') return { value: content };
  const text = String(content).toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { error: said('text.expected-yes-no', {}) };
}

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TEXT = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

function readDate(content: unknown): ValueReading {
  if (content instanceof Date) return { value: isoDate(content) };
  if (typeof content === 'number' && Number.isInteger(content) && content > 0 && content < 2958466) {
    return { value: isoDate(new Date(EXCEL_EPOCH_MS + content * 86_400_000)) };
  }
  for (const pattern of DATE_TEXT) {
    const m = pattern.exec(String(content));
    // An impossible day (2023-02-30) passes here: the input schema names it.
    if (m) return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
  }
  return { error: said('text.not-a-date', {}) };
}

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number; in a ratio `87%` is 0.87, and so is a plain 87: a number of 2 or more (or −2 or
 * less) there is read as a percentage. 1.2 is left as it is, and rejected as out of range.
 */
function readNumber(content: unknown, ratio: boolean): ValueReading {
  let n: number;
  let percent = false;
  if (typeof content === 'number') n = content;
  else {
    // Blanks around a number and before its % are a typing habit; blanks inside it ("3 4") are
    // a mistake, never two digits run together.
    let text = String(content).trim();
    if (ratio && text.endsWith('%')) {
      percent = true;
      text = text.slice(0, -1).trimEnd();
    }
    if (GROUPED.test(text)) text = text.replace(/,/g, '');
    if (!PLAIN.test(text)) return { error: said('text.not-a-number', {}) };
    n = Number(text);
  }
  if (ratio && (percent || Math.abs(n) >= 2)) n = Number((n / 100).toPrecision(15));
  return { value: n };
}

/** `YYYY-MM-DD` of a date (midnight UTC). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
