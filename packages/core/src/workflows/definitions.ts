/**
 * The workflows plans register (流程定义), and the workflow registry of a resolved plan: the
 * definitions its plan registers, plugins' roles applied.
 */
import type { Plan } from '../model/schema.js';
import { asResolvedPlan } from '../model/resolved-plan.js';
import { createWorkflowRegistry, type WorkflowRegistry } from './registry.js';
import type { Grant, Role, WorkflowDefinition } from './types.js';
import { workflowLine } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** What a plan registers: its workflow definitions as a plan with its id (plugins applied or not) sets them. */
export type PlanWorkflows = (plan: Plan) => WorkflowDefinition[];

const registered = new Map<string, PlanWorkflows>();

/** Register the workflows of the plan `planId` (built-in plans register theirs as core loads). */
export function registerPlanWorkflows(planId: string, workflows: PlanWorkflows): void {
  registered.set(planId, workflows);
}

/** The definitions the plan of `plan`'s id registers, as `plan` sets them; none for a plan that registers none. */
export function planWorkflows(plan: Plan): WorkflowDefinition[] {
  return registered.get(plan.id)?.(plan) ?? [];
}

/** The workflows code plugins added to a resolved plan, in order (its provenance names them). */
const fromPlugins = new WeakMap<Plan, readonly WorkflowDefinition[]>();

/** Record the workflows plugins added to `resolved` (where it is resolved). */
export function addPluginWorkflows(resolved: Plan, definitions: readonly WorkflowDefinition[]): void {
  if (definitions.length) fromPlugins.set(resolved, Object.freeze([...definitions]));
}

/**
 * The workflows as a plan sets them, by type: the definitions its plan registers (vocabularies
 * and escalation units read from the plan, plugins' additions included), then those its code
 * plugins add. A plugin's `workflowRoles` list the roles that may send an event: grants of other roles are
 * dropped, grants of listed roles keep their conditions (own household, payload), a listed
 * role without a grant gets a plain one, and grants by relation alone (the assignee unit, the
 * reporter) stay.
 */
export function workflowsFor(plan: Plan): WorkflowRegistry {
  const cached = byPlan.get(plan);
  if (cached) return cached;
  const resolved = asResolvedPlan(plan);
  const added = fromPlugins.get(resolved) ?? [];
  const missing = Object.keys(resolved.provenance.workflows ?? {}).filter((t) => !added.some((d) => d.type === t));
  if (missing.length) {
    throw new Error(workflowLine(workflowMessage('registry.plugin-workflows-missing', { plan: plan.id, missing })));
  }
  const roles = resolved.workflowRoles;
  const registry = createWorkflowRegistry(
    [...planWorkflows(plan), ...added].map((definition) => withRoles(definition, roles[definition.type] ?? {})),
  );
  byPlan.set(plan, registry);
  return registry;
}

const byPlan = new WeakMap<Plan, WorkflowRegistry>();

/** `definition` with the roles a plugin listed per event. */
function withRoles(
  definition: WorkflowDefinition,
  byEvent: Readonly<Record<string, readonly string[]>>,
): WorkflowDefinition {
  if (Object.keys(byEvent).length === 0) return definition;
  const rules = { ...definition.events };
  for (const [event, eventRoles] of Object.entries(byEvent)) {
    const kept = rules[event]!.grants.filter((g) => !g.role || eventRoles.includes(g.role));
    const added = eventRoles
      .filter((role) => !kept.some((g) => g.role === role))
      .map((role) => ({ role: role as Role }));
    const grants: Grant[] = [...kept, ...added];
    rules[event] = { ...rules[event]!, grants };
  }
  return { ...definition, events: rules };
}
