/** The order plugins apply in (插件顺序): by their dependencies, missing and cyclic ones refused. */
import { PluginError } from './errors.js';
import type { Plugin } from './schema.js';

/** Plugins in dependency order (a stable topological sort); missing and cyclic dependencies refused. */
export function orderByDependencies(plugins: Plugin[]): Plugin[] {
  const byId = new Map<string, Plugin>();
  for (const [index, plugin] of plugins.entries()) {
    if (byId.has(plugin.id))
      throw new PluginError(plugin.id, '', '同一插件被加载了两次', `the plugin is given twice (#${index + 1})`);
    byId.set(plugin.id, plugin);
  }
  for (const plugin of plugins) {
    plugin.dependsOn.forEach((dep, i) => {
      if (!byId.has(dep)) {
        throw new PluginError(
          plugin.id,
          `dependsOn[${i}]`,
          `依赖的插件 "${dep}" 未加载`,
          `depends on plugin "${dep}", which is not loaded`,
        );
      }
    });
  }
  const ordered: Plugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: Plugin, trail: string[]) => {
    if (state.get(plugin.id) === 'done') return;
    if (state.get(plugin.id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(plugin.id)), plugin.id].join(' → ');
      throw new PluginError(plugin.id, 'dependsOn', `循环依赖：${cycle}`, `cyclic dependency: ${cycle}`);
    }
    state.set(plugin.id, 'visiting');
    for (const dep of plugin.dependsOn) visit(byId.get(dep)!, [...trail, plugin.id]);
    state.set(plugin.id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}

/** Each plugin's dependencies, direct and indirect. */
export function transitiveDependencies(plugins: Plugin[]): Map<string, Set<string>> {
  const all = new Map<string, Set<string>>();
  for (const plugin of plugins) {
    const deps = new Set<string>();
    for (const dep of plugin.dependsOn) {
      deps.add(dep);
      for (const d of all.get(dep) ?? []) deps.add(d);
    }
    all.set(plugin.id, deps);
  }
  return all;
}
