/** Built-in plans (内置方案), by id; each registers its workflows as core loads. */
import { PlanSchema, type Plan } from '../model/schema.js';
import { registerPlanWorkflows, type PlanWorkflows } from '../workflows/definitions.js';
import { changjiang2021 } from './changjiang-2021/index.js';
import { changjiangWorkflows } from './changjiang-2021/workflows/index.js';
import { deepFreeze } from '../model/freeze.js';

/** A built-in plan: its data, and its workflow definitions as a plan with its id sets them. */
interface BuiltInPlan {
  plan: Plan;
  workflows: PlanWorkflows;
}

const builtIn: ReadonlyMap<string, BuiltInPlan> = new Map([
  [changjiang2021.id, { plan: deepFreeze(PlanSchema.parse(changjiang2021)), workflows: changjiangWorkflows }],
]);

for (const [id, { workflows }] of builtIn) registerPlanWorkflows(id, workflows);

/** The ids of the built-in plans. */
export function listPlans(): string[] {
  return [...builtIn.keys()];
}

/** A built-in plan by id (frozen); throws naming the known ids when there is none. */
export function getPlan(id: string): Plan {
  const plan = builtIn.get(id)?.plan;
  if (!plan) throw new Error(`unknown plan "${id}" (未知方案); built-in plans: ${listPlans().join(', ')}`);
  return plan;
}
