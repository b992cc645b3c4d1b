/** The three workflows of the plan, by type (流程定义). */
import { povertyMonitoringWorkflow } from './poverty-monitoring.js';
import { rectificationWorkflow } from './rectification.js';
import type { WorkflowDefinition, WorkflowType } from './types.js';
import { villagePlanWorkflow } from './village-plan.js';

export const WORKFLOWS: Readonly<Record<WorkflowType, WorkflowDefinition>> = {
  'village-plan': villagePlanWorkflow,
  rectification: rectificationWorkflow,
  'poverty-monitoring': povertyMonitoringWorkflow,
};
