/** `definePlugin`: check a plugin's shape once, where it is written. */
import { structureProblems } from '../evaluate/structure.js';
import { deepFreeze } from '../model/freeze.js';
import { PluginError } from './errors.js';
import { PluginDataSchema, type Plugin, type PluginInput } from './schema.js';

/** Deeper than any plugin: conditions nest a few levels, each `all`/`any` counting two. */
const PLUGIN_DEPTH = 64;

/** Check and freeze a plugin; throws `PluginError` naming the plugin and the path of the first problems. */
export function definePlugin(input: PluginInput): Plugin {
  const { operators = {}, ...data } = input as PluginInput;
  const id = typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : '(no id)';
  const [malformed] = structureProblems(data, PLUGIN_DEPTH);
  if (malformed) throw new PluginError(id, pathText(malformed.path), malformed.message.zh, malformed.message.en);
  if (typeof operators !== 'object' || operators === null || Array.isArray(operators)) {
    throw new PluginError(
      id,
      'operators',
      '自定义运算符须为对象（名称 → 函数）',
      'operators must be an object of name → function',
    );
  }
  const parsed = PluginDataSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const path = pathText(first.path);
    const others = parsed.error.issues.length - 1;
    throw new PluginError(
      id,
      path,
      `格式有误：${first.message}${others ? `（另有${others}处）` : ''}`,
      `invalid: ${first.message}${others ? ` (and ${others} more)` : ''}`,
    );
  }
  for (const [name, fn] of Object.entries(operators)) {
    if (typeof fn !== 'function')
      throw new PluginError(id, `operators.${name}`, '自定义运算符须为函数', 'a custom operator must be a function');
  }
  return deepFreeze({ ...parsed.data, operators: { ...operators } });
}

/** `rules.add[0].units[1]`: a path inside the plugin as the errors write it. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
