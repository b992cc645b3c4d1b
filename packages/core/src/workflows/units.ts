/** Escalation units (督办单位) of the workflows, read from the plan's clauses and policies. */
import type { Plan } from '../model/schema.js';

/** The lead unit (牵头单位) of a clause: its first listed unit, else its policy's first unit. */
export function leadUnitOf(plan: Plan, clauseId: string): string[] {
  const clause = plan.clauses.find((c) => c.id === clauseId);
  const unit = clause?.units[0] ?? plan.policies.find((p) => p.clause === clauseId)?.units[0];
  return unit ? [unit] : [];
}
