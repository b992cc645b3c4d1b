/** Built-in plans (内置方案), by id. */
import { PlanSchema, type Plan } from '../model/schema.js';
import { changjiang2021 } from './changjiang-2021/index.js';
import { deepFreeze } from '../model/freeze.js';

const builtIn: ReadonlyMap<string, Plan> = new Map([[changjiang2021.id, deepFreeze(PlanSchema.parse(changjiang2021))]]);

/** The ids of the built-in plans. */
export function listPlans(): string[] {
  return [...builtIn.keys()];
}

/** A built-in plan by id (frozen); throws naming the known ids when there is none. */
export function getPlan(id: string): Plan {
  const plan = builtIn.get(id);
  if (!plan) throw new Error(`unknown plan "${id}" (未知方案); built-in plans: ${listPlans().join(', ')}`);
  return plan;
}
