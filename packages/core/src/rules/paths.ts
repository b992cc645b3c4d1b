/**
 * Fact paths (事实路径) as json-rules-engine resolves them, with jsonpath-plus: simple paths
 * (`$.a.b`, `$.a[0]`, `$['a']`) are read as properties with the same result, the rest go
 * through jsonpath-plus itself.
 */
import { JSONPath } from 'jsonpath-plus';

/** Resolves a fact's path in an object fact value (the engine's `pathResolver` option). */
export type PathResolver = (value: object, path: string) => unknown;

/** json-rules-engine's default path resolver. */
export function jsonPath(value: object, path: string): unknown {
  return JSONPath({ path, json: value, wrap: false }) as unknown;
}

/** One step of a simple path: `.name`, `[0]`, `['name']` or `["name"]`. */
const PATH_STEP = /\.([\p{L}\p{N}_-]+)|\[(\d+)\]|\['([\p{L}\p{N}_ -]+)'\]|\["([\p{L}\p{N}_ -]+)"\]/uy;

/**
 * The keys of a `$`-rooted JSONPath made of simple steps, or undefined for anything else
 * (wildcards, filters, slices, recursive descent, keys with other characters…), which
 * jsonpath-plus resolves. Keys stay strings, as in jsonpath-plus.
 */
export function parsePath(path: string): string[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const step = new RegExp(PATH_STEP);
  step.lastIndex = 1;
  const keys: string[] = [];
  while (step.lastIndex < path.length) {
    const match = step.exec(path);
    const key = match && (match[1] ?? match[2] ?? match[3] ?? match[4]);
    if (!key) return undefined;
    keys.push(key);
  }
  return keys;
}

/**
 * Follows the keys like jsonpath-plus (`wrap: false`): a step needs a truthy value with that own
 * property, else the result is undefined. The engine applies a path to objects only: any other
 * fact value (a number, a string, null) is returned unchanged.
 */
export function followPath(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let current: unknown = value;
  for (const key of keys) {
    if (!current || !Object.hasOwn(current as object, key)) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[key];
  }
  return current;
}
