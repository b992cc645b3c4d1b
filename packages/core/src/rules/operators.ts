/**
 * json-rules-engine 7's operators and operator decorators as plain synchronous functions,
 * with the engine's exact semantics (fact value validators included), plus the custom
 * operators of the ruralkit plan.
 */

import type { Operator } from '../model/resolved-plan.js';

/** Compares a fact value with a condition's compare value. */
export type { Operator };

/** Wraps the operator named after it: `not:equal` is `operatorDecorators.not(equal)`. */
export type OperatorDecorator = (next: Operator) => Operator;

/**
 * A custom decorator's callback, as given to json-rules-engine's `addOperatorDecorator(name, cb)`:
 * `next` is the decorated operator.
 */
export type DecoratorCallback = (factValue: unknown, compareValue: unknown, next: Operator) => boolean;

/** The decorator that calls `callback` with the operator it decorates. */
export function decoratorOf(callback: DecoratorCallback): OperatorDecorator {
  return (next) => (factValue, compareValue) => callback(factValue, compareValue, next);
}

/**
 * The engine's fact validator for `lessThan` and friends: true for anything `parseFloat` reads
 * a number from, so '12abc', ' 7' and [5] pass while null, true and 'abc' do not.
 */
export function isNumeric(value: unknown): boolean {
  return !Number.isNaN(Number.parseFloat(value as string));
}

/**
 * The compare value's own `indexOf`, called like the engine calls it: a string matches
 * substrings ('ell' is `in` 'hello'), and null, undefined or a number throw a TypeError.
 */
function indexIn(list: unknown, item: unknown): number {
  return (list as { indexOf(item: unknown): number }).indexOf(item);
}

/** The built-in operators of json-rules-engine 7. */
export const builtinOperators: Readonly<Record<string, Operator>> = Object.freeze({
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexIn(b, a) > -1,
  notIn: (a, b) => indexIn(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  // The array validator makes doesNotContain false (not true) for a non-array fact.
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  // Only the fact value is validated: the compare value is coerced by `<` as JavaScript does.
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
});

/**
 * The built-in decorators of json-rules-engine 7. `someFact` and `everyFact` are false for a
 * non-array fact; `someValue` and `everyValue` throw for a non-array compare value; `swap`
 * swaps the values before the inner validator runs, so `swap:lessThan` validates the compare value.
 */
export const operatorDecorators: Readonly<Record<string, OperatorDecorator>> = Object.freeze({
  someFact: (next) => (a, b) => Array.isArray(a) && a.some((item) => next(item, b)),
  someValue: (next) => (a, b) => (b as unknown[]).some((item) => next(a, item)),
  everyFact: (next) => (a, b) => Array.isArray(a) && a.every((item) => next(item, b)),
  everyValue: (next) => (a, b) => (b as unknown[]).every((item) => next(a, item)),
  swap: (next) => (a, b) => next(b, a),
  not: (next) => (a, b) => !next(a, b),
});

/**
 * Finds an operator the way the engine's OperatorMap does: the whole name first (so a custom
 * operator may contain `:`), else peel one `decorator:` prefix and resolve the rest.
 * Undefined when the name or one of its decorators is unknown.
 */
export function resolveOperator(
  name: string,
  operators: ReadonlyMap<string, Operator>,
  decorators: ReadonlyMap<string, OperatorDecorator>,
): Operator | undefined {
  const operator = operators.get(name);
  if (operator) return operator;
  const colon = name.indexOf(':');
  if (colon <= 0) return undefined;
  const decorate = decorators.get(name.slice(0, colon));
  if (!decorate) return undefined;
  const inner = resolveOperator(name.slice(colon + 1), operators, decorators);
  return inner && decorate(inner);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A string written `YYYY-MM-DD`; such strings compare in date order. */
function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

/**
 * The ruralkit plan's custom operators; register them in an engine under the same names.
 * Frozen, like the tables above: a plugin adds operators through its own `operators`.
 */
export const customOperators = Object.freeze({
  /** The fact date is on or before the compare date. */
  dateOnOrBefore: (a, b) => isIsoDate(a) && isIsoDate(b) && a <= b,
  /** The fact date is after the compare date. */
  dateAfter: (a, b) => isIsoDate(a) && isIsoDate(b) && a > b,
} satisfies Record<string, Operator>);
