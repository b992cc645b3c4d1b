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
import type { Condition, LocalizedText, Parameter, Plan, Rule, ScreeningRule } from '../model/schema.js';

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
export function ruleReplacementLoosens(old: Rule, next: Rule, plan: PlanState): LocalizedText | undefined {
  if (next.strength !== 'binding')
    return { zh: `不再是约束性目标（改为 ${next.strength}）`, en: `it is no longer binding (now ${next.strength})` };
  if (next.subject !== old.subject)
    return {
      zh: `对象由 ${old.subject} 改为 ${next.subject}，原对象的结果不再出现`,
      en: `its subject changes from ${old.subject} to ${next.subject}, so the ${old.subject} results disappear`,
    };
  if (next.kind !== old.kind)
    return { zh: `类型由 ${old.kind} 改为 ${next.kind}`, en: `its kind changes from ${old.kind} to ${next.kind}` };
  const due = dueLoosens(old, next, plan);
  if (due) return due;
  const derived = derivedDiffers(old, next, plan);
  if (derived) return derived;
  if (!implies(old.applicability ?? ALWAYS, next.applicability ?? ALWAYS, plan))
    return {
      zh: '适用条件不能证明在原适用范围内都成立（可能使结果变为“不适用”）',
      en: 'its applicability cannot be shown to hold wherever the plan’s did (results may become not applicable)',
    };
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
): LocalizedText | undefined {
  if (next.riskType !== old.riskType)
    return {
      zh: `风险类型由 ${old.riskType} 改为 ${next.riskType}`,
      en: `its risk type changes from ${old.riskType} to ${next.riskType}`,
    };
  const derived = derivedDiffers(old, next, plan);
  if (derived) return derived;
  if (!implies(old.condition, next.condition, plan))
    return {
      zh: '新条件不能证明在原规则预警的每种情况下都会预警（同一指标、同一比较、阈值在方案期内每个生效值下至少同样宽）',
      en: 'the new condition cannot be shown to flag every household the plan’s flagged (same facts, same comparisons, thresholds at least as wide under every value in force in the plan period)',
    };
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
function dueLoosens(old: Rule, next: Rule, plan: PlanState): LocalizedText | undefined {
  if (!old.due || next.due === old.due) return undefined;
  const find = (id: string | undefined) => plan.parameters.find((p) => p.id === id);
  const before = find(old.due)!;
  const after = find(next.due);
  if (!after || after.stricter !== before.stricter)
    return {
      zh: `期限参数 ${next.due ?? '（无）'} 不是与 ${old.due} 同方向的日期参数`,
      en: `its due date ${next.due ?? '(none)'} is not a date parameter of the same direction as ${old.due}`,
    };
  const late = datesInPeriod(plan, [parameterSource(before), parameterSource(after)]).find((date) => {
    const x = parameterEntryAt(after, date)?.value;
    const y = parameterEntryAt(before, date)?.value;
    return x === undefined || y === undefined || x > y;
  });
  if (late === undefined) return undefined;
  const value = (p: Parameter) => String(parameterEntryAt(p, late)?.value ?? '—');
  return {
    zh: `期限 ${next.due} 在 ${late} 生效的值为 ${value(after)}，晚于 ${old.due} 的 ${value(before)}`,
    en: `its due date ${next.due} in force on ${late} is ${value(after)}, later than ${old.due}'s ${value(before)}`,
  };
}

/** A derived fact defined differently, or one that shadows a fact the other rule reads. */
function derivedDiffers(
  old: Rule | ScreeningRule,
  next: Rule | ScreeningRule,
  plan: PlanState,
): LocalizedText | undefined {
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
    if (!same)
      return {
        zh: `派生指标 "${name}" 的定义与原规则不同`,
        en: `the derived fact "${name}" is not defined as in the plan's rule`,
      };
  }
  return undefined;
}

/** Why a condition could not be shown to be as strict: the most telling cause first. */
function conditionReason(next: Condition, old: Condition): LocalizedText {
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
  if (unknown)
    return {
      zh: `运算符 "${unknown.operator}" 无法证明与原条件同样严格`,
      en: `the operator "${unknown.operator}" cannot be shown to be as strict as the plan's condition`,
    };
  const hasAny = (c: Condition): boolean =>
    'any' in c || ('all' in c && c.all.some(hasAny)) || ('not' in c && hasAny(c.not));
  if (hasAny(next) && !hasAny(old))
    return {
      zh: '用 any（任一成立）代替了 all（全部成立），新条件不能证明至少同样严格',
      en: 'any (one of) in place of all: the new condition cannot be shown to be at least as strict',
    };
  const literal = comparisons(next).find(
    (c) =>
      typeof c.value !== 'object' &&
      comparisons(old).some((o) => o.fact === c.fact && typeof o.value === 'object' && o.value !== null),
  );
  if (literal)
    return {
      zh: `"${literal.fact}" 与字面量 ${JSON.stringify(literal.value)} 比较，而原规则与参数比较`,
      en: `"${literal.fact}" is compared with the literal ${JSON.stringify(literal.value)} where the plan compares it with a parameter`,
    };
  return {
    zh: '新条件不能证明至少同样严格（须比较同一指标，每个比较在方案期内每个生效参数值下至少同样严格；any 代替 all 不算）',
    en: 'the new condition cannot be shown to be at least as strict (the same facts, each comparison at least as strict under every parameter value in force in the plan period; any in place of all is not)',
  };
}

function same(a: Condition, b: Condition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
