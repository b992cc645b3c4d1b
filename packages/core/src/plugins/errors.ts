/** Plugin errors (插件错误): each names the plugin and the path inside it. */
import { RuralkitError } from '../model/errors.js';

/** One problem of a plugin: where it is, and what is wrong, in Chinese and English. */
export interface PluginProblem {
  path: string;
  zh: string;
  en: string;
}

/** A plugin refused (`invalid-plugin`): every problem, each with its path inside the plugin. */
export class PluginError extends RuralkitError {
  override readonly name = 'PluginError';
  /** Every problem found, the first being `path`, `zh` and `en`; a plugin's shape reports them all at once. */
  readonly problems: readonly PluginProblem[];
  constructor(
    /** The plugin's id (or its file, before the id is known). */
    readonly plugin: string,
    /** Where inside the plugin, e.g. `rules.add[0].units[1]`. */
    readonly path: string,
    readonly zh: string,
    readonly en: string,
    /** Further problems found at the same time. */
    more: readonly PluginProblem[] = [],
  ) {
    const problems = [{ path, zh, en }, ...more];
    const line = (p: PluginProblem) => `${p.path ? `at ${p.path}: ` : ''}${p.zh} / ${p.en}`;
    const where = (lang: 'zh' | 'en') =>
      lang === 'zh' ? `插件 ${plugin}${path ? ` 的 ${path}` : ''}` : `plugin ${plugin}${path ? ` at ${path}` : ''}`;
    super(
      'invalid-plugin',
      {
        zh: `${where('zh')}：${zh}${more.length ? `（另有 ${more.length} 处问题）` : ''}`,
        en: `${where('en')}: ${en}${more.length ? ` (and ${more.length} more problems)` : ''}`,
      },
      problems.length === 1
        ? `plugin ${plugin}${path ? ` at ${path}` : ''}: ${zh} / ${en}`
        : `plugin ${plugin}: ${problems.length} 处问题 / ${problems.length} problems:\n${problems.map((p) => `  - ${line(p)}`).join('\n')}`,
    );
    this.problems = problems;
  }
}
