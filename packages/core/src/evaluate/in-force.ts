/**
 * The plan in force on a date (现行方案): each rule with its clauses and due date, each
 * parameter's value then, and the units, clauses, indicators and risk types rules refer to;
 * each with who set it (`plan` or `plugin:<id>@<version>`). The CLI's `plan show` and the HTTP
 * service's `GET /plans/{plan}` both show it.
 */
import { parameterEntryAt } from '../model/parameters.js';
import type { Plan } from '../model/schema.js';
import { asResolvedPlan, pluginSpec } from '../model/resolved-plan.js';
import { ruleNameAt } from './names.js';

/** What `planInForce` returns. */
export type PlanInForce = ReturnType<typeof planInForce>;

type ProvenanceKind = 'rules' | 'screeningRules' | 'indicators' | 'units' | 'riskTypes';

/**
 * What is in force on a date: each rule with its clauses and due date, each parameter's value,
 * and the units, clauses, indicators and risk types rules refer to; each with who set it.
 */
export function planInForce(given: Plan, at: string) {
  const plan = asResolvedPlan(given);
  const setBy = (kind: ProvenanceKind, id: string) => plan.provenance[kind][id] ?? 'plan';
  const clauseLabel = (id: string) => plan.clauses.find((c) => c.id === id)?.label ?? id;
  const parameters = plan.parameters.map((p) => {
    const entry = parameterEntryAt(p, at);
    const by = plan.provenance.parameters[p.id]?.find((v) => v.from === entry?.from)?.setBy;
    return {
      id: p.id,
      name: p.name,
      value: entry?.value,
      from: entry?.from,
      unit: p.unit,
      stricter: p.stricter,
      assumption: p.assumption,
      source: p.source,
      setBy: by ?? 'plan',
    };
  });
  const due = (id: string | undefined) => (id ? parameters.find((p) => p.id === id)?.value : undefined);
  return {
    plan: plan.id,
    hash: plan.hash,
    at,
    plugins: plan.plugins.map(pluginSpec),
    rules: plan.rules.map((r) => ({
      id: r.id,
      name: ruleNameAt(plan, r, at),
      subject: r.subject,
      kind: r.kind,
      strength: r.strength,
      clauses: r.clauses.map((id) => ({ id, label: clauseLabel(id) })),
      due: due(r.due),
      units: r.units,
      /** Whether the choice of lead and co-units is the library's reading of the seed. */
      unitsAssumption: r.unitsAssumption ?? false,
      unitsSetBy: plan.provenance.responsibility[r.id] ?? setBy('rules', r.id),
      setBy: setBy('rules', r.id),
    })),
    screeningRules: plan.screeningRules.map((r) => ({
      id: r.id,
      name: ruleNameAt(plan, r, at),
      riskType: r.riskType,
      setBy: setBy('screeningRules', r.id),
    })),
    parameters,
    units: plan.units.map((u) => ({ id: u.id, name: u.name, setBy: setBy('units', u.id) })),
    clauses: plan.clauses.map((c) => ({ id: c.id, label: c.label, heading: c.heading, text: c.text, units: c.units })),
    indicators: plan.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      subject: i.subject,
      type: i.type,
      unit: i.unit,
      ...(i.min !== undefined ? { min: i.min } : {}),
      ...(i.max !== undefined ? { max: i.max } : {}),
      ...(i.required ? { required: true } : {}),
      setBy: setBy('indicators', i.key),
    })),
    riskTypes: plan.riskTypes.map((t) => ({ id: t.id, name: t.name, setBy: setBy('riskTypes', t.id) })),
  };
}
