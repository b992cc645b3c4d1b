/**
 * The plan in force on a date (现行方案): each rule with its clauses and due date, each
 * parameter's value then, and who set each (`plan` or `plugin:<id>@<version>`).
 */
import { planHash } from '../model/hash.js';
import { parameterEntryAt } from '../model/parameters.js';
import type { Plan } from '../model/schema.js';
import { isResolvedPlan } from './resolved.js';

/** What `planInForce` returns. */
export type PlanInForce = ReturnType<typeof planInForce>;

/** What is in force on `at` (YYYY-MM-DD) in `plan`, with its plugins applied. */
export function planInForce(plan: Plan, at: string) {
  const setBy = (kind: 'rules' | 'screeningRules', id: string) =>
    isResolvedPlan(plan) ? plan.provenance[kind][id] : 'plan';
  const clauseLabel = (id: string) => plan.clauses.find((c) => c.id === id)?.label ?? id;
  const parameters = plan.parameters.map((p) => {
    const entry = parameterEntryAt(p, at);
    const by = isResolvedPlan(plan)
      ? plan.provenance.parameters[p.id]?.find((v) => v.from === entry?.from)?.setBy
      : 'plan';
    return {
      id: p.id,
      name: p.name,
      value: entry?.value,
      from: entry?.from,
      unit: p.unit,
      assumption: p.assumption,
      source: p.source,
      setBy: by ?? 'plan',
    };
  });
  const due = (id: string | undefined) => (id ? parameters.find((p) => p.id === id)?.value : undefined);
  return {
    plan: plan.id,
    hash: planHash(plan),
    at,
    plugins: isResolvedPlan(plan) ? plan.plugins.map((p) => `${p.id}@${p.version}`) : [],
    rules: plan.rules.map((r) => ({
      id: r.id,
      name: r.name,
      subject: r.subject,
      kind: r.kind,
      strength: r.strength,
      clauses: r.clauses.map((id) => ({ id, label: clauseLabel(id) })),
      due: due(r.due),
      units: r.units,
      setBy: setBy('rules', r.id) ?? 'plan',
    })),
    screeningRules: plan.screeningRules.map((r) => ({
      id: r.id,
      name: r.name,
      riskType: r.riskType,
      setBy: setBy('screeningRules', r.id) ?? 'plan',
    })),
    parameters,
  };
}
