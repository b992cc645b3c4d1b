/** Plugin errors (插件错误): each names the plugin and the path inside it. */
import { RuralkitError } from '../model/errors.js';
import type { Message } from '../model/message.js';
import { sayAround } from '../workflows/locales/index.js';
import type { LocalizedText } from '../model/schema.js';
import { PLUGIN_WORDS, pluginText } from './locales/index.js';
import { pluginMessage } from './locales/messages.js';

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
    const count = pluginText(pluginMessage('plugin.problem-count', { count: problems.length }));
    super(
      'invalid-plugin',
      sayAround(
        { zh, en },
        (problem) => pluginMessage('plugin.refused', { plugin, path, problem, more: more.length }),
        PLUGIN_WORDS,
      ),
      problems.length === 1
        ? `plugin ${plugin}${path ? ` at ${path}` : ''}: ${zh} / ${en}`
        : `plugin ${plugin}: ${count.zh} / ${count.en}:\n${problems.map((p) => `  - ${line(p)}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** The error refusing `plugin` at `path`: `problem` is a plugins' message, or a text another area said. */
export function pluginError(plugin: string, path: string, problem: Message | LocalizedText): PluginError {
  const text = 'code' in problem ? pluginText(problem) : problem;
  return new PluginError(plugin, path, text.zh, text.en);
}
