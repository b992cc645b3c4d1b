/** The three workflows of the plan, by type (流程定义). */
import { povertyMonitoringWorkflow } from './poverty-monitoring.js';
import { rectificationWorkflow } from './rectification.js';
import { deepFreeze } from '../model/freeze.js';
import type { Plan } from '../model/schema.js';
import { isResolvedPlan } from '../plugins/resolved.js';
import type { Grant, Role, WorkflowDefinition, WorkflowType } from './types.js';
import { villagePlanWorkflow } from './village-plan.js';

/**
 * The workflows by type, frozen (role tables, deadlines, blockers, machines): a
 * plugin changes who may act only through its `workflowRoles`, where the change is checked.
 */
export const WORKFLOWS: Readonly<Record<WorkflowType, WorkflowDefinition>> = Object.freeze({
  'village-plan': freezeDefinition(villagePlanWorkflow),
  rectification: freezeDefinition(rectificationWorkflow),
  'poverty-monitoring': freezeDefinition(povertyMonitoringWorkflow),
});

/** Freezes a definition's own tables (payload schemas are zod's objects and stay as they are). */
function freezeDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  for (const rule of Object.values(definition.events)) {
    deepFreeze(rule.grants);
    Object.freeze(rule);
  }
  for (const table of [definition.events, definition.deadlines, definition.parameters, definition.blockers])
    Object.freeze(table);
  definition.deadlines.forEach((d) => deepFreeze(d));
  deepFreeze(definition.machine);
  deepFreeze(definition.name);
  return Object.freeze(definition);
}

/**
 * The workflows as a plan's plugins set them. A plugin's `workflowRoles` list the roles that may
 * send an event: grants of other roles are dropped, grants of listed roles keep their conditions
 * (own household, payload), a listed role without a grant gets a plain one, and grants by
 * relation alone (the assignee unit, the reporter) stay.
 */
export function workflowsFor(plan: Plan): Readonly<Record<WorkflowType, WorkflowDefinition>> {
  if (!isResolvedPlan(plan) || Object.keys(plan.workflowRoles).length === 0) return WORKFLOWS;
  const out = { ...WORKFLOWS };
  for (const [type, events] of Object.entries(plan.workflowRoles)) {
    const definition = WORKFLOWS[type as WorkflowType];
    const rules = { ...definition.events };
    for (const [event, roles] of Object.entries(events)) {
      const kept = rules[event]!.grants.filter((g) => !g.role || roles.includes(g.role));
      const added = roles.filter((role) => !kept.some((g) => g.role === role)).map((role) => ({ role: role as Role }));
      const grants: Grant[] = [...kept, ...added];
      rules[event] = { ...rules[event]!, grants };
    }
    out[type as WorkflowType] = { ...definition, events: rules };
  }
  return out;
}
