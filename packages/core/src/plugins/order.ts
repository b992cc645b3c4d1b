/** The order plugins apply in (插件顺序): by their dependencies, missing and cyclic ones refused. */
import { pluginError } from './errors.js';
import { pluginMessage } from './locales/messages.js';
import type { Plugin } from './schema.js';

/** Plugins in dependency order (a stable topological sort); missing and cyclic dependencies refused. */
export function orderByDependencies(plugins: Plugin[]): Plugin[] {
  const byId = new Map<string, Plugin>();
  for (const [index, plugin] of plugins.entries()) {
    if (byId.has(plugin.id))
      throw pluginError(plugin.id, '', pluginMessage('plugin.given-twice', { position: index + 1 }));
    byId.set(plugin.id, plugin);
  }
  for (const plugin of plugins) {
    plugin.dependsOn.forEach((dep, i) => {
      if (!byId.has(dep)) {
        throw pluginError(
          plugin.id,
          `dependsOn[${i}]`,
          pluginMessage('plugin.dependency-missing', { dependency: dep }),
        );
      }
    });
  }
  const ordered: Plugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: Plugin, trail: string[]) => {
    if (state.get(plugin.id) === 'done') return;
    if (state.get(plugin.id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(plugin.id)), plugin.id];
      throw pluginError(plugin.id, 'dependsOn', pluginMessage('plugin.dependency-cycle', { cycle }));
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
