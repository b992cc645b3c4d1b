/**
 * One record at a time (逐条校验): a village or a household from a stream, validated with the
 * same schemas as `evaluate`'s input. A check compiled from the plan's indicators accepts a
 * valid record without running zod; only a record it rejects goes through zod, which names
 * every problem (subject, year, key and the record's line).
 */
import { amountProblem } from '../model/amounts.js';
import { InputError, type InputIssue } from '../model/errors.js';
import { idProblem } from '../model/ids.js';
import { isRealDate, type Indicator, type Plan } from '../model/schema.js';
import { duplicateIdIssue, structureIssues, toIssues } from './input-issues.js';
import { inInputYears, inputYears } from './input-years.js';
import {
  ID_KEYS,
  inputSchema,
  toHousehold,
  toVillage,
  type HouseholdInput,
  type ParsedHousehold,
  type ParsedVillage,
  type VillageInput,
} from './input.js';

type Check = (value: unknown) => boolean;

/** Four digits, read one by one (as `isRealDate` reads dates): faster than a regex here. */
function isYear(key: string): boolean {
  if (key.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an indicator's zod schema accepts of a value (one shape for every indicator). */
interface ValueSpec {
  type: Indicator['type'];
  min: number;
  max: number;
  /** An id (`id`, `villageId`) or an amount in yuan: bounded as `IdValueSchema` and `AmountSchema` bound them. */
  bound?: 'id' | 'amount';
}

type Years = ReturnType<typeof inputYears>;

function isValid(spec: ValueSpec, years: Years, v: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return typeof v === 'string' && isRealDate(v) && inInputYears(years, v);
    case 'string':
      return typeof v === 'string' && v.length > 0 && (spec.bound !== 'id' || idProblem(v) === undefined);
    case 'integer':
      return Number.isSafeInteger(v) && (v as number) >= spec.min && (v as number) <= spec.max;
    case 'number':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        v >= spec.min &&
        v <= spec.max &&
        (spec.bound !== 'amount' || amountProblem(v) === undefined)
      );
  }
}

/** How `def`'s values are bounded beyond their type, as `inputSchema` bounds them. */
function boundOf(def: Indicator): ValueSpec['bound'] {
  if (def.type === 'string' && ID_KEYS.has(def.key)) return 'id';
  return def.type === 'number' && def.unit === 'CNY' ? 'amount' : undefined;
}

/**
 * Whether `key`, met in a `for…in` over `value`, is its own. `Object.hasOwn` would be the same
 * test, but V8 optimizes only this form inside `for…in`.
 */
function isOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A strict object of indicator values: no unknown key, required keys present, every value valid. */
function objectCheck(defs: readonly Indicator[], years: Years, required: (d: Indicator) => boolean): Check {
  const specs = new Map(
    defs.map((d): [string, ValueSpec] => [
      d.key,
      { type: d.type, min: d.min ?? -Infinity, max: d.max ?? Infinity, bound: boundOf(d) },
    ]),
  );
  const requiredKeys = defs.filter(required).map((d) => d.key);
  return (value) => {
    if (!isRecord(value)) return false;
    for (const key of requiredKeys) if (value[key] === undefined) return false;
    for (const key in value) {
      if (!isOwn(value, key)) return false;
      const spec = specs.get(key);
      const v = value[key];
      if (!spec || (v !== undefined && !isValid(spec, years, v))) return false;
    }
    return true;
  };
}

interface RecordChecks {
  village: Check;
  household: Check;
}

const cache = new WeakMap<Plan, RecordChecks>();

/** The compiled checks of a plan's village and household records (built once per plan). */
function checksOf(plan: Plan): RecordChecks {
  let checks = cache.get(plan);
  if (checks) return checks;
  const of = (subject: Indicator['subject']) => plan.indicators.filter((d) => d.subject === subject);
  const years = inputYears(plan);
  const yearValues = objectCheck(of('village'), years, () => false);
  const attributes = objectCheck(of('village-attribute'), years, (d) => d.required === true);
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
  const isId = (v: unknown) => nonEmpty(v) && idProblem(v as string) === undefined;
  const village: Check = (value) => {
    if (!isRecord(value)) return false;
    let idChecked = false;
    for (const key in value) {
      if (!isOwn(value, key)) return false;
      const v = value[key];
      if (key === 'id') {
        if (!isId(v)) return false;
        idChecked = true;
      } else if (key === 'name') {
        if (v !== undefined && !nonEmpty(v)) return false;
      } else if (key === 'indicators') {
        if (v === undefined) continue;
        if (!isRecord(v)) return false;
        for (const year in v) {
          if (!isOwn(v, year) || !isYear(year) || !inInputYears(years, year) || !yearValues(v[year])) return false;
        }
      } else if (key !== 'attributes') return false;
    }
    return (idChecked || isId(value.id)) && attributes(value.attributes ?? {});
  };
  const household = objectCheck(
    of('household'),
    years,
    (d) => d.key === 'id' || d.key === 'villageId' || d.key === 'size',
  );
  checks = { village, household };
  cache.set(plan, checks);
  return checks;
}

/**
 * Validate `record` as one entry of `villages` or `households` with `evaluate`'s schema; throws
 * an `InputError` whose issues name the subject, year and key, and `line` when given.
 */
function parseRecord(plan: Plan, field: 'villages' | 'households', record: unknown, line?: number): unknown {
  const input = { [field]: [record] };
  const malformed = structureIssues(input);
  const result = malformed.length > 0 ? undefined : inputSchema(plan).safeParse(input);
  if (result?.success) return (result.data as Record<string, unknown[]>)[field]![0];
  const found = result ? result.error.issues.flatMap((issue) => toIssues(plan, input, issue)) : malformed;
  const issues = found.map((i): InputIssue => {
    // The path inside the record: the wrapping list is the stream, not the record.
    const located: InputIssue = { ...i, path: i.path.slice(2) };
    if (line !== undefined) located.line = line;
    return located;
  });
  throw new InputError(issues);
}

/** One village record (村数据), validated; `line` is named in the error when it is invalid. */
export function parseVillageRecord(plan: Plan, record: unknown, line?: number): ParsedVillage {
  const valid = checksOf(plan).village(record) ? record : parseRecord(plan, 'villages', record, line);
  return toVillage(plan, valid as VillageInput);
}

/** One household record (农户数据), validated; `line` is named in the error when it is invalid. */
export function parseHouseholdRecord(plan: Plan, record: unknown, line?: number): ParsedHousehold {
  const valid = checksOf(plan).household(record) ? record : parseRecord(plan, 'households', record, line);
  return toHousehold(valid as HouseholdInput);
}

/**
 * A check that each subject id of a stream comes once (编号唯一): call it with every valid
 * record's id; a repeated one throws an `InputError` naming the id, `line` and the line it was
 * first seen on.
 */
export function uniqueIds(type: 'village' | 'household'): (id: string, line?: number) => void {
  const seen = new Map<string, number | undefined>();
  return (id, line) => {
    if (seen.has(id)) {
      const first = seen.get(id);
      throw new InputError([duplicateIdIssue(type, id, ['id'], first === undefined ? null : { line: first }, line)]);
    }
    seen.set(id, line);
  };
}
