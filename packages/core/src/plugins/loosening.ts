/**
 * What counts as loosening the plan (放宽). A county plugin may loosen a binding target (约束性目标),
 * a household screening rule, a parameter that protects households or a workflow's roles only
 * with a declared `relax`; this module says whether a change does. It proves a change is not a
 * loosening or reports it as one: anything it cannot show to be at least as strict loosens.
 */
import { canonicalJson } from '../model/hash.js';
import type { ResolvedPlan } from '../model/resolved-plan.js';
import { compileCondition } from '../rules/compile.js';
import { customOperators } from '../rules/operators.js';
import { parameterEntryAt } from '../model/parameters.js';
import type { Message } from '../model/message.js';
import type { Condition, Parameter, Plan, Rule, ScreeningRule } from '../model/schema.js';
import { pluginMessage } from './locales/messages.js';

/** What the checks read of the plan being resolved: its period, parameters and operators as they stand. */
export type PlanState = Pick<Plan, 'period' | 'parameters'> & Pick<ResolvedPlan, 'operators'>;

/**
 * Whether `after` moves parameter `before` the lenient way on some date on or after `since`:
 * below a `higher` value, above a `lower` one (a later date). The date it does, or undefined.
 */
export function parameterLoosenedOn(before: Parameter, after: Parameter, since: string): string | undefined {
  if (before.stricter === 'none') return undefined;
  const dates = [...new Set([...before.values, ...after.values].map((v) => v.from))].filter((d) => d >= since).sort();
  return dates.find((date) => {
    const old = parameterEntryAt(before, date)?.value;
    const now = parameterEntryAt(after, date)?.value;
    return old !== undefined && now !== undefined && laxer(before.stricter, now, old);
  });
}

/** Whether `value` is on the lenient side of `than` for a parameter that is stricter `direction`. */
function laxer(direction: Parameter['stricter'], value: number | string, than: number | string): boolean {
  if (direction === 'higher') return value < than;
  if (direction === 'lower') return value > than;
  return false;
}

/**
 * Why replacing the binding rule `old` with `next` loosens it, or undefined when it does not.
 * It does not when `next` is binding, has the same subject and kind, applies wherever `old`
 * applied, reads the same facts the same way (derived facts alike), its condition can be shown
 * to imply `old`'s, and its due date is never later than `old`'s in the plan period.
 */
export function ruleReplacementLoosens(old: Rule, next: Rule, plan: PlanState): Message | undefined {
  if (next.strength !== 'binding') return pluginMessage('loosening.not-binding', { strength: next.strength });
  if (next.subject !== old.subject)
    return pluginMessage('loosening.subject-changed', { from: old.subject, to: next.subject });
  if (next.kind !== old.kind) return pluginMessage('loosening.kind-changed', { from: old.kind, to: next.kind });
  const due = dueLoosens(old, next, plan);
  if (due) return due;
  const derived = derivedDiffers(old, next, plan);
  if (derived) return derived;
  if (!implies(old.applicability ?? ALWAYS, next.applicability ?? ALWAYS, plan))
    return pluginMessage('loosening.applicability', {});
  if (!implies(next.condition, old.condition, plan)) return conditionReason(next.condition, old.condition);
  return undefined;
}

/**
 * Why replacing the screening rule `old` with `next` loosens it, or undefined when it does not:
 * the replacement must flag the same risk type whenever `old` flagged it.
 */
export function screeningReplacementLoosens(
  old: ScreeningRule,
  next: ScreeningRule,
  plan: PlanState,
): Message | undefined {
  if (next.riskType !== old.riskType)
    return pluginMessage('loosening.risk-type-changed', { from: old.riskType, to: next.riskType });
  const derived = derivedDiffers(old, next, plan);
  if (derived) return derived;
  if (!implies(old.condition, next.condition, plan)) return pluginMessage('loosening.screening-condition', {});
  return undefined;
}

/** The roles a workflow event's new role list adds to the roles that may send it now. */
export function widenedRoles(grants: readonly { role?: string }[], roles: readonly string[]): string[] {
  return roles.filter((role) => !grants.some((g) => g.role === role));
}

/** The condition that always holds: a missing applicability. */
const ALWAYS: Condition = { all: [] };

/**
 * The comparisons whose strictness can be compared: the bound they set on the fact, whether it
 * is strict, and the type of value they compare.
 */
const BOUNDS: Record<string, { bound: 'lower' | 'upper'; strict: boolean; type: 'number' | 'string' }> = {
  greaterThan: { bound: 'lower', strict: true, type: 'number' },
  greaterThanInclusive: { bound: 'lower', strict: false, type: 'number' },
  lessThan: { bound: 'upper', strict: true, type: 'number' },
  lessThanInclusive: { bound: 'upper', strict: false, type: 'number' },
  dateAfter: { bound: 'lower', strict: true, type: 'string' },
  dateOnOrBefore: { bound: 'upper', strict: false, type: 'string' },
};

type Comparison = Extract<Condition, { fact: string }>;

/**
 * Whether `a` can be shown to imply `b` (whenever `a` holds, `b` holds) by their structure:
 * an `all` implies what one of its parts implies, an `any` what all its parts imply, `not a`
 * implies `not b` when `b` implies `a`, and a comparison implies a comparison of the same fact
 * with the same kind of bound that is at least as tight on every date of the plan period.
 */
function implies(a: Condition, b: Condition, plan: PlanState): boolean {
  if (canonicalJson(a) === canonicalJson(b)) return true;
  if ('all' in b) return b.all.every((part) => implies(a, part, plan));
  if ('any' in a) return a.any.every((part) => implies(part, b, plan));
  if ('all' in a && a.all.some((part) => implies(part, b, plan))) return true;
  if ('any' in b && b.any.some((part) => implies(a, part, plan))) return true;
  if ('not' in a && 'not' in b) return implies(b.not, a.not, plan);
  if ('fact' in a && 'fact' in b) return comparisonImplies(a, b, plan);
  return false;
}

/** `a` (of the condition that must be at least as strict) implies `b` (of the plan's). */
function comparisonImplies(a: Comparison, b: Comparison, plan: PlanState): boolean {
  const ba = BOUNDS[a.operator];
  const bb = BOUNDS[b.operator];
  if (!ba || !bb || ba.bound !== bb.bound || ba.type !== bb.type) return false;
  if (a.fact !== b.fact || a.path !== b.path || canonicalJson(a.params ?? {}) !== canonicalJson(b.params ?? {}))
    return false;
  const va = valueSource(a.value, plan);
  const vb = valueSource(b.value, plan);
  if (!va || !vb || va.kind !== vb.kind) return false;
  if (va.kind === 'parameter' && va.parameter.stricter !== (vb as typeof va).parameter.stricter) return false;
  return datesInPeriod(plan, [va, vb]).every((date) => {
    const x = va.at(date);
    const y = vb.at(date);
    if (x === undefined || y === undefined || typeof x !== ba.type || typeof y !== ba.type) return false;
    const tighter = ba.bound === 'lower' ? x > y : x < y;
    return tighter || (x === y && (ba.strict || !bb.strict));
  });
}

type ValueSource =
  | { kind: 'literal'; at: (date: string) => number | string }
  | { kind: 'parameter'; parameter: Parameter; at: (date: string) => number | string | undefined };

/** A compare value: a literal number or date, or a parameter (`{ fact: id }`) read on a date. */
function valueSource(value: unknown, plan: PlanState): ValueSource | undefined {
  if (typeof value === 'number' || typeof value === 'string') return { kind: 'literal', at: () => value };
  const fact = (value as { fact?: unknown } | null)?.fact;
  const parameter = plan.parameters.find((p) => p.id === fact);
  if (!parameter || Object.keys(value as object).length !== 1) return undefined;
  return parameterSource(parameter);
}

function parameterSource(parameter: Parameter): ValueSource {
  return { kind: 'parameter', parameter, at: (date) => parameterEntryAt(parameter, date)?.value };
}

/** The plan's start and every date in the plan period on which one of `sources` changes value. */
function datesInPeriod(plan: PlanState, sources: ValueSource[]): string[] {
  const changes = sources.flatMap((s) => (s.kind === 'parameter' ? s.parameter.values.map((v) => v.from) : []));
  const inside = changes.filter((d) => d > plan.period.start && d <= plan.period.end);
  return [plan.period.start, ...new Set(inside)];
}

/** A `due` that is missing, is no date parameter of the same direction, or is later on some date. */
function dueLoosens(old: Rule, next: Rule, plan: PlanState): Message | undefined {
  if (!old.due || next.due === old.due) return undefined;
  const find = (id: string | undefined) => plan.parameters.find((p) => p.id === id);
  const before = find(old.due)!;
  const after = find(next.due);
  if (!after || after.stricter !== before.stricter)
    return pluginMessage('loosening.due-not-date', { due: next.due ?? null, old: old.due });
  const late = datesInPeriod(plan, [parameterSource(before), parameterSource(after)]).find((date) => {
    const x = parameterEntryAt(after, date)?.value;
    const y = parameterEntryAt(before, date)?.value;
    return x === undefined || y === undefined || x > y;
  });
  if (late === undefined) return undefined;
  const value = (p: Parameter) => String(parameterEntryAt(p, late)?.value ?? '—');
  return pluginMessage('loosening.due-later', {
    due: next.due!,
    on: late,
    value: value(after),
    old: old.due,
    oldValue: value(before),
  });
}

/** A derived fact defined differently, or one that shadows a fact the other rule reads. */
function derivedDiffers(old: Rule | ScreeningRule, next: Rule | ScreeningRule, plan: PlanState): Message | undefined {
  const operators = { ...customOperators, ...plan.operators };
  const read = (rule: Rule | ScreeningRule) =>
    new Set(
      [rule.condition, 'applicability' in rule ? rule.applicability : undefined].flatMap((c) =>
        c ? compileCondition(c, { operators }).facts : [],
      ),
    );
  const names = new Set([...Object.keys(old.derived), ...Object.keys(next.derived)]);
  for (const name of names) {
    const a = old.derived[name];
    const b = next.derived[name];
    const same = a && b ? canonicalJson(a) === canonicalJson(b) : !read(a ? next : old).has(name);
    if (!same) return pluginMessage('loosening.derived-differs', { name });
  }
  return undefined;
}

/** Why a condition could not be shown to be as strict: the most telling cause first. */
function conditionReason(next: Condition, old: Condition): Message {
  const comparisons = (c: Condition): Comparison[] =>
    'all' in c
      ? c.all.flatMap(comparisons)
      : 'any' in c
        ? c.any.flatMap(comparisons)
        : 'not' in c
          ? comparisons(c.not)
          : 'fact' in c
            ? [c]
            : [];
  const unknown = comparisons(next).find((c) => !BOUNDS[c.operator] && !comparisons(old).some((o) => same(o, c)));
  if (unknown) return pluginMessage('loosening.operator-unproven', { operator: unknown.operator });
  const hasAny = (c: Condition): boolean =>
    'any' in c || ('all' in c && c.all.some(hasAny)) || ('not' in c && hasAny(c.not));
  if (hasAny(next) && !hasAny(old)) return pluginMessage('loosening.any-for-all', {});
  const literal = comparisons(next).find(
    (c) =>
      typeof c.value !== 'object' &&
      comparisons(old).some((o) => o.fact === c.fact && typeof o.value === 'object' && o.value !== null),
  );
  if (literal)
    return pluginMessage('loosening.literal-for-parameter', {
      fact: literal.fact,
      value: literal.value as string | number | boolean,
    });
  return pluginMessage('loosening.condition-unproven', {});
}

function same(a: Condition, b: Condition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
