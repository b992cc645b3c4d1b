/**
 * Judging a rule for a subject (规则判定): statuses for deadline, annual and ongoing rules
 * (catalog §7), with the values read and the comparisons made; `judge-messages.ts` words them.
 */
import { formatParameterAt } from './wording.js';
import type { ConditionTrace } from '../rules/compile.js';
import type { LocalizedText, Rule } from '../model/schema.js';
import type { CompiledCheck, CompiledRule } from './compile-plan.js';
import { setBy, yearOf, type EvalContext, type Point, type Reading, type SubjectData } from './context.js';
import { fillName } from './names.js';
import { measureProgress } from './progress.js';
import { messageOf, type Judgement, type Outcome } from './judge-messages.js';
import { targetSeries } from './series.js';
import type {
  ExpectedValue,
  ObservedValue,
  ParameterUse,
  RuleResult,
  RuleStatus,
  Status,
  YearResult,
} from './types.js';

/** Judge one rule for one subject at the context's as-of date, with the full explanation. */
export function judgeRule(ctx: EvalContext, cr: CompiledRule, data: SubjectData): RuleResult {
  switch (cr.rule.kind) {
    case 'deadline':
      return judgeDeadline(ctx, cr, data, true) as RuleResult;
    case 'ongoing':
    case 'annual':
      return judgeYearly(ctx, cr, data);
  }
}

/**
 * The status alone (仅判定状态): the same judgement as `judgeRule` (status, year, due date and
 * progress), without reading what explains it or writing messages. Only the headline point is
 * read, worked out once per rule and context (see `headlineOf`).
 */
export function judgeStatus(ctx: EvalContext, cr: CompiledRule, data: SubjectData): RuleStatus {
  if (cr.rule.kind === 'deadline') return judgeDeadline(ctx, cr, data, false) as RuleStatus;
  const { point, due, reached } = headlineOf(ctx, cr);
  const status = holdsTo(run(ctx, cr, data, point, false), reached ? 'not-met' : 'pending');
  const result: RuleStatus = { subject: data.ref, ruleId: cr.rule.id, status, year: point.year };
  if (status === 'pending') {
    result.due = due;
    result.progress = 'unknown';
  }
  return result;
}

/** An annual rule's year not yet ended at the as-of date. */
function isInProgress(ctx: EvalContext, cr: CompiledRule, yearEnd: string): boolean {
  return cr.rule.kind === 'annual' && ctx.asOf < yearEnd;
}

function judgeDeadline(
  ctx: EvalContext,
  cr: CompiledRule,
  data: SubjectData,
  explain: boolean,
): RuleResult | RuleStatus {
  const { due, reached, point } = headlineOf(ctx, cr);
  const { date } = point;
  const outcome = run(ctx, cr, data, point, explain);
  // A completion date after the due date is late whenever it is read: not-met, not pending.
  const late = cr.completionKey !== undefined && outcome.status === 'fails';
  const status = holdsTo(outcome, reached || late ? 'not-met' : 'pending');
  const judgement: Judgement = { year: point.year, date, status, due };
  if (status === 'pending') Object.assign(judgement, progressOf(ctx, cr, data, due));
  const result = conclude(ctx, cr, data, outcome, judgement, explain);
  if (late && explain) (result as RuleResult).completedLate = true;
  return result;
}

/**
 * An annual or ongoing rule, year by year (逐年判定) from the plan's first year to year(A) (at
 * most its last): the headline is the last year's, the years that did not hold are its lapses
 * (未达标年份). An annual year still in progress at A is pending, due that 31 December; an
 * ongoing rule must hold at all times, so failing in the current year is not-met.
 */
function judgeYearly(ctx: EvalContext, cr: CompiledRule, data: SubjectData): RuleResult {
  const lastYear = Math.min(ctx.asOfYear, ctx.lastYear);
  const years: YearResult[] = [];
  const lapses: number[] = [];
  let headline: RuleResult | undefined;
  for (let year = ctx.firstYear; year <= lastYear; year++) {
    const point = yearPoint(ctx, cr, year);
    const outcome = run(ctx, cr, data, point, true);
    const yearEnd = `${year}-12-31`;
    const inProgress = isInProgress(ctx, cr, yearEnd);
    const judgement: Judgement = {
      year,
      date: point.date,
      status: holdsTo(outcome, inProgress ? 'pending' : 'not-met'),
    };
    if (judgement.status === 'pending') Object.assign(judgement, { due: yearEnd, progress: 'unknown' });
    if (year === lastYear) judgement.lapses = lapses;
    const result = finish(ctx, cr, data, outcome, judgement, year === lastYear);
    headline = result;
    years.push(yearEntry(result));
    if (result.status === 'not-met') lapses.push(year);
  }
  // The headline result is this call's own: its years and lapses are added to it, not to a copy.
  const result = headline!;
  result.years = years;
  result.lapses = lapses;
  return result;
}

/** A year's entry (年度结果) of a yearly rule: the year's result without what the headline alone carries. */
function yearEntry(result: RuleResult): YearResult {
  const entry = { year: result.year, status: result.status } as YearResult;
  if (result.due) entry.due = result.due;
  entry.actual = result.actual;
  entry.expected = result.expected;
  if (result.missing) entry.missing = result.missing;
  entry.message = result.message;
  return entry;
}

/** Where an annual rule is read in `year` (that year exactly), or an ongoing one (as of it, carried forward). */
function yearPoint(ctx: EvalContext, cr: CompiledRule, year: number): Point {
  if (cr.rule.kind === 'annual') return annualPoint(ctx, year);
  const yearEnd = `${year}-12-31`;
  const end = ctx.plan.period.end < yearEnd ? ctx.plan.period.end : yearEnd;
  return { year, exact: false, date: ctx.asOf < end ? ctx.asOf : end };
}

/**
 * A rule's headline at the context's as-of date A (catalog §7), worked out once per rule and
 * context: its point (a deadline rule as of the due date once reached, else A; an ongoing rule as
 * of A, at most the plan's end; an annual rule in year(A) exactly, at most the plan's last year),
 * its due date (a deadline rule's; an annual rule's year end) and whether A reached it (failing is
 * then not-met; before, pending). An ongoing rule's is always reached.
 */
export interface Headline {
  due: string;
  reached: boolean;
  point: Point;
}

export function headlineOf(ctx: EvalContext, cr: CompiledRule): Headline {
  return ctx.perRule(cr, (): Headline => {
    if (cr.rule.kind === 'deadline') {
      const due = String(ctx.parameter(cr.rule.due!, ctx.asOf).value);
      const reached = ctx.asOf >= due;
      const date = reached ? due : ctx.asOf;
      // Completion dates are read as of year(A) even after the due date: a late date is still recorded.
      return { due, reached, point: { year: yearOf(cr.completionKey ? ctx.asOf : date), exact: false, date } };
    }
    const year = Math.min(ctx.asOfYear, ctx.lastYear);
    const due = `${year}-12-31`;
    return { due, reached: !isInProgress(ctx, cr, due), point: yearPoint(ctx, cr, year) };
  });
}

/** An annual rule's point in `year`: that year exactly, parameters as of its end (or A, if earlier). */
function annualPoint(ctx: EvalContext, year: number): Point {
  const yearEnd = `${year}-12-31`;
  return { year, exact: true, date: ctx.asOf < yearEnd ? ctx.asOf : yearEnd };
}

/** The full result, or the status alone. */
function conclude(
  ctx: EvalContext,
  cr: CompiledRule,
  data: SubjectData,
  outcome: Outcome,
  j: Judgement,
  explain: boolean,
): RuleResult | RuleStatus {
  if (explain) return finish(ctx, cr, data, outcome, j, true);
  const status: RuleStatus = { subject: data.ref, ruleId: cr.rule.id, status: j.status, year: j.year };
  if (j.due) status.due = j.due;
  if (j.progress) status.progress = j.progress;
  return status;
}

/** Status from an outcome: holds → met; fails or not done → `fails`; else as it is. */
function holdsTo(outcome: Outcome, fails: Status): Status {
  if (outcome.status === 'holds') return 'met';
  if (outcome.status === 'fails' || outcome.status === 'not-done') return fails;
  return outcome.status;
}

/**
 * Read and check a rule at a point: applicability first, then missing keys, then the condition.
 * Without `explain`, only what decides the status is read.
 */
function run(ctx: EvalContext, cr: CompiledRule, data: SubjectData, point: Point, explain: boolean): Outcome {
  let applicable: Reading | undefined;
  if (cr.applicability) {
    applicable = ctx.readCheck(cr.applicability, data, point, undefined, explain);
    if (applicable.missing.length > 0) return { status: 'missing-data', reading: applicable, expected: NONE };
    if (!cr.applicability.condition(applicable.facts)) {
      return {
        status: 'not-applicable',
        reading: applicable,
        expected: explain ? expectedOf(cr.applicability, applicable) : NONE,
        inapplicable: applicable,
      };
    }
  }
  const reading = ctx.readCheck(cr.check, data, point, cr.completionKey, explain);
  // What made the rule apply is part of the explanation too.
  if (applicable && explain) {
    reading.facts = { ...applicable.facts, ...reading.facts };
    reading.actual = { ...applicable.actual, ...reading.actual };
  }
  if (reading.missing.length > 0 || reading.reasons.length > 0) {
    return { status: 'missing-data', reading, expected: explain ? {} : NONE };
  }
  if (cr.completionKey && reading.facts[cr.completionKey] === undefined) {
    return { status: 'not-done', reading, expected: explain ? {} : NONE };
  }
  const holds = cr.check.condition(reading.facts);
  return { status: holds ? 'holds' : 'fails', reading, expected: explain ? expectedOf(cr.check, reading) : NONE };
}

/** The expected values of a status-only outcome: none are worked out. */
const NONE: Record<string, ExpectedValue> = Object.freeze({}) as Record<string, ExpectedValue>;

function expectedOf(check: CompiledCheck, reading: Reading): Record<string, ExpectedValue> {
  const expected: Record<string, ExpectedValue> = {};
  const visit = (trace: ConditionTrace) => {
    if (trace.kind === 'fact' && trace.fact !== undefined) {
      expected[trace.fact] = { operator: trace.operator!, value: trace.value };
    }
    trace.children?.forEach(visit);
  };
  visit(check.condition.explain(reading.facts));
  return expected;
}

/**
 * The full result at one point. An earlier year of a yearly rule (not the `headline`) is kept
 * only as its year entry, which has no target series: none is drawn for it.
 */
function finish(
  ctx: EvalContext,
  cr: CompiledRule,
  data: SubjectData,
  outcome: Outcome,
  j: Judgement,
  headline: boolean,
): RuleResult {
  const { rule } = cr;
  const { reading } = outcome;
  const result: RuleResult = {
    subject: data.ref,
    ruleId: rule.id,
    ruleName: ruleNameOn(ctx, rule, j.date),
    setBy: setBy(ctx.plan, 'rules', rule.id),
    kind: rule.kind,
    strength: rule.strength,
    status: j.status,
    clause: ctx.clauseRef(rule.clauses[rule.clauses.length - 1]!),
    clauses: rule.clauses.map((id) => ctx.clauseRef(id)),
    year: j.year,
    actual: reading.actual,
    expected: outcome.expected,
    // An earlier year's entry lists no parameters: they are worked out for the headline only.
    parameters: headline ? parametersOf(ctx, cr, reading, j.date) : [],
    units: ctx.units(rule.units, data.ref.township),
    message: { zh: '', en: '' },
  };
  if (rule.unitsAssumption) result.unitsAssumption = true;
  if (j.due) result.due = j.due;
  if (j.progress) result.progress = j.progress;
  if (j.progressDetail) result.progressDetail = j.progressDetail;
  const observedYear = latestYear(reading.actual);
  if (observedYear !== undefined) result.observedYear = observedYear;
  if (j.status === 'missing-data') result.missing = reading.missing.length ? reading.missing : cr.check.keys;
  const series = headline ? targetSeries(ctx, rule, data, outcome.expected) : undefined;
  if (series) result.series = series;
  result.message = messageOf(ctx, cr, data, outcome, result, j);
  return result;
}

/** A rule's name with the parameters in force on `date`, filled once per rule, date and context. */
function ruleNameOn(ctx: EvalContext, rule: Rule, date: string): LocalizedText {
  const names = ctx.memo(rule.name, () => new Map<string, LocalizedText>());
  let name = names.get(date);
  if (!name) names.set(date, (name = fillName(rule.name, (id, lang) => formatParameterAt(ctx, id, date, lang))));
  return name;
}

/** The latest year a value was observed in, or undefined when none carries a year. */
function latestYear(actual: Readonly<Record<string, ObservedValue>>): number | undefined {
  let latest: number | undefined;
  for (const key in actual) {
    const { year } = actual[key]!;
    if (year !== undefined && (latest === undefined || year > latest)) latest = year;
  }
  return latest;
}

/** The parameters a result names, the due date's first: each in force on `date` (the due date's on A). */
function parametersOf(ctx: EvalContext, cr: CompiledRule, reading: Reading, date: string): ParameterUse[] {
  const { rule } = cr;
  const ids = [...(cr.applicability?.parameters ?? []), ...reading.parameters];
  if (rule.due) ids.unshift(rule.due);
  return [...new Set(ids)].map((id) => ctx.parameter(id, id === rule.due ? ctx.asOf : date));
}

/** The progress of a pending rule: measured for numeric targets, `unknown` otherwise. */
function progressOf(
  ctx: EvalContext,
  cr: CompiledRule,
  data: SubjectData,
  due: string,
): Pick<Judgement, 'progress' | 'progressDetail'> {
  if (!cr.threshold) return { progress: 'unknown' };
  const { key } = cr.threshold;
  const derived = cr.rule.derived[key];
  const exact = (k: string, year: number) => {
    const value = ctx.read(data, k, year, true)?.value;
    return typeof value === 'number' ? value : undefined;
  };
  const observe =
    derived?.op === 'ratio'
      ? (year: number) => {
          const numerator = exact(derived.numerator, year);
          const denominator = exact(derived.denominator, year);
          return numerator === undefined || !denominator ? undefined : numerator / denominator;
        }
      : (year: number) => exact(key, year);
  const { progress, detail } = measureProgress({
    years: data.own.years,
    observe,
    target: Number(ctx.parameter(cr.threshold.parameter, ctx.asOf).value),
    fromYear: ctx.firstYear - 1,
    toYear: ctx.asOfYear,
    dueYear: yearOf(due),
  });
  return detail ? { progress, progressDetail: detail } : { progress };
}
