/**
 * `evaluate`: judge a plan's rules against a district's data at an as-of date (评估).
 */
import { InputError } from '../model/errors.js';
import { pluginSpec } from '../model/resolved-plan.js';
import { isRealDate, type Plan } from '../model/schema.js';
import { compilePlan } from './compile-plan.js';
import { EvalContext, type SubjectData } from './context.js';
import { parseInput, type EvaluationInput, type ParsedVillage, type YearSeries } from './input.js';
import { periodAssessment } from './assessment.js';
import { judgeRule } from './judge.js';
import { setAsideAfter } from './knowable.js';
import { screenHousehold } from './screening.js';
import { summarize } from './summary.js';
import type { Report, RuleResult, SubjectRef, WorkflowFact } from './types.js';
import { mergeWorkflowFacts, resultSources } from './workflow-facts.js';
import { said } from './locales/index.js';

export interface EvaluateOptions {
  /** The date to judge at, `YYYY-MM-DD`, on or after the plan's start. */
  asOf: string;
  /**
   * Indicator values the workflows settle (`deriveWorkflowFacts`), merged into the input: they
   * replace typed values of the same village, year and key (a disagreement is noted), and each
   * result that reads one names its instances.
   */
  workflowFacts?: readonly WorkflowFact[];
}

/**
 * Evaluate `input` against `plan` at `options.asOf`: one result per subject and rule, the
 * household screening, and summaries. Throws `InputError` (listing every problem) on invalid
 * input; nothing is evaluated then.
 */
export function evaluate(plan: Plan, input: EvaluationInput, options: EvaluateOptions): Report {
  checkAsOf(plan, options.asOf);
  const merged = options.workflowFacts ? mergeWorkflowFacts(input, options.workflowFacts) : undefined;
  const parsed = parseInput(plan, merged?.input ?? input);
  const compiled = compilePlan(plan);
  const resolved = compiled.plan;
  const ctx = new EvalContext(compiled, options.asOf);
  const results: RuleResult[] = [];
  for (const village of parsed.villages) {
    const data = villageData(plan, village, parsed.district);
    for (const rule of compiled.villageRules) {
      const result = judgeRule(ctx, rule, data);
      const sources = merged ? resultSources(result, merged.sources) : [];
      if (sources.length > 0) result.sources = sources;
      results.push(result);
    }
  }
  if (compiled.districtRules.length > 0) {
    const district = districtData(plan, parsed.district);
    for (const rule of compiled.districtRules) results.push(judgeRule(ctx, rule, district));
  }
  const households = parsed.households.map((h) => screenHousehold(ctx, compiled, h));
  const assessment = periodAssessment(plan, options.asOf, results);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      docNo: plan.docNo,
      hash: resolved.hash,
      plugins: resolved.plugins.map(pluginSpec),
      relaxed: resolved.relaxed.map(({ id, reason, by }) => ({ id, reason, by })),
    },
    asOf: options.asOf,
    ...(assessment ? { assessment } : {}),
    results,
    households,
    summary: summarize(results, households),
    notes: [...(merged?.notes ?? []), ...setAsideAfter(ctx, parsed)],
  };
}

/** Refuses an as-of date that is not a real date or is before the plan's start. */
export function checkAsOf(plan: Plan, asOf: unknown): void {
  if (typeof asOf !== 'string' || !isRealDate(asOf)) {
    throw new InputError([
      {
        path: ['asOf'],
        key: 'asOf',
        value: asOf,
        message: said('input.not-a-date', {}),
      },
    ]);
  }
  if (asOf < plan.period.start) {
    throw new InputError([
      {
        path: ['asOf'],
        key: 'asOf',
        value: asOf,
        message: said('input.before-plan-start', { start: plan.period.start }),
      },
    ]);
  }
}

/** The district as its own rules read it. */
export function districtData(plan: Plan, district: YearSeries): SubjectData {
  return {
    ref: { type: 'district', id: 'district', name: plan.jurisdiction },
    attributes: {},
    own: district,
    district,
  };
}

/** A village as results name it: a key village (重点村) with the plan's name, else marked `keyVillage: false`. */
/** A village as rules read it: its name from the plan, its attributes and values, the district's. */
export function villageData(plan: Plan, village: ParsedVillage, district: YearSeries): SubjectData {
  return { ref: villageRef(plan, village), attributes: village.attributes, own: village.series, district };
}

function villageRef(plan: Plan, village: ParsedVillage): SubjectRef {
  const key = plan.keyVillages.find((v) => v.id === village.id);
  if (key) return { type: 'village', id: key.id, name: key.name, keyVillage: true, township: key.township };
  const name = village.name ?? village.id;
  return { type: 'village', id: village.id, name: { zh: name, en: name }, keyVillage: false };
}
