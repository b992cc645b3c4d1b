/**
 * Code generation (代码生成) for compiled conditions: the compiled tree writes JavaScript
 * statements into a `Generator`, which turns them into one function with `new Function`.
 *
 * No value from a condition, a plan or a plugin is ever written into the source: fact names,
 * paths, params, compare values, custom operators and resolvers all go into a constants array,
 * and the source names them only as `c0`, `c1`… (read once from that array). The source itself
 * is made of fixed templates, local names the generator numbers, and the built-in operators'
 * code, chosen by the operator function's identity, never by a name from the data.
 */
import { builtinOperators, isNumeric, type Operator } from './operators.js';

/** A compiled node's part of the source: statements that set the local variable `target`. */
export type Emit = (out: Generator, target: string) => void;

/** Helpers the generated source calls, passed in as arguments under these fixed names. */
export interface Helpers {
  /** Reads a missing fact: returns undefined or throws, as the options say. */
  readonly missing: (fact: unknown) => unknown;
  /** Calls a fact given as a function with the condition's params. */
  readonly callFact: (fact: string, fn: (params: unknown) => unknown, params: unknown) => unknown;
}

/** A built-in operator's code over two local names; left out for `in`/`notIn` on a non-array. */
type Template = (a: string, b: string) => string;

/** The built-in operators' code, found by the operator function itself (a replaced built-in is called instead). */
const TEMPLATES = new Map<Operator, Template>([
  [builtinOperators.equal!, (a, b) => `${a} === ${b}`],
  [builtinOperators.notEqual!, (a, b) => `${a} !== ${b}`],
  [builtinOperators.in!, (a, b) => `${b}.indexOf(${a}) > -1`],
  [builtinOperators.notIn!, (a, b) => `${b}.indexOf(${a}) === -1`],
  [builtinOperators.contains!, (a, b) => `isArray(${a}) && ${a}.indexOf(${b}) > -1`],
  [builtinOperators.doesNotContain!, (a, b) => `isArray(${a}) && ${a}.indexOf(${b}) === -1`],
  [builtinOperators.lessThan!, (a, b) => `${numeric(a)} && ${a} < ${b}`],
  [builtinOperators.lessThanInclusive!, (a, b) => `${numeric(a)} && ${a} <= ${b}`],
  [builtinOperators.greaterThan!, (a, b) => `${numeric(a)} && ${a} > ${b}`],
  [builtinOperators.greaterThanInclusive!, (a, b) => `${numeric(a)} && ${a} >= ${b}`],
]);

/** `isNumeric(a)`, with a number read without a call: only NaN is not numeric. */
function numeric(a: string): string {
  return `(typeof ${a} === 'number' ? ${a} === ${a} : isNumeric(${a}))`;
}

/** `in` and `notIn` call the compare value's `indexOf`: inlined for an array, whose errors cannot differ. */
const ON_ARRAY = new Set<Operator>([builtinOperators.in!, builtinOperators.notIn!]);

/** Lists up to this long are searched by one comparison per element. */
const UNROLLED_LIST = 8;

/**
 * The elements of a short list that cannot change (frozen, every element a value, not a
 * getter), which `indexOf` compares strictly (holes left out, as `indexOf` skips them); else undefined.
 */
function fixedElements(list: readonly unknown[]): unknown[] | undefined {
  if (list.length > UNROLLED_LIST || !Object.isFrozen(list)) return undefined;
  const elements: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const element = Object.getOwnPropertyDescriptor(list, i);
    if (!element) continue;
    if (!('value' in element)) return undefined;
    elements.push(element.value);
  }
  return elements;
}

/** Collects the constants, locals and statements of one generated function. */
export class Generator {
  private readonly constants: unknown[] = [];
  private readonly indexes = new Map<unknown, number>();
  private lines: string[] = [];
  private locals = 0;
  /** Shared conditions written as functions of their own, by the emit that writes them. */
  private readonly functions = new Map<Emit, string>();
  private readonly functionSources: string[] = [];

  /** The source name of a value: a constant, never the value's text. */
  constant(value: unknown): string {
    // A Map takes -0 for 0: -0 is never shared.
    if (Object.is(value, -0)) return `c${this.constants.push(value) - 1}`;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.constants.push(value) - 1;
      this.indexes.set(value, index);
    }
    return `c${index}`;
  }

  /** A new local variable. */
  local(): string {
    return `v${this.locals++}`;
  }

  line(code: string): void {
    this.lines.push(code);
  }

  /** `a operator b` over two locals or constants: the built-in's code, else a call of the operator. */
  compare(operator: Operator, a: string, b: string, compareValue: { constant: unknown } | undefined): string {
    const list = compareValue?.constant;
    const elements = ON_ARRAY.has(operator) && Array.isArray(list) ? fixedElements(list) : undefined;
    if (elements) {
      // `indexOf` on a short frozen list: one strict comparison per element, each a constant.
      const found = elements.map((element) => `${a} === ${this.constant(element)}`);
      const code = `(${found.join(' || ') || 'false'})`;
      return operator === builtinOperators.in ? code : `!${code}`;
    }
    const template = TEMPLATES.get(operator);
    const inlined = template && (!ON_ARRAY.has(operator) || Array.isArray(list));
    return inlined ? template(a, b) : `${this.constant(operator)}(${a}, ${b})`;
  }

  /**
   * Sets `target` to the result of the shared condition written by `emit`: a call of a function
   * written once per generated function, however often it is referenced.
   */
  call(emit: Emit, target: string): void {
    let name = this.functions.get(emit);
    if (name === undefined) {
      name = `s${this.functions.size}`;
      this.functions.set(emit, name);
      this.functionSources.push(this.body(name, emit));
    }
    this.line(`${target} = ${name}(f);`);
  }

  /** One function `name(f)` from what `emit` writes. */
  private body(name: string, emit: Emit): string {
    const [outerLines, outerLocals] = [this.lines, this.locals];
    this.lines = [];
    this.locals = 0;
    const result = this.local();
    emit(this, result);
    const locals = Array.from({ length: this.locals }, (_, i) => `v${i}`).join(', ');
    const source = `function ${name}(f) {\nlet ${locals};\n${this.lines.join('\n')}\nreturn ${result};\n}`;
    [this.lines, this.locals] = [outerLines, outerLocals];
    return source;
  }

  /**
   * The function `emit` writes, its constants bound; undefined where the host refuses to
   * generate code (Node's `--disallow-code-generation-from-strings`, a strict CSP).
   */
  build(emit: Emit, helpers: Helpers): ((facts: Readonly<Record<string, unknown>>) => boolean) | undefined {
    const main = this.body('condition', emit);
    const constants = this.constants.map((_, i) => `c${i} = c[${i}]`);
    const source = [
      "'use strict';",
      ...(constants.length > 0 ? [`const ${constants.join(', ')};`] : []),
      ...this.functionSources,
      main,
      'return condition;',
    ].join('\n');
    let make: (...args: unknown[]) => (facts: Readonly<Record<string, unknown>>) => boolean;
    try {
      make = new Function('c', 'hasOwn', 'isArray', 'isNumeric', 'missing', 'callFact', source) as typeof make;
    } catch (error) {
      if (error instanceof EvalError) return undefined;
      throw error;
    }
    return make(this.constants, Object.hasOwn, Array.isArray, isNumeric, helpers.missing, helpers.callFact);
  }
}
