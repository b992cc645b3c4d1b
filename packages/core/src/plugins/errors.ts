/** Plugin errors (插件错误): each names the plugin and the path inside it. */

export class PluginError extends Error {
  override readonly name = 'PluginError';
  constructor(
    /** The plugin's id (or its file, before the id is known). */
    readonly plugin: string,
    /** Where inside the plugin, e.g. `rules.add[0].units[1]`. */
    readonly path: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`plugin ${plugin}${path ? ` at ${path}` : ''}: ${zh} / ${en}`);
  }
}
