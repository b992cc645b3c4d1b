/**
 * `resolvePlan`: a plan with its county plugins applied (方案解析). Plugins are checked, ordered
 * by their dependencies (`order.ts`), their references checked (`references.ts`) and applied to
 * a copy of the plan (`apply.ts`); the result is frozen, hashed, and records for every
 * parameter value, rule, indicator and unit who set it.
 */
import { apply } from './apply.js';
import { orderByDependencies, transitiveDependencies } from './order.js';
import { checkTarget } from './references.js';
import { deepFreeze } from '../model/freeze.js';
import { canonicalJson, planHash, sha256Hex } from '../model/hash.js';
import type { Plan } from '../model/schema.js';
import { definePlugin, isDefinedPlugin } from './define.js';
import { pluginError } from './errors.js';
import { pluginMessage } from './locales/messages.js';
import { isResolvedPlan, planData, workingCopy, type ResolvedPlan } from '../model/resolved-plan.js';
import type { Plugin, PluginInput } from './schema.js';
import { addPluginWorkflows } from '../workflows/definitions.js';
import type { WorkflowDefinition } from '../workflows/types.js';

/**
 * Apply `plugins` to `plan`. Throws `PluginError` naming the plugin and the path inside it on:
 * a schema error, an unsupported core version, another plan, a missing or cyclic dependency,
 * a reference to something that does not exist, two plugins changing the same thing with
 * neither depending on the other, and a loosened target without a `relax` declaration.
 */
export function resolvePlan(plan: Plan, plugins: readonly (Plugin | PluginInput)[]): ResolvedPlan {
  if (isResolvedPlan(plan) && plan.plugins.length > 0) {
    throw pluginError('-', '', pluginMessage('plugin.resolved-base', {}));
  }
  const checked = plugins.map((p) => (isDefinedPlugin(p) ? p : definePlugin(p)));
  const ordered = orderByDependencies(checked);
  for (const plugin of ordered) checkTarget(plugin, plan);
  const working = workingCopy(plan);
  const touched = new Map<string, Plugin>();
  const dependsOn = transitiveDependencies(ordered);
  const workflows: WorkflowDefinition[] = [];
  for (const plugin of ordered) apply(working, plugin, touched, dependsOn, workflows);
  const refs = ordered.map((p) => ({ id: p.id, version: p.version, name: p.name }));
  const baseHash = planHash(plan);
  const hash =
    ordered.length === 0
      ? baseHash
      : `sha256:${sha256Hex(
          canonicalJson({
            plan: planData(working),
            plugins: refs,
            operators: Object.fromEntries(Object.entries(working.operators).map(([k, f]) => [k, String(f)])),
            // the workflows plugins add, by type and machine version (none: as before there were any)
            ...(workflows.length ? { workflows: workflows.map((w) => ({ type: w.type, version: w.version })) } : {}),
          }),
        )}`;
  const resolved = deepFreeze({
    ...working,
    hash,
    base: { id: plan.id, hash: baseHash },
    plugins: refs,
  }) as ResolvedPlan;
  addPluginWorkflows(resolved, workflows);
  return resolved;
}
