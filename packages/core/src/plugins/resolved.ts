/**
 * A resolved plan (解析后的方案): a plan with its plugins applied, its hash and provenance.
 * Kept apart from `resolve.ts` so that what reads a plan need not load the resolver.
 */
import type { Plan } from '../model/schema.js';
import type { Operator } from '../rules/operators.js';

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
  /** Custom operators, by name. */
  operators: Record<string, string>;
  /** Workflow roles, by `<workflow>.<event>`. */
  workflowRoles: Record<string, string>;
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

export function isResolvedPlan(plan: Plan): plan is ResolvedPlan {
  return 'provenance' in plan && 'hash' in plan;
}
