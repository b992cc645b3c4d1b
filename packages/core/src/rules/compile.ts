/**
 * Compiles a json-rules-engine condition into a synchronous function with json-rules-engine 7's
 * semantics, and an explanation trace built from the same compiled tree. Facts are plain data:
 * a fact exists when it is an own property of the facts object (function values are not called
 * as dynamic facts, and `params` are ignored).
 */
import type { Condition } from '../model/schema.js';
import { builtinOperators, resolveOperator, type Operator } from './operators.js';

export type Facts = Readonly<Record<string, unknown>>;

export interface CompileOptions {
  /** Custom operators, added to the built-ins (a custom operator replaces a built-in of the same name). */
  operators?: Readonly<Record<string, Operator>>;
  /** Shared conditions referenced by `{ condition: name }` (the engine's `setCondition`). */
  conditions?: Readonly<Record<string, Condition>>;
  /** False (the default, like the engine): reading a missing fact throws an UndefinedFactError. */
  allowUndefinedFacts?: boolean;
}

/** The explanation: same shape as the condition, with results. */
export interface ConditionTrace {
  result: boolean;
  /** A shared condition reference shows as the referenced condition. */
  kind: 'all' | 'any' | 'not' | 'fact';
  /** all/any: the evaluated children in evaluation order (children skipped by priority are left out); not: one child. */
  children?: ConditionTrace[];
  fact?: string;
  path?: string;
  operator?: string;
  /** The (path-resolved) fact value. */
  factValue?: unknown;
  /** The resolved compare value (after fact-to-fact lookup). */
  value?: unknown;
  /** The fact the compare value came from. */
  valueFact?: string;
}

export interface CompiledCondition {
  (facts: Facts): boolean;
  explain(facts: Facts): ConditionTrace;
  /** Every fact name the condition reads (including compare-value facts), sorted, unique. */
  readonly facts: readonly string[];
}

/** A fact the condition reads is missing from the facts (json-rules-engine's UndefinedFactError). */
export class UndefinedFactError extends Error {
  readonly code = 'UNDEFINED_FACT';
  readonly fact: string;

  constructor(fact: string) {
    super(`Undefined fact: ${fact}`);
    this.name = 'UndefinedFactError';
    this.fact = fact;
  }
}

/** The condition cannot be compiled; the message starts with the path inside the condition. */
export class ConditionCompileError extends Error {
  /** Where in the condition, e.g. `all[2].any[0]`; empty for the top level. */
  readonly path: string;

  constructor(path: string, detail: string) {
    super(`${path || '(root)'}: ${detail}`);
    this.name = 'ConditionCompileError';
    this.path = path;
  }
}

type Test = (facts: Facts) => boolean;
type Read = (facts: Facts) => unknown;

/** A compiled condition: the fast test and the tracing twin, both built once. */
interface Node {
  readonly test: Test;
  readonly trace: (facts: Facts) => ConditionTrace;
}

type Kind = 'all' | 'any' | 'not' | 'condition' | 'fact';

const KINDS: readonly Kind[] = ['all', 'any', 'not', 'condition', 'fact'];

/** The keys each kind of condition may have (as in the plan schema). */
const KEYS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  all: new Set(['all', 'name', 'priority']),
  any: new Set(['any', 'name', 'priority']),
  not: new Set(['not', 'name', 'priority']),
  condition: new Set(['condition', 'name', 'priority']),
  fact: new Set(['fact', 'operator', 'value', 'path', 'params', 'name', 'priority']),
};

interface Context {
  readonly operators: ReadonlyMap<string, Operator>;
  readonly shared: Readonly<Record<string, Condition>>;
  readonly allowUndefinedFacts: boolean;
  /** Fact names read so far. */
  readonly facts: Set<string>;
  /** Shared conditions compiled so far, by name. */
  readonly compiledShared: Map<string, Node>;
  /** Shared conditions being compiled, outermost first, to detect cycles. */
  readonly compiling: string[];
}

/** Compiles a condition (the `conditions` of a json-rules-engine rule) into a synchronous function. */
export function compileCondition(condition: Condition, options: CompileOptions = {}): CompiledCondition {
  const ctx: Context = {
    operators: new Map(Object.entries({ ...builtinOperators, ...options.operators })),
    shared: options.conditions ?? {},
    allowUndefinedFacts: options.allowUndefinedFacts ?? false,
    facts: new Set(),
    compiledShared: new Map(),
    compiling: [],
  };
  const { test, trace } = compileTopLevel(condition, '', ctx);
  const run = (facts: Facts): boolean => test(facts);
  return Object.assign(run, { explain: trace, facts: Object.freeze([...ctx.facts].sort()) });
}

function fail(path: string, detail: string): never {
  throw new ConditionCompileError(path, detail);
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step;
}

/** Rule conditions and shared conditions: like the engine, a bare fact comparison is refused here. */
function compileTopLevel(condition: unknown, path: string, ctx: Context): Node {
  const [kind] = shapeOf(condition, path);
  if (kind === 'fact') fail(path, 'the top level must be "all", "any", "not" or "condition", not a fact comparison');
  return compileNode(condition, path, ctx);
}

/** Checks the condition's shape and returns its kind and its properties. */
function shapeOf(condition: unknown, path: string): [Kind, Readonly<Record<string, unknown>>] {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    fail(path, 'expected a condition object');
  }
  const c = condition as Readonly<Record<string, unknown>>;
  const kinds = KINDS.filter((k) => Object.hasOwn(c, k));
  const [kind] = kinds;
  if (kind === undefined || kinds.length > 1) {
    fail(path, `expected exactly one of "all", "any", "not", "condition", "fact"; found ${kinds.join(', ') || 'none'}`);
  }
  const unknownKey = Object.keys(c).find((key) => !KEYS[kind].has(key));
  if (unknownKey !== undefined) fail(path, `unknown key "${unknownKey}"`);
  if (c.priority !== undefined && typeof c.priority !== 'number') fail(path, '"priority" must be a number');
  return [kind, c];
}

function compileNode(condition: unknown, path: string, ctx: Context): Node {
  const [kind, c] = shapeOf(condition, path);
  switch (kind) {
    case 'all':
    case 'any':
      return compileJunction(kind, c[kind], path, ctx);
    case 'not':
      return compileNot(c.not, path, ctx);
    case 'condition':
      return compileReference(c.condition, path, ctx);
    case 'fact':
      return compileFact(c, path, ctx);
  }
}

/**
 * The priority the engine sorts a condition by among its siblings: `parseInt(priority) || 1`
 * for all/any/not, but the raw number (2.5 stays 2.5) for fact comparisons and references.
 */
function priorityOf(condition: unknown): number {
  const [kind, c] = shapeOf(condition, '');
  const priority = c.priority as number | undefined;
  if (kind === 'all' || kind === 'any' || kind === 'not') return Number.parseInt(String(priority), 10) || 1;
  return priority || 1;
}

/**
 * all/any. Like the engine, siblings are grouped by priority, highest first; a group is decided
 * only after all its members ran (the engine runs them in parallel, so an error in any member
 * surfaces), and later groups are skipped once the result is known.
 */
function compileJunction(kind: 'all' | 'any', list: unknown, path: string, ctx: Context): Node {
  if (!Array.isArray(list)) fail(path, `"${kind}" must be an array`);
  const children = list.map((child: unknown, i) => compileNode(child, join(path, `${kind}[${i}]`), ctx));
  const [only] = children;
  // json-rules-engine: an empty `any` is true, like an empty `all`.
  if (only === undefined) return { test: () => true, trace: () => ({ result: true, kind, children: [] }) };
  const groups = new Map<number, Node[]>();
  children.forEach((child, i) => {
    const priority = priorityOf(list[i]);
    groups.set(priority, [...(groups.get(priority) ?? []), child]);
  });
  const ordered = [...groups].sort(([a], [b]) => b - a).map(([, group]) => group);
  const tests = ordered.map((group) => group.map((child) => child.test));
  /** The child result that decides the junction: false for all, true for any. */
  const decisive = kind === 'any';
  const test: Test =
    children.length === 1
      ? only.test
      : (facts) => {
          for (const group of tests) {
            let decided = false;
            for (const childTest of group) if (childTest(facts) === decisive) decided = true;
            if (decided) return decisive;
          }
          return !decisive;
        };
  const trace = (facts: Facts): ConditionTrace => {
    const traces: ConditionTrace[] = [];
    let result = !decisive;
    for (const group of ordered) {
      for (const child of group) {
        const childTrace = child.trace(facts);
        traces.push(childTrace);
        if (childTrace.result === decisive) result = decisive;
      }
      if (result === decisive) break;
    }
    return { result, kind, children: traces };
  };
  return { test, trace };
}

function compileNot(inner: unknown, path: string, ctx: Context): Node {
  if (Array.isArray(inner)) fail(path, '"not" cannot be an array');
  const child = compileNode(inner, join(path, 'not'), ctx);
  return {
    test: (facts) => !child.test(facts),
    trace: (facts) => {
      const childTrace = child.trace(facts);
      return { result: !childTrace.result, kind: 'not', children: [childTrace] };
    },
  };
}

/** `{ condition: name }`: the shared condition, compiled once per compileCondition call. */
function compileReference(name: unknown, path: string, ctx: Context): Node {
  if (typeof name !== 'string') fail(path, '"condition" must be a string');
  const compiled = ctx.compiledShared.get(name);
  if (compiled) return compiled;
  const cycleStart = ctx.compiling.indexOf(name);
  if (cycleStart >= 0) {
    fail(path, `cyclic shared conditions: ${[...ctx.compiling.slice(cycleStart), name].join(' -> ')}`);
  }
  if (!Object.hasOwn(ctx.shared, name)) fail(path, `unknown shared condition "${name}"`);
  ctx.compiling.push(name);
  const node = compileTopLevel(ctx.shared[name], join(path, `condition(${name})`), ctx);
  ctx.compiling.pop();
  ctx.compiledShared.set(name, node);
  return node;
}

/** A fact comparison: `{ fact, path?, operator, value }`, the value possibly `{ fact, path? }`. */
function compileFact(c: Readonly<Record<string, unknown>>, path: string, ctx: Context): Node {
  const { operator: operatorName, value } = c;
  if (typeof operatorName !== 'string') fail(path, '"operator" must be a string');
  if (!Object.hasOwn(c, 'value')) fail(path, 'missing "value"');
  const operator = resolveOperator(operatorName, ctx.operators);
  if (!operator) fail(path, `unknown operator "${operatorName}"`);
  const readFact = compileRead(c, path, ctx);
  // Like the engine's almanac.getValue: an object with an own `fact` key is a fact reference.
  const ref =
    typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact')
      ? (value as Readonly<Record<string, unknown>>)
      : undefined;
  const readValue: Read = ref ? compileRead(ref, join(path, 'value'), ctx) : () => value;
  const shown = {
    kind: 'fact' as const,
    fact: c.fact as string,
    operator: operatorName,
    ...(c.path ? { path: c.path as string } : {}),
    ...(ref ? { valueFact: ref.fact as string } : {}),
  };
  return {
    // A constant compare value skips a call; a fact compare value is read first, as in the engine.
    test: ref
      ? (facts) => {
          const compareValue = readValue(facts);
          return operator(readFact(facts), compareValue);
        }
      : (facts) => operator(readFact(facts), value),
    trace: (facts) => {
      const compareValue = readValue(facts);
      const factValue = readFact(facts);
      return { result: operator(factValue, compareValue), ...shown, factValue, value: compareValue };
    },
  };
}

/** Reads `{ fact, path? }`: the fact, then its path (an empty path is no path, as in the engine). */
function compileRead(source: Readonly<Record<string, unknown>>, path: string, ctx: Context): Read {
  const { fact, path: factPath } = source;
  if (typeof fact !== 'string' || fact === '') fail(path, '"fact" must be a non-empty string');
  if (factPath !== undefined && typeof factPath !== 'string') fail(path, '"path" must be a string');
  ctx.facts.add(fact);
  const { allowUndefinedFacts } = ctx;
  // The own-property check is slow: run it only for an undefined value or a name like 'toString'.
  const inherited = fact in Object.prototype;
  const read: Read = (facts) => {
    const value = facts[fact];
    if ((value === undefined || inherited) && !Object.hasOwn(facts, fact)) {
      if (allowUndefinedFacts) return undefined;
      throw new UndefinedFactError(fact);
    }
    return value;
  };
  if (!factPath) return read;
  const keys =
    parsePath(factPath) ??
    fail(path, `unsupported path "${factPath}": use "$" then .name, [0] or ['name'] steps (no jsonpath-plus here)`);
  return (facts) => followPath(read(facts), keys);
}

/** One step of a supported path: `.name`, `[0]`, `['name']` or `["name"]`. */
const PATH_STEP = /\.([\p{L}\p{N}_-]+)|\[(\d+)\]|\['([\p{L}\p{N}_ -]+)'\]|\["([\p{L}\p{N}_ -]+)"\]/uy;

/**
 * The keys of a `$`-rooted JSONPath made of plain steps, or undefined for anything else
 * (wildcards, filters, slices, recursive descent…): jsonpath-plus, which the engine uses for
 * those, is not resolvable from @ruralkit/core. Keys stay strings, as in jsonpath-plus.
 */
function parsePath(path: string): string[] | undefined {
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
function followPath(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let current: unknown = value;
  for (const key of keys) {
    if (!current || !Object.hasOwn(current as object, key)) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[key];
  }
  return current;
}
