/**
 * The procedures of `changjiang-2021` (流程) the plan registers: village planning (村庄规划编制),
 * rectification (问题整改) and anti-poverty-relapse monitoring (防止返贫动态监测和帮扶).
 */
import type { Plan } from '../../../model/schema.js';
import { freezeDefinition } from '../../../workflows/registry.js';
import type { EventRule, WorkflowDefinition } from '../../../workflows/types.js';
import { monitoringVocabulary, povertyMonitoringPayloadsFor, povertyMonitoringWorkflow } from './poverty-monitoring.js';
import { rectificationWorkflow } from './rectification.js';
import { villagePlanWorkflow } from './village-plan.js';

const villagePlan = freezeDefinition(villagePlanWorkflow);
const rectification = freezeDefinition(rectificationWorkflow);
const monitoring = freezeDefinition(povertyMonitoringWorkflow);

/**
 * The plan's workflows as `plan` sets them: `poverty-monitoring`'s payload vocabularies (risk
 * types, categories) are the plan's own, plugins' additions included.
 */
export function changjiangWorkflows(plan: Plan): WorkflowDefinition[] {
  return [villagePlan, rectification, withVocabulary(monitoring, plan)];
}

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
