/**
 * The evaluation context (评估上下文): the compiled plan, the as-of date, and lookups of values
 * and parameters shared by rule judging and household screening.
 */
import { parameterEntryAt } from '../model/parameters.js';
import type { Plan } from '../model/schema.js';
import type { CompiledPlan, CompiledCheck } from './compile-plan.js';
import type { YearSeries } from './input.js';
import type { ObservedValue, ParameterUse, SubjectRef, UnitRef } from './types.js';
import { formatValue, unitOfKey, type Lang, type ValueUnit } from './format.js';
import type { DerivedFact } from '../model/schema.js';

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

export class EvalContext {
  readonly plan: Plan;
  readonly asOfYear: number;
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly parameterCache = new Map<string, ParameterUse>();
  private readonly unitCache = new Map<string, UnitRef[]>();

  constructor(
    readonly compiled: CompiledPlan,
    readonly asOf: string,
    private readonly setBy: (parameterId: string, from: string) => string,
  ) {
    this.plan = compiled.plan;
    this.asOfYear = yearOf(asOf);
    this.firstYear = yearOf(this.plan.period.start);
    this.lastYear = yearOf(this.plan.period.end);
  }

  /** The parameter in force on `date`, with who set it. */
  parameter(id: string, date: string): ParameterUse {
    const cacheKey = `${id}@${date}`;
    let use = this.parameterCache.get(cacheKey);
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
        setBy: this.setBy(id, entry.from),
      };
      this.parameterCache.set(cacheKey, use);
    }
    return use;
  }

  /** Units by id, lead first. */
  units(ids: readonly string[]): UnitRef[] {
    const cacheKey = ids.join(',');
    let refs = this.unitCache.get(cacheKey);
    if (!refs) {
      refs = ids.map((id, index) => {
        const unit = this.plan.units.find((u) => u.id === id);
        return { id, name: unit?.name ?? { zh: id, en: id }, lead: index === 0 };
      });
      this.unitCache.set(cacheKey, refs);
    }
    return refs;
  }

  clauseRef(id: string): { id: string; label: string } {
    return { id, label: this.plan.clauses.find((c) => c.id === id)?.label ?? id };
  }

  /** The value of `key` for `data` at `point`, with the year it was observed. */
  read(data: SubjectData, key: string, year: number, exact: boolean): ObservedValue | undefined {
    const def = this.compiled.indicators.get(key);
    if (def?.subject === 'village-attribute' || def?.subject === 'household') {
      const value = data.attributes[key];
      return value === undefined ? undefined : { value };
    }
    const series = def?.subject === 'village' ? data.own : data.district;
    if (exact) {
      const value = series.byYear.get(year)?.[key];
      return value === undefined ? undefined : { value, year };
    }
    for (let i = series.years.length - 1; i >= 0; i--) {
      const y = series.years[i]!;
      if (y > year) continue;
      const value = series.byYear.get(y)?.[key];
      if (value !== undefined) return { value, year: y };
    }
    return undefined;
  }

  /** Gather the facts a check needs at a point: indicators, derived facts, parameters. */
  readCheck(check: CompiledCheck, data: SubjectData, point: Point, completionKey?: string): Reading {
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
    for (const [name, derived] of check.derived) this.derive(reading, data, name, derived, point);
    for (const id of check.parameters) {
      reading.facts[id] = this.parameter(id, point.date).value;
      reading.parameters.push(id);
    }
    return reading;
  }

  private derive(reading: Reading, data: SubjectData, name: string, derived: DerivedFact, point: Point): void {
    if (derived.op === 'ratio') {
      const numerator = reading.actual[derived.numerator];
      const denominator = reading.actual[derived.denominator];
      if (!numerator || !denominator) return;
      if (denominator.value === 0) {
        reading.reasons.push({
          zh: `${this.indicatorName(derived.denominator, 'zh')}为0，无法计算`,
          en: `${this.indicatorName(derived.denominator, 'en')} is 0, so the ratio cannot be computed`,
        });
        return;
      }
      const year = Math.max(numerator.year ?? 0, denominator.year ?? 0) || undefined;
      this.setDerived(reading, name, (numerator.value as number) / (denominator.value as number), year);
      return;
    }
    const current = reading.actual[derived.of];
    const baseYear = (current?.year ?? point.year) - 1;
    const previous = this.read(data, derived.of, baseYear, true);
    if (previous === undefined) {
      reading.missing.push(`${derived.of} (${baseYear})`);
      return;
    }
    reading.actual[`${derived.of}@${baseYear}`] = previous;
    if (derived.op === 'previous-year') {
      this.setDerived(reading, name, previous.value, baseYear);
      return;
    }
    if (!current) return;
    if (previous.value === 0) {
      reading.reasons.push({
        zh: `${baseYear}年${this.indicatorName(derived.of, 'zh')}为0，无法计算增幅`,
        en: `${this.indicatorName(derived.of, 'en')} was 0 in ${baseYear}, so growth cannot be computed`,
      });
      return;
    }
    this.setDerived(reading, name, (current.value as number) / (previous.value as number) - 1, current.year);
  }

  private setDerived(reading: Reading, name: string, value: unknown, year: number | undefined): void {
    reading.facts[name] = value;
    reading.actual[name] = year === undefined ? { value } : { value, year };
  }

  indicatorName(key: string, lang: Lang): string {
    return this.compiled.indicators.get(key)?.name[lang] ?? key;
  }

  /** The unit a value is written in: an indicator's, a parameter's, or a derived fact's. */
  unitOf(key: string, derived: readonly [string, DerivedFact][]): ValueUnit {
    return unitOfKey((k) => this.compiled.indicators.get(k), key, derived);
  }

  /** A value written for a person, in its unit. */
  format(key: string, value: unknown, derived: readonly [string, DerivedFact][], lang: Lang): string {
    return formatValue(value, this.unitOf(key, derived), lang);
  }

  formatParameter(id: string, date: string, lang: Lang): string {
    const use = this.parameter(id, date);
    return formatValue(use.value, (use.unit === 'CNY per person per year' ? 'CNY' : use.unit) as ValueUnit, lang);
  }
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
