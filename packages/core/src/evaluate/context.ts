/**
 * The evaluation context (评估上下文): the compiled plan, the as-of date, and lookups of values
 * and parameters shared by rule judging and household screening; `wording.ts` writes them for people.
 */
import { zeroBase, zeroDenominator } from './wording.js';
import { parameterEntryAt } from '../model/parameters.js';
import type { ResolvedPlan } from '../model/resolved-plan.js';
import type { CompiledPlan, CompiledCheck, CompiledRule } from './compile-plan.js';
import type { YearSeries } from './input.js';
import type { ObservedValue, ParameterUse, SubjectRef, UnitRef } from './types.js';
import type { DerivedFact, Indicator, LocalizedText } from '../model/schema.js';

/** A subject's data as rules read it. */
export interface SubjectData {
  ref: SubjectRef;
  /** Village attributes, or a household's values (not yearly). */
  attributes: Readonly<Record<string, unknown>>;
  /** The subject's own yearly values (a village's, or the district's). */
  own: YearSeries;
  /** The district's yearly values and reference values. */
  district: YearSeries;
}

/** Where a rule is read: a year, as-of (latest year ≤) or exact, and the date parameters apply on. */
export interface Point {
  year: number;
  exact: boolean;
  date: string;
}

/** The facts of one check, and what was read to make them. */
export interface Reading {
  facts: Record<string, unknown>;
  actual: Record<string, ObservedValue>;
  parameters: string[];
  /** Keys that were absent (with the year where it is not the point's year). */
  missing: string[];
  /** Why a derived fact could not be computed. */
  reasons: { zh: string; en: string }[];
}

/** A check's reusable status-only reading, with the date its parameters are set for. */
interface Frame extends Reading {
  /** The subject of each of the check's keys. */
  subjects: (Indicator['subject'] | undefined)[];
  date: string;
}

export class EvalContext {
  readonly plan: ResolvedPlan;
  readonly asOfYear: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Parameters in force, by date, then by id. */
  private readonly parameterCache = new Map<string, Map<string, ParameterUse>>();
  /** Unit references by the plan's list of unit ids (a rule's `units`), then by township id. */
  private readonly unitCache = new WeakMap<readonly string[], Map<string | undefined, UnitRef[]>>();
  private readonly clauseCache = new Map<string, { id: string; label: string }>();
  private readonly valuesCache = new Map<string, Readonly<Record<string, unknown>>>();
  private readonly memos = new Map<object, unknown>();
  /** By rule slot: what `perRule` made. */
  private readonly ruleMemos: unknown[] = [];
  /** By check slot: each check's reusable reading. */
  private readonly frames: (Frame | undefined)[] = [];
  /** The year of the value `value` found last (none for attributes). */
  private foundYear: number | undefined;

  constructor(
    readonly compiled: CompiledPlan,
    readonly asOf: string,
  ) {
    this.plan = compiled.plan;
    this.asOfYear = yearOf(asOf);
    this.firstYear = yearOf(this.plan.period.start);
    this.lastYear = yearOf(this.plan.period.end);
  }

  /** The parameter in force on `date`, with who set it. */
  parameter(id: string, date: string): ParameterUse {
    let byId = this.parameterCache.get(date);
    if (!byId) this.parameterCache.set(date, (byId = new Map()));
    let use = byId.get(id);
    if (!use) {
      const parameter = this.plan.parameters.find((p) => p.id === id);
      const entry = parameter && parameterEntryAt(parameter, date);
      if (!parameter || !entry) throw new Error(`parameter "${id}" has no value in force on ${date}`);
      use = {
        id,
        value: entry.value,
        from: entry.from,
        unit: parameter.unit,
        assumption: parameter.assumption,
        setBy: setBy(this.plan, 'parameters', id, entry.from),
      };
      byId.set(id, use);
    }
    return use;
  }

  /** What `make` returns for `key`, made once per context (per as-of date). */
  memo<T>(key: object, make: () => T): T {
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) this.memos.set(key, (value = make()));
    return value;
  }

  /** What `make` returns for rule `cr`, made once per context: `memo` kept by the rule's slot. */
  perRule<T>(cr: CompiledRule, make: () => T): T {
    let value = this.ruleMemos[cr.slot] as T | undefined;
    if (value === undefined) this.ruleMemos[cr.slot] = value = make();
    return value;
  }

  /**
   * Units by id, lead first (`ids`: a list from the plan, such as a rule's `units`). A unit that
   * is every township's own (各乡镇) is, for a village, its own township's.
   */
  units(ids: readonly string[], township?: SubjectRef['township']): UnitRef[] {
    let byTownship = this.unitCache.get(ids);
    if (!byTownship) this.unitCache.set(ids, (byTownship = new Map()));
    let refs = byTownship.get(township?.id);
    if (!refs) {
      refs = ids.map((id, index) => {
        const unit = this.plan.units.find((u) => u.id === id);
        const ref: UnitRef = { id, name: unit?.name ?? { zh: id, en: id }, lead: index === 0 };
        if (unit?.perTownship && township) {
          ref.township = township.id;
          ref.name = townshipUnitName(unit.name, township.name);
        }
        return ref;
      });
      byTownship.set(township?.id, refs);
    }
    return refs;
  }

  /** A key village's township (乡镇), or undefined for a village the plan does not list. */
  townshipOf(villageId: string): SubjectRef['township'] {
    const townships = this.memo(
      this.plan.keyVillages,
      () => new Map(this.plan.keyVillages.map((v) => [v.id, v.township])),
    );
    return townships.get(villageId);
  }

  clauseRef(id: string): { id: string; label: string } {
    let ref = this.clauseCache.get(id);
    if (!ref) {
      ref = { id, label: this.plan.clauses.find((c) => c.id === id)?.label ?? id };
      this.clauseCache.set(id, ref);
    }
    return ref;
  }

  /** The value of `key` for `data` at a year (exact, or as of it), with the year it was observed. */
  read(data: SubjectData, key: string, year: number, exact: boolean): ObservedValue | undefined {
    const value = this.value(data, key, year, exact);
    if (value === undefined) return undefined;
    return this.foundYear === undefined ? { value } : { value, year: this.foundYear };
  }

  /**
   * The value alone, as `read` finds it: an attribute, or the year's value (as of: from the
   * latest year ≤ `year` that holds it). Leaves the year it came from in `foundYear`.
   */
  value(data: SubjectData, key: string, year: number, exact: boolean): unknown {
    return this.valueIn(this.compiled.indicators.get(key)?.subject, data, key, year, exact);
  }

  /** `value`, for a key of `subject`. */
  private valueIn(
    subject: Indicator['subject'] | undefined,
    data: SubjectData,
    key: string,
    year: number,
    exact: boolean,
  ): unknown {
    this.foundYear = undefined;
    if (subject === 'village-attribute' || subject === 'household') {
      const value = data.attributes[key];
      return this.afterAsOf(key, value) ? undefined : value;
    }
    const { years, rows } = subject === 'village' ? data.own : data.district;
    for (let i = years.length - 1; i >= 0; i--) {
      const y = years[i]!;
      if (y > year) continue;
      if (exact && y < year) return undefined;
      const value = rows[i]![key];
      if (value !== undefined && !this.afterAsOf(key, value)) {
        this.foundYear = y;
        return value;
      }
      if (exact) return undefined;
    }
    return undefined;
  }

  /** Whether `value` of `key` is a date after the as-of date: not happened yet, read as absent (catalog §7). */
  afterAsOf(key: string, value: unknown): boolean {
    return typeof value === 'string' && value > this.asOf && this.compiled.indicators.get(key)?.unit === 'date';
  }

  /**
   * Gather the facts a check needs at a point: indicators, derived facts, parameters. With
   * `explain` false only the facts are kept (`actual` and `parameters` stay empty), reading
   * stops at the first missing key, and the reading is the check's reusable one (see `frameOf`),
   * valid until the check is read again: enough to decide a status.
   */
  readCheck(check: CompiledCheck, data: SubjectData, point: Point, completionKey?: string, explain = true): Reading {
    if (!explain) return this.decide(check, data, point, completionKey);
    const reading: Reading = { facts: {}, actual: {}, parameters: [], missing: [], reasons: [] };
    for (const key of check.keys) {
      const observed = this.read(data, key, point.year, point.exact);
      if (observed === undefined) {
        if (key !== completionKey) reading.missing.push(key);
        continue;
      }
      reading.facts[key] = observed.value;
      reading.actual[key] = observed;
    }
    for (const [name, derived] of check.derived) this.derive(reading, data, name, derived, point, true);
    const values = this.parameterValues(point.date);
    for (const id of check.parameters) {
      reading.facts[id] = values[id];
      reading.parameters.push(id);
    }
    return reading;
  }

  /** `readCheck` without the explanation: the check's own values overwrite its reusable facts. */
  private decide(check: CompiledCheck, data: SubjectData, point: Point, completionKey: string | undefined): Reading {
    const reading = this.frameOf(check, point.date);
    const { facts, missing, reasons, subjects } = reading;
    const { keys } = check;
    if (missing.length > 0) missing.length = 0;
    if (reasons.length > 0) reasons.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = this.valueIn(subjects[i], data, key, point.year, point.exact);
      facts[key] = value;
      if (value === undefined && key !== completionKey) {
        missing.push(key);
        return reading;
      }
    }
    for (const [name, derived] of check.derived) this.derive(reading, data, name, derived, point, false);
    return reading;
  }

  /**
   * The reusable reading of a check (one per check and context): a small facts object with
   * exactly the check's keys, derived facts and parameters, the parameters set for the date the
   * check was last read at. Deciding a status then makes no facts object or lists per read.
   */
  private frameOf(check: CompiledCheck, date: string): Frame {
    let frame = this.frames[check.slot];
    if (!frame) {
      const facts: Record<string, unknown> = {};
      for (const key of check.keys) facts[key] = undefined;
      for (const [name] of check.derived) facts[name] = undefined;
      for (const id of check.parameters) facts[id] = undefined;
      const subjects = check.keys.map((key) => this.compiled.indicators.get(key)?.subject);
      frame = { facts, actual: NO_ACTUAL, parameters: NO_IDS, missing: [], reasons: [], subjects, date: '' };
      this.frames[check.slot] = frame;
    }
    if (frame.date !== date) {
      const values = this.parameterValues(date);
      for (const id of check.parameters) frame.facts[id] = values[id];
      frame.date = date;
    }
    return frame;
  }

  /** Every parameter's value in force on `date`, by id (cached per date). */
  private parameterValues(date: string): Readonly<Record<string, unknown>> {
    let values = this.valuesCache.get(date);
    if (!values) {
      values = Object.fromEntries(this.plan.parameters.map((p) => [p.id, this.parameter(p.id, date).value]));
      this.valuesCache.set(date, values);
    }
    return values;
  }

  private derive(
    reading: Reading,
    data: SubjectData,
    name: string,
    derived: DerivedFact,
    point: Point,
    explain: boolean,
  ): void {
    if (reading.missing.length > 0 && !explain) return;
    if (derived.op === 'ratio') {
      const numerator = reading.facts[derived.numerator];
      const denominator = reading.facts[derived.denominator];
      if (numerator === undefined || denominator === undefined) return;
      if (denominator === 0) {
        reading.reasons.push(zeroDenominator(this, derived.denominator));
        return;
      }
      const year = explain
        ? Math.max(reading.actual[derived.numerator]?.year ?? 0, reading.actual[derived.denominator]?.year ?? 0) ||
          undefined
        : undefined;
      this.setDerived(reading, name, (numerator as number) / (denominator as number), year, explain);
      return;
    }
    const current = explain ? reading.actual[derived.of] : this.read(data, derived.of, point.year, point.exact);
    const baseYear = (current?.year ?? point.year) - 1;
    const previous = this.read(data, derived.of, baseYear, true);
    if (previous === undefined) {
      reading.missing.push(`${derived.of} (${baseYear})`);
      return;
    }
    if (explain) reading.actual[`${derived.of}@${baseYear}`] = previous;
    if (derived.op === 'previous-year') {
      this.setDerived(reading, name, previous.value, baseYear, explain);
      return;
    }
    if (!current) return;
    if (previous.value === 0) {
      reading.reasons.push(zeroBase(this, derived.of, baseYear));
      return;
    }
    this.setDerived(reading, name, (current.value as number) / (previous.value as number) - 1, current.year, explain);
  }

  private setDerived(reading: Reading, name: string, value: unknown, year: number | undefined, explain: boolean): void {
    reading.facts[name] = value;
    if (explain) reading.actual[name] = year === undefined ? { value } : { value, year };
  }
}

/** A per-township unit as one township's: 「各乡镇〔街道〕党委和政府」 for 鲇鱼山镇 is 「鲇鱼山镇党委和政府」. */
function townshipUnitName(unit: LocalizedText, township: LocalizedText): LocalizedText {
  const zh = unit.zh.startsWith(TOWNSHIPS_ZH)
    ? township.zh + unit.zh.slice(TOWNSHIPS_ZH.length)
    : `${township.zh}${unit.zh}`;
  return { zh, en: `${township.en}: ${unit.en}` };
}

/** How the plan writes "every township" (各乡镇〔街道〕) at the start of a unit's name. */
const TOWNSHIPS_ZH = '各乡镇〔街道〕';

/** Who set a part of the plan: `plan`, or the plugin recorded in its provenance. */
export function setBy(
  plan: ResolvedPlan,
  kind: 'parameters' | 'rules' | 'screeningRules',
  id: string,
  from?: string,
): string {
  if (kind === 'parameters') return plan.provenance.parameters[id]?.find((v) => v.from === from)?.setBy ?? 'plan';
  return plan.provenance[kind][id] ?? 'plan';
}

const NO_ACTUAL: Record<string, ObservedValue> = Object.freeze({}) as Record<string, ObservedValue>;
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
