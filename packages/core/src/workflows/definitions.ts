/** The three workflows of the plan, by type (流程定义). */
import { monitoringVocabulary, povertyMonitoringPayloadsFor, povertyMonitoringWorkflow } from './poverty-monitoring.js';
import { rectificationWorkflow } from './rectification.js';
import { deepFreeze } from '../model/freeze.js';
import type { Plan } from '../model/schema.js';
import { asResolvedPlan } from '../model/resolved-plan.js';
import { WorkflowError } from './errors.js';
import {
  WORKFLOW_TYPES,
  type EventRule,
  type Grant,
  type Role,
  type WorkflowDefinition,
  type WorkflowType,
} from './types.js';
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
  for (const [type, events] of Object.entries(asResolvedPlan(plan).workflowRoles)) {
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

/** The definition of `type` among `workflows`, or `unknown-workflow` naming the known types. */
export function definitionOf(
  workflows: Readonly<Record<WorkflowType, WorkflowDefinition>>,
  type: string,
): WorkflowDefinition {
  if (!(WORKFLOW_TYPES as readonly string[]).includes(type)) {
    throw new WorkflowError('unknown-workflow', {
      zh: `未知流程类型 "${type}"，可用：${WORKFLOW_TYPES.join('、')}`,
      en: `unknown workflow type "${type}"; known: ${WORKFLOW_TYPES.join(', ')}`,
    });
  }
  return workflows[type as WorkflowType];
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
