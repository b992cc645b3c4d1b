/**
 * Rules compiled once per plan (编译规则): each condition becomes a synchronous function, and
 * the keys, derived facts and parameters each rule reads are worked out in advance.
 */
import { derivedSources, unknownFact } from '../model/reads.js';
import { deepFreeze } from '../model/freeze.js';
import { compileCondition, type CompiledCondition, type CompileOptions } from '../rules/compile.js';
import { customOperators } from '../rules/operators.js';
import {
  type Condition,
  type DerivedFact,
  type Indicator,
  type Plan,
  type Rule,
  type ScreeningRule,
} from '../model/schema.js';
import { asResolvedPlan, type ResolvedPlan } from '../model/resolved-plan.js';

/** A rule's condition with what it reads. */
export interface CompiledCheck {
  condition: CompiledCondition;
  /** Indicator keys read directly or through derived facts. */
  keys: string[];
  parameters: string[];
  derived: [string, DerivedFact][];
  /** Its place among the plan's checks (0, 1, …): where an evaluation context keeps its reading. */
  slot: number;
}

export interface CompiledRule {
  rule: Rule;
  /** Its place among the plan's rules (0, 1, …): where an evaluation context keeps what it works out once per rule. */
  slot: number;
  check: CompiledCheck;
  applicability?: CompiledCheck;
  /** A completion-date key (absent = not done yet), when the rule reads one. */
  completionKey?: string;
  /** Numeric `key ≥ parameter` targets (an indicator or a derived ratio): what progress needs. */
  threshold?: { key: string; parameter: string };
}

export interface CompiledScreeningRule {
  rule: ScreeningRule;
  check: CompiledCheck;
}

export interface CompiledPlan {
  plan: ResolvedPlan;
  indicators: ReadonlyMap<string, Indicator>;
  villageRules: CompiledRule[];
  districtRules: CompiledRule[];
  screeningRules: CompiledScreeningRule[];
  categories: { id: string; condition?: CompiledCondition }[];
}

const cache = new WeakMap<Plan, CompiledPlan>();

/** Compile `plan`'s rules; later calls with the same frozen plan object reuse the result. */
export function compilePlan(plan: Plan, options: CompileOptions = {}): CompiledPlan {
  const cached = cache.get(plan);
  if (cached) return cached;
  const resolved = asResolvedPlan(plan);
  const compileOptions = { ...options, operators: { ...customOperators, ...resolved.operators, ...options.operators } };
  const indicators = new Map(plan.indicators.map((d) => [d.key, d]));
  const parameterIds = new Set(plan.parameters.map((p) => p.id));
  let checks = 0;
  let rules = 0;
  const check = (owner: string, condition: Condition, derived: Record<string, DerivedFact>): CompiledCheck => {
    const compiled = compileCondition(condition, compileOptions);
    const keys = new Set<string>();
    const parameters: string[] = [];
    for (const fact of compiled.facts) {
      if (parameterIds.has(fact)) parameters.push(fact);
      else if (derived[fact]) for (const source of derivedSources(derived[fact])) keys.add(source);
      else if (indicators.has(fact)) keys.add(fact);
      else throw new Error(`${owner}: ${unknownFact(fact).en}`);
    }
    return { condition: compiled, keys: [...keys], parameters, derived: Object.entries(derived), slot: checks++ };
  };
  const compileRule = (rule: Rule): CompiledRule => {
    const compiled: CompiledRule = { rule, slot: rules++, check: check(rule.id, rule.condition, rule.derived) };
    if (rule.applicability) compiled.applicability = check(rule.id, rule.applicability, {});
    const completionKey = compiled.check.keys.find((k) => indicators.get(k)?.completionDate);
    if (completionKey) compiled.completionKey = completionKey;
    const threshold = thresholdOf(rule.condition, parameterIds);
    if (threshold && (indicators.has(threshold.key) || rule.derived[threshold.key]?.op === 'ratio')) {
      compiled.threshold = threshold;
    }
    return compiled;
  };
  const compiled: CompiledPlan = {
    plan: resolved,
    indicators,
    villageRules: plan.rules.filter((r) => r.subject === 'village').map(compileRule),
    districtRules: plan.rules.filter((r) => r.subject === 'district').map(compileRule),
    screeningRules: plan.screeningRules.map((rule) => ({ rule, check: check(rule.id, rule.condition, rule.derived) })),
    categories: plan.categories.map((c) => ({
      id: c.id,
      ...(c.condition
        ? { condition: compileCondition(c.condition, { ...compileOptions, allowUndefinedFacts: true }) }
        : {}),
    })),
  };
  // Only a frozen plan cannot change after it was compiled.
  if (Object.isFrozen(plan)) cache.set(plan, compiled);
  return compiled;
}

/** What a rule or screening rule reads (规则读取的数据): indicator keys and parameters. */
export interface RuleInputs {
  id: string;
  /** The plan's clauses the rule carries out. */
  clauses: readonly string[];
  /** Indicator keys its condition and applicability read, directly or through derived facts. */
  keys: readonly string[];
  parameters: readonly string[];
}

/** What every rule and screening rule of `plan` reads, in plan order: from the compiled plan. */
export function ruleInputs(plan: Plan): readonly RuleInputs[] {
  const compiled = compilePlan(plan);
  let known = inputsOf.get(compiled);
  if (!known) inputsOf.set(compiled, (known = deepFreeze(readsOf(compiled))));
  return known;
}

/** What each rule reads, once per compiled plan: the template asks for every one of its columns. */
const inputsOf = new WeakMap<CompiledPlan, readonly RuleInputs[]>();

function readsOf(compiled: CompiledPlan): readonly RuleInputs[] {
  const rules = new Map(
    [...compiled.villageRules, ...compiled.districtRules].map((r) => [r.rule.id, [r.check, r.applicability]] as const),
  );
  const inputs = (id: string, clauses: readonly string[], checks: readonly (CompiledCheck | undefined)[]) => {
    const read = checks.filter((c): c is CompiledCheck => c !== undefined);
    return {
      id,
      clauses,
      keys: [...new Set(read.flatMap((c) => c.keys))],
      parameters: [...new Set(read.flatMap((c) => c.parameters))],
    };
  };
  return [
    ...compiled.plan.rules.map((rule) => inputs(rule.id, rule.clauses, rules.get(rule.id) ?? [])),
    ...compiled.screeningRules.map(({ rule, check }) => inputs(rule.id, rule.clauses, [check])),
  ];
}

/** `key ≥ parameter`, alone or as the only member of an `all`: a numeric target with progress. */
function thresholdOf(condition: Condition, parameterIds: Set<string>): CompiledRule['threshold'] {
  const single = 'all' in condition && condition.all.length === 1 ? condition.all[0] : condition;
  if (!single || !('fact' in single) || single.operator !== 'greaterThanInclusive' || single.path) return undefined;
  const value = single.value as { fact?: unknown } | null;
  if (!value || typeof value !== 'object' || typeof value.fact !== 'string' || !parameterIds.has(value.fact)) {
    return undefined;
  }
  return { key: single.fact, parameter: value.fact };
}
