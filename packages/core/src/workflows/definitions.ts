/** The three workflows of the plan, by type (流程定义). */
import { monitoringVocabulary, povertyMonitoringPayloadsFor, povertyMonitoringWorkflow } from './poverty-monitoring.js';
import { rectificationWorkflow } from './rectification.js';
import type { Plan } from '../model/schema.js';
import { isResolvedPlan } from '../plugins/resolved.js';
import type { EventRule, Grant, Role, WorkflowDefinition, WorkflowType } from './types.js';
import { villagePlanWorkflow } from './village-plan.js';

export const WORKFLOWS: Readonly<Record<WorkflowType, WorkflowDefinition>> = {
  'village-plan': villagePlanWorkflow,
  rectification: rectificationWorkflow,
  'poverty-monitoring': povertyMonitoringWorkflow,
};

/**
 * The workflows as a plan sets them. Payload vocabularies (risk types, categories) are the
 * plan's own, plugins' additions included; escalation units are read from the plan when a
 * deadline is set. A plugin's `workflowRoles` list the roles that may send an event: grants of
 * other roles are dropped, grants of listed roles keep their conditions (own household,
 * payload), a listed role without a grant gets a plain one, and grants by relation alone (the
 * assignee unit, the reporter) stay.
 */
export function workflowsFor(plan: Plan): Readonly<Record<WorkflowType, WorkflowDefinition>> {
  const cached = byPlan.get(plan);
  if (cached) return cached;
  const out: Record<WorkflowType, WorkflowDefinition> = {
    ...WORKFLOWS,
    'poverty-monitoring': withVocabulary(povertyMonitoringWorkflow, plan),
  };
  const roles = isResolvedPlan(plan) ? plan.workflowRoles : {};
  for (const [type, events] of Object.entries(roles)) {
    const definition = out[type as WorkflowType];
    const rules = { ...definition.events };
    for (const [event, eventRoles] of Object.entries(events)) {
      const kept = rules[event]!.grants.filter((g) => !g.role || eventRoles.includes(g.role));
      const added = eventRoles
        .filter((role) => !kept.some((g) => g.role === role))
        .map((role) => ({ role: role as Role }));
      const grants: Grant[] = [...kept, ...added];
      rules[event] = { ...rules[event]!, grants };
    }
    out[type as WorkflowType] = { ...definition, events: rules };
  }
  byPlan.set(plan, out);
  return out;
}

const byPlan = new WeakMap<Plan, Readonly<Record<WorkflowType, WorkflowDefinition>>>();

/** `poverty-monitoring` with payload schemas over the plan's risk types and categories. */
function withVocabulary(definition: WorkflowDefinition, plan: Plan): WorkflowDefinition {
  const payloads: Record<string, EventRule['payload']> = povertyMonitoringPayloadsFor(monitoringVocabulary(plan));
  const events = Object.fromEntries(
    Object.entries(definition.events).map(([type, rule]) => [
      type,
      { ...rule, payload: payloads[type] ?? rule.payload },
    ]),
  );
  return { ...definition, events };
}
