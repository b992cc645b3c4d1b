/**
 * Compiles a json-rules-engine condition into a synchronous function with json-rules-engine 7's
 * semantics, and an explanation trace built from the same compiled tree. Facts are the values
 * given to `engine.run(facts)`: plain data, or synchronous functions called with the
 * condition's `params`. Simple paths are compiled to property reads; every other path goes
 * through jsonpath-plus, as in the engine. The tree writes the fast test as JavaScript source
 * (generate.ts), with every value from the condition passed in as a constant; the explanation
 * walks the tree's closures.
 */
import { RuralkitError } from '../model/errors.js';
import type { Message } from '../model/message.js';
import { said } from './locales/index.js';
import { ruleMessage } from './locales/messages.js';
import type { Condition } from '../model/schema.js';
import {
  builtinOperators,
  decoratorOf,
  operatorDecorators,
  resolveOperator,
  type DecoratorCallback,
  type Operator,
  type OperatorDecorator,
} from './operators.js';
import { followPath, jsonPath, parsePath, type PathResolver } from './paths.js';
import { Generator, type Emit, type Helpers } from './generate.js';

export type Facts = Readonly<Record<string, unknown>>;

/**
 * What the compiler takes: a plan's `Condition`, or any condition JSON json-rules-engine takes
 * (custom properties such as `id` or `customId` included).
 */
export type ConditionInput = Condition | Readonly<Record<string, unknown>>;

export interface CompileOptions {
  /** Custom operators, added to the built-ins (a custom operator replaces a built-in of the same name). */
  operators?: Readonly<Record<string, Operator>>;
  /**
   * Custom operator decorators, as `engine.addOperatorDecorator(name, cb)` takes them (a custom
   * decorator replaces a built-in of the same name): `name:operator` calls `cb(factValue, value, operator)`.
   */
  decorators?: Readonly<Record<string, DecoratorCallback>>;
  /** Shared conditions referenced by `{ condition: name }` (the engine's `setCondition`). */
  conditions?: Readonly<Record<string, ConditionInput>>;
  /** False (the default, like the engine): reading a missing fact throws an UndefinedFactError. */
  allowUndefinedFacts?: boolean;
  /** False (the default, like the engine): a reference to a missing shared condition is refused; true: it is false. */
  allowUndefinedConditions?: boolean;
  /** The engine's `pathResolver`: resolves every `path` instead of jsonpath-plus. */
  pathResolver?: PathResolver;
  /**
   * The priority of facts added with the engine's `addFact(id, value, { priority })`: it orders
   * comparisons of that fact that have no priority of their own.
   */
  factPriorities?: Readonly<Record<string, number>>;
}

/** The explanation: same shape as the condition, with results. */
export interface ConditionTrace {
  result: boolean;
  /**
   * A shared condition reference shows as the referenced condition; `condition` is left only
   * for a missing one under `allowUndefinedConditions` (always false).
   */
  kind: 'all' | 'any' | 'not' | 'condition' | 'fact';
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
  /** kind `condition`: the name of the missing shared condition. */
  condition?: string;
  /**
   * The condition's own properties beyond its structure (`name`, `priority`, `id`, `customId`,
   * any other key), as json-rules-engine keeps them; a reference's are merged under its shared condition's.
   */
  properties?: Readonly<Record<string, unknown>>;
}

export interface CompiledCondition {
  (facts: Facts): boolean;
  explain(facts: Facts): ConditionTrace;
  /** Every fact name the condition reads (including compare-value facts), sorted, unique. */
  readonly facts: readonly string[];
}

/** A fact the condition reads is missing from the facts (json-rules-engine's UndefinedFactError). */
export class UndefinedFactError extends RuralkitError {
  /** json-rules-engine's code for it. */
  declare readonly code: 'UNDEFINED_FACT';
  override readonly name = 'UndefinedFactError';
  readonly fact: string;

  constructor(fact: string) {
    const text = said('fact.undefined', { fact });
    super('UNDEFINED_FACT', text, text.en);
    this.fact = fact;
  }
}

/** A fact given as a function threw, or returned a promise (compiled conditions are synchronous). */
export class FactFunctionError extends RuralkitError {
  declare readonly code: 'FACT_FUNCTION';
  override readonly name = 'FactFunctionError';
  readonly fact: string;

  constructor(fact: string, problem: Message, cause?: unknown) {
    const text = said('fact.function', { fact, problem });
    super('FACT_FUNCTION', text, undefined, cause === undefined ? {} : { cause });
    this.fact = fact;
  }
}

/** The condition cannot be compiled; the message starts with the path inside the condition. */
export class ConditionCompileError extends RuralkitError {
  override readonly name = 'ConditionCompileError';
  /** Where in the condition, e.g. `all[2].any[0]`; empty for the top level. */
  readonly path: string;

  constructor(path: string, problem: Message) {
    const text = said('condition.invalid', { where: path || '(root)', problem });
    super('invalid-condition', text, text.en);
    this.path = path;
  }
}

type Read = (facts: Facts) => unknown;
type Properties = Readonly<Record<string, unknown>>;

/** A compiled condition: the source of the fast test, and the tracing twin, both built once. */
interface Node {
  readonly emit: Emit;
  readonly trace: (facts: Facts) => ConditionTrace;
}

/** A compiled fact read (`{ fact, params?, path? }`): its source, and its twin for tracing. */
interface Reader {
  /** Writes statements reading the value into a new local, and returns the local's name. */
  readonly emit: (out: Generator) => string;
  readonly read: Read;
}

type Kind = 'all' | 'any' | 'not' | 'condition' | 'fact';

/**
 * Where a condition stands, which decides how the engine reads a condition with several kinds
 * of keys: a rule's `conditions` check any, all, not, then condition (Rule.evaluate); below
 * them, and in shared conditions, a reference comes first (Rule.evaluateCondition), and only
 * there is a bare fact comparison allowed.
 */
type Place = 'rule' | 'shared' | 'nested';

const JUNCTIONS = ['any', 'all', 'not'] as const;

/** The keys that make a condition's structure; any other key is a custom property. */
const STRUCTURE = new Set(['all', 'any', 'not', 'condition', 'fact', 'operator', 'value', 'path', 'params']);

interface Context {
  readonly operators: ReadonlyMap<string, Operator>;
  readonly decorators: ReadonlyMap<string, OperatorDecorator>;
  readonly shared: Readonly<Record<string, ConditionInput>>;
  readonly helpers: Helpers;
  readonly allowUndefinedConditions: boolean;
  readonly pathResolver: PathResolver | undefined;
  readonly factPriorities: Readonly<Record<string, unknown>>;
  /** Fact names read so far. */
  readonly facts: Set<string>;
  /** Shared conditions compiled so far, by name. */
  readonly compiledShared: Map<string, Node>;
  /** Shared conditions being compiled, outermost first, to detect cycles. */
  readonly compiling: string[];
}

/** Compiles a condition (the `conditions` of a json-rules-engine rule) into a synchronous function. */
export function compileCondition(condition: ConditionInput, options: CompileOptions = {}): CompiledCondition {
  const ctx: Context = {
    operators: new Map(Object.entries({ ...builtinOperators, ...functions('operator', options.operators) })),
    decorators: new Map([
      ...Object.entries(operatorDecorators),
      ...Object.entries(functions('decorator', options.decorators)).map(
        ([name, cb]) => [name, decoratorOf(cb)] as const,
      ),
    ]),
    shared: options.conditions ?? {},
    helpers: { missing: missingFact(options.allowUndefinedFacts ?? false), callFact },
    allowUndefinedConditions: options.allowUndefinedConditions ?? false,
    pathResolver: options.pathResolver,
    factPriorities: options.factPriorities ?? {},
    facts: new Set(),
    compiledShared: new Map(),
    compiling: [],
  };
  const { emit, trace } = compileNode(condition, '', 'rule', ctx);
  // Where the host refuses to generate code, the tree answers, as it does for explain (slower).
  const run = new Generator().build(emit, ctx.helpers) ?? ((facts: Facts) => trace(facts).result);
  return Object.assign(run, { explain: trace, facts: Object.freeze([...ctx.facts].sort()) });
}

/** Reading a missing fact: undefined under `allowUndefinedFacts`, else an UndefinedFactError. */
function missingFact(allowUndefinedFacts: boolean): (fact: unknown) => undefined {
  return (fact) => {
    if (allowUndefinedFacts) return undefined;
    throw new UndefinedFactError(String(fact));
  };
}

/** Custom operators or decorators, checked to be functions as the engine checks them. */
function functions<F>(
  what: 'operator' | 'decorator',
  given: Readonly<Record<string, F>> | undefined,
): Readonly<Record<string, F>> {
  for (const [name, fn] of Object.entries(given ?? {})) {
    if (typeof fn !== 'function') {
      const text = said('custom.not-function', { what, name });
      throw new TypeError(`${text.zh} / ${text.en}`);
    }
  }
  return given ?? {};
}

function fail(path: string, problem: Message): never {
  throw new ConditionCompileError(path, problem);
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step;
}

function asObject(condition: unknown, path: string): Properties {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    fail(path, ruleMessage('condition.not-object', {}));
  }
  return condition as Properties;
}

/** The kind the engine evaluates the condition as, by its own keys and its place. */
function kindOf(c: Properties, place: Place, path: string): Kind {
  const has = (key: string) => Object.hasOwn(c, key);
  if (place !== 'rule' && has('condition')) return 'condition';
  const junction = JUNCTIONS.find(has);
  if (junction) return junction;
  if (has('condition')) return 'condition';
  if (place === 'nested' && has('fact')) return 'fact';
  if (place !== 'nested' && has('fact')) {
    fail(path, ruleMessage('condition.top-level', {}));
  }
  return fail(path, ruleMessage('condition.expected-kind', {}));
}

/** The custom properties of a condition, or undefined when it has none. */
function propertiesOf(c: Properties): Properties | undefined {
  const keys = Object.keys(c).filter((key) => !STRUCTURE.has(key));
  return keys.length > 0 ? Object.fromEntries(keys.map((key) => [key, c[key]])) : undefined;
}

/** The trace with the condition's custom properties (a shared condition's win over a reference's). */
function withProperties(trace: ConditionTrace, properties: Properties | undefined): ConditionTrace {
  if (!properties) return trace;
  return { ...trace, properties: trace.properties ? { ...properties, ...trace.properties } : properties };
}

function compileNode(condition: unknown, path: string, place: Place, ctx: Context): Node {
  const c = asObject(condition, path);
  const kind = kindOf(c, place, path);
  const node = compileKind(kind, c, path, ctx);
  const properties = propertiesOf(c);
  if (!properties) return node;
  const { emit, trace } = node;
  return { emit, trace: (facts) => withProperties(trace(facts), properties) };
}

function compileKind(kind: Kind, c: Properties, path: string, ctx: Context): Node {
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
 * for a condition with all/any/not; for comparisons and references the raw value (2.5 stays
 * 2.5, '2' stays '2'), else the priority of the fact it names, else 1.
 */
function priorityOf(c: Properties, factPriorities: Readonly<Record<string, unknown>>): unknown {
  const { priority, fact } = c;
  if (JUNCTIONS.some((key) => Object.hasOwn(c, key))) return Number.parseInt(String(priority), 10) || 1;
  if (priority) return priority;
  const ofFact = typeof fact === 'string' && Object.hasOwn(factPriorities, fact) ? factPriorities[fact] : undefined;
  return Number.parseInt(String(ofFact || 1), 10) || 1;
}

/** Siblings grouped by priority and ordered as the engine's Rule.prioritizeConditions does. */
function prioritySets<T>(conditions: readonly Properties[], items: readonly T[], ctx: Context): T[][] {
  const sets: Record<string, T[]> = Object.create(null) as Record<string, T[]>;
  conditions.forEach((c, i) => {
    const key = String(priorityOf(c, ctx.factPriorities));
    (sets[key] ??= []).push(items[i]!);
  });
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((key) => sets[key]!);
}

/**
 * all/any. Like the engine, siblings are grouped by priority, highest first; a group is decided
 * only after all its members ran (the engine runs them in parallel, so an error in any member
 * surfaces), and later groups are skipped once the result is known.
 */
function compileJunction(kind: 'all' | 'any', list: unknown, path: string, ctx: Context): Node {
  if (!Array.isArray(list)) fail(path, ruleMessage('condition.not-array', { kind }));
  const conditions = list.map((child: unknown, i) => asObject(child, join(path, `${kind}[${i}]`)));
  const children = conditions.map((child, i) => compileNode(child, join(path, `${kind}[${i}]`), 'nested', ctx));
  const [only] = children;
  // json-rules-engine: an empty `any` is true, like an empty `all`.
  if (only === undefined) {
    return {
      emit: (out, target) => out.line(`${target} = true;`),
      trace: () => ({ result: true, kind, children: [] }),
    };
  }
  const ordered = prioritySets(conditions, children, ctx);
  /** The child result that decides the junction: false for all, true for any. */
  const decisive = kind === 'any';
  const emit: Emit =
    children.length === 1
      ? only.emit
      : (out, target) => {
          // if (v1 === false || v2 === false) target = false; else { …the next group… target = true; }
          for (const group of ordered) {
            const results = group.map((child) => {
              const result = out.local();
              child.emit(out, result);
              return `${result} === ${decisive}`;
            });
            out.line(`if (${results.join(' || ')}) ${target} = ${decisive}; else {`);
          }
          out.line(`${target} = ${!decisive};`);
          out.line('}'.repeat(ordered.length));
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
  return { emit, trace };
}

function compileNot(inner: unknown, path: string, ctx: Context): Node {
  if (Array.isArray(inner)) fail(path, ruleMessage('condition.not-in-array', {}));
  const child = compileNode(inner, join(path, 'not'), 'nested', ctx);
  return {
    emit: (out, target) => {
      const result = out.local();
      child.emit(out, result);
      out.line(`${target} = !${result};`);
    },
    trace: (facts) => {
      const childTrace = child.trace(facts);
      return { result: !childTrace.result, kind: 'not', children: [childTrace] };
    },
  };
}

/**
 * `{ condition: name }`: the shared condition, compiled once per compileCondition call. A
 * missing one is refused, or false under `allowUndefinedConditions`, as in the engine.
 */
function compileReference(name: unknown, path: string, ctx: Context): Node {
  const known = typeof name === 'string' && Object.hasOwn(ctx.shared, name);
  if (!known) {
    if (!ctx.allowUndefinedConditions) fail(path, ruleMessage('condition.unknown-shared', { name: String(name) }));
    return {
      emit: (out, target) => out.line(`${target} = false;`),
      trace: () => ({ result: false, kind: 'condition', condition: String(name) }),
    };
  }
  const compiled = ctx.compiledShared.get(name);
  if (compiled) return compiled;
  const cycleStart = ctx.compiling.indexOf(name);
  if (cycleStart >= 0) {
    fail(path, ruleMessage('condition.cyclic-shared', { names: [...ctx.compiling.slice(cycleStart), name] }));
  }
  ctx.compiling.push(name);
  const { emit, trace } = compileNode(ctx.shared[name], join(path, `condition(${name})`), 'shared', ctx);
  ctx.compiling.pop();
  // Written once as a function of its own, however often it is referenced.
  const node: Node = { emit: (out, target) => out.call(emit, target), trace };
  ctx.compiledShared.set(name, node);
  return node;
}

/** A fact comparison: `{ fact, params?, path?, operator, value }`, the value possibly `{ fact, params?, path? }`. */
function compileFact(c: Properties, path: string, ctx: Context): Node {
  const { operator: operatorName, value } = c;
  if (!Object.hasOwn(c, 'operator')) fail(path, ruleMessage('condition.missing-operator', {}));
  if (!Object.hasOwn(c, 'value')) fail(path, ruleMessage('condition.missing-value', {}));
  if (typeof operatorName !== 'string') fail(path, ruleMessage('condition.operator-not-string', {}));
  const operator = resolveOperator(operatorName, ctx.operators, ctx.decorators);
  if (!operator) fail(path, ruleMessage('condition.unknown-operator', { operator: operatorName }));
  const factReader = compileRead(c, ctx);
  const readFact = factReader.read;
  // Like the engine's almanac.getValue: an object with an own `fact` key is a fact reference.
  const ref =
    typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact') ? (value as Properties) : undefined;
  const valueReader = ref ? compileRead(ref, ctx) : undefined;
  const readValue: Read = valueReader ? valueReader.read : () => value;
  const shown = {
    kind: 'fact' as const,
    fact: String(c.fact),
    operator: operatorName,
    ...(c.path ? { path: c.path as string } : {}),
    ...(ref ? { valueFact: String(ref.fact) } : {}),
  };
  return {
    // A fact compare value is read first, as in the engine.
    emit: (out, target) => {
      const b = valueReader ? valueReader.emit(out) : out.constant(value);
      const a = factReader.emit(out);
      out.line(`${target} = ${out.compare(operator, a, b, valueReader ? undefined : { constant: value })};`);
    },
    trace: (facts) => {
      const compareValue = readValue(facts);
      const factValue = readFact(facts);
      return { result: operator(factValue, compareValue), ...shown, factValue, value: compareValue };
    },
  };
}

/**
 * Reads `{ fact, params?, path? }`: the fact, then its path (an empty path is no path, as in the
 * engine). A fact name that is not a non-empty string is never given, as in the engine.
 */
function compileRead(source: Properties, ctx: Context): Reader {
  const { fact, params, path: factPath } = source;
  const { missing } = ctx.helpers;
  const given = typeof fact === 'string' && fact !== '' ? fact : undefined;
  if (given !== undefined) ctx.facts.add(given);
  const read = given === undefined ? () => missing(fact) : readGiven(given, params, missing);
  const emitFact = (out: Generator): string => {
    const v = out.local();
    if (given === undefined) {
      out.line(`${v} = missing(${out.constant(fact)});`);
      return v;
    }
    const k = out.constant(given);
    out.line(`${v} = f[${k}];`);
    // The own-property check is slow: run it only for an undefined value or a name like 'toString'.
    const absent = given in Object.prototype ? `!hasOwn(f, ${k})` : `${v} === undefined && !hasOwn(f, ${k})`;
    out.line(`if (${absent}) ${v} = missing(${k});`);
    out.line(`else if (typeof ${v} === 'function') ${v} = callFact(${k}, ${v}, ${out.constant(params)});`);
    return v;
  };
  if (!factPath) return { read, emit: emitFact };
  const keys = typeof factPath === 'string' && !ctx.pathResolver ? parsePath(factPath) : undefined;
  const isObject = (v: string) => `typeof ${v} === 'object' && ${v} !== null`;
  if (keys) {
    return {
      read: (facts) => followPath(read(facts), keys),
      // Steps as in followPath: a step needs a truthy value with that own property.
      emit: (out) => {
        const v = emitFact(out);
        if (keys.length === 0) return v;
        const steps = keys.map((key, i) => {
          const k = out.constant(key);
          return `${v} = ${i === 0 ? '' : `${v} && `}hasOwn(${v}, ${k}) ? ${v}[${k}] : undefined;`;
        });
        out.line(`if (${isObject(v)}) { ${steps.join(' ')} }`);
        return v;
      },
    };
  }
  const resolve = ctx.pathResolver ?? jsonPath;
  return {
    read: (facts) => {
      const value = read(facts);
      return typeof value === 'object' && value !== null ? resolve(value, factPath as string) : value;
    },
    emit: (out) => {
      const v = emitFact(out);
      out.line(`if (${isObject(v)}) ${v} = ${out.constant(resolve)}(${v}, ${out.constant(factPath)});`);
      return v;
    },
  };
}

/** Reads a named fact: its value, or the result of its function called with the params. */
function readGiven(fact: string, params: unknown, missing: Helpers['missing']): Read {
  // The own-property check is slow: run it only for an undefined value or a name like 'toString'.
  const inherited = fact in Object.prototype;
  return (facts) => {
    const value = facts[fact];
    if ((value === undefined || inherited) && !Object.hasOwn(facts, fact)) return missing(fact);
    return typeof value === 'function' ? callFact(fact, value as (params: unknown) => unknown, params) : value;
  };
}

/**
 * A fact given as a function, called as the engine calls a dynamic fact: with the condition's
 * `params` (`{}` when it has none). There is no almanac: it must return its value, not a promise.
 */
function callFact(fact: string, fn: (params: unknown) => unknown, params: unknown): unknown {
  let value: unknown;
  try {
    value = fn(params === undefined ? {} : params);
  } catch (error) {
    throw new FactFunctionError(fact, ruleMessage('fact.threw', {}), error);
  }
  if (typeof (value as { then?: unknown } | null | undefined)?.then === 'function') {
    throw new FactFunctionError(fact, ruleMessage('fact.promise', {}));
  }
  return value;
}
