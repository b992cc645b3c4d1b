/**
 * The plan's rules for json-rules-engine (导出规则): every rule becomes a few engine rules, one
 * per status its facts can decide, whose event names the rule and the status; `engineFacts`
 * gives the facts they read per subject and rule (the fact contract, docs/guides/rules.md).
 * A system that already runs json-rules-engine then gets the statuses `evaluate` gives.
 */
import type { Condition, Plan } from '../model/schema.js';
import { compilePlan, type CompiledCheck, type CompiledRule } from './compile-plan.js';
import { EvalContext, type SubjectData } from './context.js';
import { checkAsOf, districtData, villageData, type EvaluateOptions } from './evaluate.js';
import { parseInput, type EvaluationInput } from './input.js';
import { headlineOf } from './judge.js';
import type { Status, SubjectRef } from './types.js';

/** The event type of every exported rule. */
export const ENGINE_EVENT = 'ruralkit.status';
/** The fact holding the as-of date (`YYYY-MM-DD`). */
export const AS_OF_FACT = 'ruralkit.asOf';
/**
 * Deadline rules: the fact holding the due date in force on the as-of date; annual rules: the
 * headline year's 31 December (a year in progress is pending, not failed).
 */
export const DUE_FACT = 'ruralkit.due';

/** A json-rules-engine rule (`new Rule(json)` or `engine.addRule(json)`), as JSON. */
export interface EngineRule {
  /** `<rule id>:<status>`. */
  name: string;
  priority: number;
  conditions: { all: Condition[] };
  event: { type: typeof ENGINE_EVENT; params: { ruleId: string; status: Status } };
}

/** The facts of one subject for one rule: what its exported rules read. */
export interface EngineFacts {
  subject: SubjectRef;
  ruleId: string;
  facts: Record<string, unknown>;
}

/**
 * The engine rules of every village and district rule of `plan` (a resolved plan's included).
 * For each subject and rule, exactly one of them fires on the facts `engineFacts` gives. Register
 * `customOperators` (and a resolved plan's `operators`) in the engine.
 */
export function exportEngineRules(plan: Plan): EngineRule[] {
  const compiled = compilePlan(plan);
  return [...compiled.villageRules, ...compiled.districtRules].flatMap(engineRulesOf);
}

const missing = (fact: string): Condition => ({ fact, operator: 'equal', value: null });
const given = (fact: string): Condition => ({ fact, operator: 'notEqual', value: null });

/** The engine rules of one rule, following the judgement of catalog §7 (judge.ts). */
function engineRulesOf(cr: CompiledRule): EngineRule[] {
  const { rule, completionKey } = cr;
  // Fresh copies: the engine rewrites the conditions it is given.
  const condition = () => structuredClone(rule.condition);
  const applicability = rule.applicability ? [structuredClone(rule.applicability)] : [];
  const applicabilityKnown = (cr.applicability?.keys ?? []).map(given);
  const checked = checkedFacts(cr.check).filter((fact) => fact !== completionKey);
  const decided = [...applicabilityKnown, ...applicability, ...checked.map(given)];
  const make = (status: Status, all: Condition[]): EngineRule => ({
    name: `${rule.id}:${status}`,
    priority: 1,
    conditions: { all },
    event: { type: ENGINE_EVENT, params: { ruleId: rule.id, status } },
  });
  const rules: EngineRule[] = [];
  const missingData = [
    ...(cr.applicability?.keys ?? []).map(missing),
    ...(checked.length > 0 ? [{ all: [...applicabilityKnown, ...applicability, { any: checked.map(missing) }] }] : []),
  ];
  if (missingData.length > 0) rules.push(make('missing-data', [{ any: missingData }]));
  if (rule.applicability) rules.push(make('not-applicable', [...applicabilityKnown, { not: rule.applicability }]));
  const holds = completionKey ? [given(completionKey), condition()] : [condition()];
  rules.push(make('met', [...decided, ...holds]));
  /** Not holding: a recorded completion that misses the condition, or no completion recorded. */
  const fails = completionKey
    ? [{ any: [{ all: [given(completionKey), { not: condition() }] }, missing(completionKey)] }]
    : [{ not: condition() }];
  if (rule.kind === 'ongoing') {
    rules.push(make('not-met', [...decided, ...fails]));
    return rules;
  }
  const reached: Condition = { fact: DUE_FACT, operator: 'dateOnOrBefore', value: { fact: AS_OF_FACT } };
  const ahead: Condition = { fact: DUE_FACT, operator: 'dateAfter', value: { fact: AS_OF_FACT } };
  // Before the due date only a missing completion is pending: a late one is already not met.
  const notMet = completionKey
    ? [{ any: [{ all: [given(completionKey), { not: condition() }] }, { all: [missing(completionKey), reached] }] }]
    : [{ not: condition() }, reached];
  const pending = completionKey ? [missing(completionKey), ahead] : [{ not: condition() }, ahead];
  rules.push(make('not-met', [...decided, ...notMet]), make('pending', [...decided, ...pending]));
  return rules;
}

/** The facts of a check that must be known: its indicator keys and derived facts. */
function checkedFacts(check: CompiledCheck): string[] {
  return [...check.keys, ...check.derived.map(([name]) => name)];
}

/**
 * The facts of every subject for every rule at `options.asOf`, as `evaluate` reads them: the
 * rule's indicator keys, derived facts and parameters at the rule's point (null when unknown),
 * the as-of date and, for deadline rules, the due date. Throws `InputError` on invalid input.
 */
export function engineFacts(plan: Plan, input: EvaluationInput, options: EvaluateOptions): EngineFacts[] {
  checkAsOf(plan, options.asOf);
  const parsed = parseInput(plan, input);
  const compiled = compilePlan(plan);
  const ctx = new EvalContext(compiled, options.asOf);
  const of = (rules: CompiledRule[], data: SubjectData) =>
    rules.map((cr) => ({ subject: data.ref, ruleId: cr.rule.id, facts: factsOf(ctx, cr, data) }));
  return [
    ...parsed.villages.flatMap((village) => of(compiled.villageRules, villageData(plan, village, parsed.district))),
    ...(compiled.districtRules.length > 0 ? of(compiled.districtRules, districtData(plan, parsed.district)) : []),
  ];
}

function factsOf(ctx: EvalContext, cr: CompiledRule, data: SubjectData): Record<string, unknown> {
  const { point, due } = headlineOf(ctx, cr);
  const facts: Record<string, unknown> = { [AS_OF_FACT]: ctx.asOf };
  // A deadline rule's due date, or an annual rule's: the end of its headline year.
  if (cr.rule.kind !== 'ongoing') facts[DUE_FACT] = due;
  const checks: [CompiledCheck, string | undefined][] = [[cr.check, cr.completionKey]];
  if (cr.applicability) checks.push([cr.applicability, undefined]);
  for (const [check, completionKey] of checks) {
    const reading = ctx.readCheck(check, data, point, completionKey);
    for (const name of [...checkedFacts(check), ...check.parameters]) facts[name] = reading.facts[name] ?? null;
  }
  return facts;
}
