/**
 * Loading plugin files (插件文件): data-only plugins as YAML or JSON, code plugins as `.ts` or
 * `.js` modules whose default export is a plugin (made with `definePlugin`). TypeScript is
 * compiled in memory on every load: no compiled file is cached on disk, where another user or
 * process could replace it with other code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { parse as parseYaml } from 'yaml';
import { definePlugin } from '../plugins/define.js';
import { PluginError } from '../plugins/errors.js';
import type { Plugin, PluginInput } from '../plugins/schema.js';
import type { LocalizedText } from '../model/schema.js';
import { said } from './locales/index.js';

const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });

const DATA_FILE = /\.(ya?ml|json)$/;
const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

export interface LoadPluginOptions {
  /**
   * Whether a code plugin (`.ts`, `.js`) may be loaded: it runs with the rights of the process.
   * True by default, for files the caller names itself; false for files named by data.
   */
  allowCode?: boolean;
}

/** Whether `file` is a code plugin (a module that runs), not a data-only one. */
export function isCodePlugin(file: string): boolean {
  return CODE_FILE.test(file);
}

/** Load and check one plugin file; errors name the file. */
export async function loadPlugin(file: string, options: LoadPluginOptions = {}): Promise<Plugin> {
  const path = resolve(file);
  if (isCodePlugin(path) && options.allowCode === false) {
    throw fileError(file, said('plugin-file.code-not-allowed', {}));
  }
  let value: unknown;
  try {
    if (DATA_FILE.test(path)) {
      const text = readFileSync(path, 'utf8');
      value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } else if (isCodePlugin(path)) {
      const module = (await jiti.import(path)) as { default?: unknown; plugin?: unknown };
      value = [module.default, module.plugin].find((v) => v && typeof v === 'object' && 'id' in v);
    } else {
      throw new Error('a plugin file ends in .yaml, .yml, .json, .ts or .js');
    }
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw fileError(file, said('plugin-file.unreadable', { detail: (error as Error).message }));
  }
  if (!value || typeof value !== 'object') throw fileError(file, said('plugin-file.no-plugin', {}));
  return definePlugin(value as PluginInput);
}

/** A problem of the plugin file itself (not of a place inside it). */
const fileError = (file: string, text: LocalizedText) => new PluginError(file, '', text.zh, text.en);

/** Load several plugin files, in order. */
export async function loadPlugins(files: readonly string[], options: LoadPluginOptions = {}): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  for (const file of files) plugins.push(await loadPlugin(file, options));
  return plugins;
}
