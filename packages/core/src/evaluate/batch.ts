/**
 * Batch evaluation (批量评估): villages and households one record at a time, so that an input
 * of any length is judged in bounded memory. `createBatchEvaluator` judges one record;
 * `evaluateStream` runs it over an iterable or async iterable of records.
 */
import type { Plan } from '../model/schema.js';
import { compilePlan, type CompiledRule } from './compile-plan.js';
import { EvalContext, type SubjectData } from './context.js';
import { checkAsOf, villageData, type EvaluateOptions } from './evaluate.js';
import { parseInput, type EvaluationInput } from './input.js';
import { judgeRule, judgeStatus } from './judge.js';
import { parseHouseholdRecord, parseVillageRecord, uniqueIds } from './records.js';
import { screenHousehold } from './screening.js';
import { emptyCounts } from './summary.js';
import type { HouseholdResult, RuleResult, RuleStatus, VillageEvaluation } from './types.js';

/**
 * Which results carry their explanation (说明): `all` (every result, exactly as `evaluate`
 * gives it), `not-met` (not-met results only; the others are statuses) or `none`.
 */
export type ExplainLevel = 'all' | 'not-met' | 'none';

export interface BatchOptions extends EvaluateOptions {
  /**
   * The district's data (区级数据), as in `evaluate`'s input: its reference values
   * (`localCollectiveIncomeGrowth`, `districtFarmerIncomeGrowth`) are what village growth rules
   * compare with. Validated once; without it those rules are `missing-data`.
   */
  district?: EvaluationInput['district'];
  /** Default `all`. */
  explain?: ExplainLevel;
}

/** Judges one record at a time; nothing is kept between records. */
export interface BatchEvaluator {
  /** Validate and judge one village record; an invalid record throws an `InputError` naming `line`. */
  village(record: unknown, line?: number): VillageEvaluation;
  /** Validate and screen one household record; an invalid record throws an `InputError` naming `line`. */
  household(record: unknown, line?: number): HouseholdResult;
}

/** Compile `plan` and validate the district once, for records judged at `options.asOf`. */
export function createBatchEvaluator(plan: Plan, options: BatchOptions): BatchEvaluator {
  checkAsOf(plan, options.asOf);
  const district = parseInput(plan, { district: options.district ?? {} }).district;
  const compiled = compilePlan(plan);
  const ctx = new EvalContext(compiled, options.asOf);
  const judge = judgeAt(options.explain ?? 'all');
  const rules = compiled.villageRules;
  return {
    village(record, line) {
      const data = villageData(plan, parseVillageRecord(plan, record, line), district);
      const counts = emptyCounts();
      const results: (RuleResult | RuleStatus)[] = [];
      for (let i = 0; i < rules.length; i++) {
        const result = judge(ctx, rules[i]!, data);
        counts[result.status]++;
        results.push(result);
      }
      return { subject: data.ref, results, counts };
    },
    household(record, line) {
      return screenHousehold(ctx, compiled, parseHouseholdRecord(plan, record, line));
    },
  };
}

/** How one rule is judged at an explanation level. */
function judgeAt(
  explain: ExplainLevel,
): (ctx: EvalContext, cr: CompiledRule, data: SubjectData) => RuleResult | RuleStatus {
  switch (explain) {
    case 'all':
      return judgeRule;
    case 'none':
      return judgeStatus;
    case 'not-met':
      return (ctx, cr, data) => {
        const status = judgeStatus(ctx, cr, data);
        return status.status === 'not-met' ? judgeRule(ctx, cr, data) : status;
      };
  }
}

export interface StreamOptions extends BatchOptions {
  /** What the records are: `villages` (the default) or `households`. */
  subjects?: 'villages' | 'households';
}

/**
 * Evaluate a stream of records (流式评估), one result per record, in order, as they come.
 * Records are numbered from 1 (the `line` in errors). The first invalid record stops the
 * stream with an `InputError` listing all of that record's problems.
 *
 * @example
 * ```ts
 * for await (const village of evaluateStream(plan, records, { asOf: '2025-12-31', district })) {
 *   console.log(village.subject.id, village.counts['not-met']);
 * }
 * ```
 */
export function evaluateStream(
  plan: Plan,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions & { subjects: 'households' },
): AsyncGenerator<HouseholdResult>;
export function evaluateStream(
  plan: Plan,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions & { subjects?: 'villages' },
): AsyncGenerator<VillageEvaluation>;
export async function* evaluateStream(
  plan: Plan,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions,
): AsyncGenerator<VillageEvaluation | HouseholdResult> {
  const evaluator = createBatchEvaluator(plan, options);
  const households = options.subjects === 'households';
  const judge = households ? evaluator.household : evaluator.village;
  const checkUnique = uniqueIds(households ? 'household' : 'village');
  let line = 0;
  for await (const record of records) {
    const result = judge(record, ++line);
    checkUnique(result.subject.id, line);
    yield result;
  }
}
