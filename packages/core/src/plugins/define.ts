/** `definePlugin`: check a plugin's shape once, where it is written. */
import { structureProblems } from '../evaluate/structure.js';
import { deepFreeze } from '../model/freeze.js';
import { pluginError, PluginError } from './errors.js';
import { pluginText } from './locales/index.js';
import { pluginMessage } from './locales/messages.js';
import { definitionProblem, freezeDefinition } from '../workflows/registry.js';
import { PluginDataSchema, type Plugin, type PluginInput } from './schema.js';

/** Deeper than any plugin: conditions nest a few levels, each `all`/`any` counting two. */
const PLUGIN_DEPTH = 64;

/** The plugins `definePlugin` checked: only these skip a second check in `resolvePlan`. */
const defined = new WeakSet<object>();

/** Whether `value` came out of `definePlugin` (a frozen look-alike does not count). */
export function isDefinedPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && defined.has(value);
}

/** Check and freeze a plugin; throws `PluginError` naming the plugin and the path of every problem. */
export function definePlugin(input: PluginInput): Plugin {
  const { operators = {}, workflows = [], ...data } = input as PluginInput;
  const id = typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : '(no id)';
  const [malformed] = structureProblems(data, PLUGIN_DEPTH);
  if (malformed) throw pluginError(id, pathText(malformed.path), malformed.message);
  if (typeof operators !== 'object' || operators === null || Array.isArray(operators)) {
    throw pluginError(id, 'operators', pluginMessage('plugin.operators-not-object', {}));
  }
  const parsed = PluginDataSchema.safeParse(data);
  if (!parsed.success) {
    const [first, ...more] = parsed.error.issues.map((issue) => ({
      path: pathText(issue.path),
      ...pluginText(pluginMessage('plugin.invalid-shape', { issue: issue.message })),
    }));
    throw new PluginError(id, first!.path, first!.zh, first!.en, more);
  }
  for (const [name, fn] of Object.entries(operators)) {
    if (typeof fn !== 'function')
      throw pluginError(id, `operators.${name}`, pluginMessage('plugin.operator-not-function', {}));
  }
  if (!Array.isArray(workflows)) throw pluginError(id, 'workflows', pluginMessage('plugin.workflows-not-list', {}));
  workflows.forEach((definition, i) => {
    const problem = definitionProblem(definition);
    if (problem) throw pluginError(id, `workflows[${i}]`, problem);
  });
  // Payload schemas stay as zod made them: a definition freezes its own tables only.
  const plugin: Plugin = Object.freeze({
    ...deepFreeze({ ...parsed.data, operators: { ...operators } }),
    workflows: Object.freeze(workflows.map(freezeDefinition)),
  });
  defined.add(plugin);
  return plugin;
}

/** `rules.add[0].units[1]`: a path inside the plugin as the errors write it. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
