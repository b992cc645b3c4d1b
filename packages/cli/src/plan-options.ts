/** The `--plan ID` and `--plugin FILE`… options every plan-reading command shares. */
import { asResolvedPlan, getPlan, listPlans, resolvePlan, type Plan, type ResolvedPlan } from '@ruralkit/core';
import { suggest, UsageError } from './io.js';
import { cliMessage } from './locales/index.js';

export const planOptions = {
  plan: { type: 'string' },
  plugin: { type: 'string', multiple: true },
} as const;

/** The help lines of `--plan` and `--plugin`. */
export const PLAN_OPTIONS_HELP = `  --plan      内置方案 id（默认 changjiang-2021） / built-in plan id (default changjiang-2021)
  --plugin    县级插件文件（.yaml、.json、.ts、.js），可重复 / a county plugin file (.yaml, .json, .ts, .js); repeat for several`;

/** The base plan named by `--plan` (default `changjiang-2021`). */
export function basePlan(planId: unknown): Plan {
  const id = (planId as string | undefined) ?? 'changjiang-2021';
  if (!listPlans().includes(id)) {
    throw new UsageError(
      'ruralkit',
      cliMessage('plan.unknown', { plan: id, known: listPlans(), suggestion: suggest(id, listPlans()) }),
    );
  }
  return getPlan(id);
}

/** The plan with the `--plugin` files applied, in the order given (dependencies first). */
export async function planFromOptions(values: { plan?: unknown; plugin?: unknown }): Promise<ResolvedPlan> {
  const base = basePlan(values.plan);
  const files = (values.plugin as string[] | undefined) ?? [];
  if (files.length === 0) return asResolvedPlan(base);
  // Loaded only for plugins, so that a run without them starts sooner.
  const { loadPlugins } = await import('@ruralkit/core/node');
  return resolvePlan(base, await loadPlugins(files));
}
