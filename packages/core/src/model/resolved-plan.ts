/**
 * A resolved plan (解析后的方案): a plan with its plugins applied, its hash and provenance. Every
 * entry point takes a `Plan` and works on `asResolvedPlan(plan)`, so a base plan is simply a
 * resolved plan without plugins and nothing further in asks which of the two it was given.
 */
import { deepFreeze } from './freeze.js';
import { planHash } from './hash.js';
import { PlanSchema, type Plan } from './schema.js';

/** A comparison operator (比较运算符): the fact's value against the condition's value. */
export type Operator = (factValue: unknown, compareValue: unknown) => boolean;

/** Who set each part of a resolved plan: `plan` or `plugin:<id>@<version>`. */
export interface Provenance {
  /** Per parameter, one entry per dated value. */
  parameters: Record<string, { from: string; setBy: string }[]>;
  rules: Record<string, string>;
  screeningRules: Record<string, string>;
  indicators: Record<string, string>;
  units: Record<string, string>;
  riskTypes: Record<string, string>;
  messages: Record<string, string>;
  /** Rules whose responsible units a plugin reassigned, by rule id. */
  responsibility: Record<string, string>;
  /** Custom operators, by name. */
  operators: Record<string, string>;
  /** Workflow roles, by `<workflow>.<event>`. */
  workflowRoles: Record<string, string>;
  /** Workflows code plugins added (流程), by type; the plan's own are its registry's. */
  workflows: Record<string, string>;
}

/**
 * A change a plugin made that loosens the plan (a binding target, a screening rule, a parameter
 * that protects households, a workflow's roles), with the reason it declared in `relax`.
 */
export interface Relaxation {
  id: string;
  reason: string;
  by: string;
}

/** A plan with its plugins applied: still a `Plan`, plus hash, provenance and operators. */
export type ResolvedPlan = Plan & {
  readonly hash: string;
  readonly base: { readonly id: string; readonly hash: string };
  readonly plugins: readonly { readonly id: string; readonly version: string; readonly name: Plan['title'] }[];
  readonly provenance: Provenance;
  readonly operators: Readonly<Record<string, Operator>>;
  readonly workflowRoles: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly relaxed: readonly Relaxation[];
  /** Rules and screening rules plugins disabled, with who did it. */
  readonly disabled: readonly { readonly id: string; readonly by: string }[];
};

/**
 * A plugin as a plan names it (插件标识): `id@version`. Provenance writes `plugin:id@version`
 * (`pluginRef`), to tell it from `plan`.
 */
export function pluginSpec(plugin: { readonly id: string; readonly version: string }): string {
  return `${plugin.id}@${plugin.version}`;
}

/** The plugins applied to `plan`, in order, as `id@version` (none for a base plan). */
export function pluginSpecs(plan: Plan): string[] {
  return asResolvedPlan(plan).plugins.map(pluginSpec);
}

export function isResolvedPlan(plan: Plan): plan is ResolvedPlan {
  return 'provenance' in plan && 'hash' in plan;
}

/** A resolved plan being built: plain mutable data until it is frozen. */
export type WorkingPlan = Plan & {
  provenance: Provenance;
  operators: Record<string, Operator>;
  workflowRoles: Record<string, Record<string, string[]>>;
  relaxed: Relaxation[];
  disabled: { id: string; by: string }[];
};

/** The plan's own data, the fields of `PlanSchema` (no provenance or functions): what the hash covers. */
export function planData(plan: Plan): Plan {
  return Object.fromEntries(Object.keys(PlanSchema.shape).map((key) => [key, plan[key as keyof Plan]])) as Plan;
}

/** A copy of `plan`'s data with everything in it set by the plan: where plugins are applied. */
export function workingCopy(plan: Plan): WorkingPlan {
  const data = structuredClone(planData(plan));
  const byPlan = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'plan']));
  return {
    ...data,
    provenance: {
      parameters: Object.fromEntries(
        data.parameters.map((p) => [p.id, p.values.map((v) => ({ from: v.from, setBy: 'plan' }))]),
      ),
      rules: byPlan(data.rules.map((r) => r.id)),
      screeningRules: byPlan(data.screeningRules.map((r) => r.id)),
      indicators: byPlan(data.indicators.map((i) => i.key)),
      units: byPlan(data.units.map((u) => u.id)),
      riskTypes: byPlan(data.riskTypes.map((r) => r.id)),
      messages: {},
      responsibility: {},
      operators: {},
      workflowRoles: {},
      workflows: {},
    },
    operators: {},
    workflowRoles: {},
    relaxed: [],
    disabled: [],
  };
}

const resolved = new WeakMap<Plan, ResolvedPlan>();

/**
 * `plan` as a resolved plan: itself when it is one, else the plan without plugins (the same as
 * `resolvePlan(plan, [])`); remembered for frozen plans, which cannot change.
 */
export function asResolvedPlan(plan: Plan): ResolvedPlan {
  if (isResolvedPlan(plan)) return plan;
  const known = resolved.get(plan);
  if (known) return known;
  const hash = planHash(plan);
  const result = deepFreeze({ ...workingCopy(plan), hash, base: { id: plan.id, hash }, plugins: [] }) as ResolvedPlan;
  if (Object.isFrozen(plan)) resolved.set(plan, result);
  return result;
}
