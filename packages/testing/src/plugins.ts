/**
 * Loading plugin files (插件文件): data-only plugins as YAML or JSON, code plugins as `.ts` or
 * `.js` modules whose default export is a plugin (made with `definePlugin`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { parse as parseYaml } from 'yaml';
import { definePlugin, PluginError, type Plugin, type PluginInput } from '@ruralkit/core';

const jiti = createJiti(import.meta.url, { moduleCache: false });

/** Load and check one plugin file; errors name the file. */
export async function loadPlugin(file: string): Promise<Plugin> {
  const path = resolve(file);
  let value: unknown;
  try {
    if (/\.(ya?ml|json)$/.test(path)) {
      const text = readFileSync(path, 'utf8');
      value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(path)) {
      const module = (await jiti.import(path)) as { default?: unknown; plugin?: unknown };
      value = [module.default, module.plugin].find((v) => v && typeof v === 'object' && 'id' in v);
    } else {
      throw new Error('a plugin file ends in .yaml, .yml, .json, .ts or .js');
    }
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(
      file,
      '',
      `无法读取插件文件：${(error as Error).message}`,
      `cannot load the plugin file: ${(error as Error).message}`,
    );
  }
  if (!value || typeof value !== 'object') {
    throw new PluginError(
      file,
      '',
      '插件文件须默认导出一个插件',
      'the plugin file must export a plugin (export default definePlugin({...}))',
    );
  }
  return definePlugin(value as PluginInput);
}

/** Load several plugin files, in order. */
export async function loadPlugins(files: readonly string[]): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  for (const file of files) plugins.push(await loadPlugin(file));
  return plugins;
}
