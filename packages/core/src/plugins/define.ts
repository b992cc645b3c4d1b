/** `definePlugin`: check a plugin's shape once, where it is written. */
import { deepFreeze } from '../model/freeze.js';
import { PluginError } from './errors.js';
import { PluginDataSchema, type Plugin, type PluginInput } from './schema.js';

/** The plugins `definePlugin` checked: only these skip a second check in `resolvePlan`. */
const defined = new WeakSet<object>();

/** Whether `value` came out of `definePlugin` (a frozen look-alike does not count). */
export function isDefinedPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && defined.has(value);
}

/** Check and freeze a plugin; throws `PluginError` naming the plugin and the path of every problem. */
export function definePlugin(input: PluginInput): Plugin {
  const { operators = {}, ...data } = input as PluginInput;
  const parsed = PluginDataSchema.safeParse(data);
  const id = typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : '(no id)';
  if (!parsed.success) {
    const [first, ...more] = parsed.error.issues.map((issue) => ({
      path: issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, ''),
      zh: `格式有误：${issue.message}`,
      en: `invalid: ${issue.message}`,
    }));
    throw new PluginError(id, first!.path, first!.zh, first!.en, more);
  }
  for (const [name, fn] of Object.entries(operators)) {
    if (typeof fn !== 'function')
      throw new PluginError(id, `operators.${name}`, '自定义运算符须为函数', 'a custom operator must be a function');
  }
  const plugin = deepFreeze({ ...parsed.data, operators: { ...operators } });
  defined.add(plugin);
  return plugin;
}
