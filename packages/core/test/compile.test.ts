import { describe, it, expect } from 'vitest';
import type { Condition } from '../src/model/schema.js';
import {
  compileCondition,
  ConditionCompileError,
  FactFunctionError,
  UndefinedFactError,
  type CompileOptions,
  type Facts,
} from '../src/rules/compile.js';
import { builtinOperators, customOperators, isNumeric, type DecoratorCallback } from '../src/rules/operators.js';

/** Evaluates one comparison `fact operator value` against `{ x: factValue }`. */
function check(operator: string, factValue: unknown, value: unknown, options?: CompileOptions): boolean {
  return compileCondition({ all: [{ fact: 'x', operator, value }] }, options)({ x: factValue });
}

const leaf = (fact: string, operator: string, value: unknown, extra: object = {}): Condition =>
  ({ fact, operator, value, ...extra }) as Condition;

describe('built-in operators', () => {
  it('equal and notEqual compare strictly', () => {
    expect(check('equal', 1, 1)).toBe(true);
    expect(check('equal', 1, '1')).toBe(false);
    expect(check('equal', null, undefined)).toBe(false);
    expect(check('equal', Number.NaN, Number.NaN)).toBe(false);
    expect(check('equal', [1], [1])).toBe(false);
    expect(check('notEqual', 1, '1')).toBe(true);
    expect(check('notEqual', 'a', 'a')).toBe(false);
  });

  it('in and notIn look the fact up in the compare value', () => {
    expect(check('in', 2, [1, 2])).toBe(true);
    expect(check('in', 3, [1, 2])).toBe(false);
    expect(check('in', '2', [1, 2])).toBe(false);
    expect(check('in', ['x'], ['x', 'y'])).toBe(false);
    expect(check('notIn', 3, [1, 2])).toBe(true);
    expect(check('notIn', 2, [1, 2])).toBe(false);
  });

  it('in and notIn search substrings of a string compare value, like the engine', () => {
    expect(check('in', 'ell', 'hello')).toBe(true);
    expect(check('in', 1, 'a1')).toBe(true);
    expect(check('notIn', 'ell', 'hello')).toBe(false);
  });

  it('in and notIn throw a TypeError for a compare value without indexOf, like the engine', () => {
    expect(() => check('in', 1, null)).toThrow(TypeError);
    expect(() => check('notIn', 1, undefined)).toThrow(TypeError);
    expect(() => check('in', 1, 5)).toThrow(TypeError);
  });

  it('contains and doesNotContain need an array fact: both are false otherwise', () => {
    expect(check('contains', [1, 2], 2)).toBe(true);
    expect(check('contains', [1, 2], 3)).toBe(false);
    expect(check('doesNotContain', [1, 2], 3)).toBe(true);
    expect(check('doesNotContain', [1, 2], 2)).toBe(false);
    expect(check('contains', 'xyz', 'x')).toBe(false);
    expect(check('doesNotContain', 'xyz', 'q')).toBe(false);
    expect(check('doesNotContain', null, 1)).toBe(false);
    expect(check('doesNotContain', undefined, 1)).toBe(false);
  });

  it('the numeric operators compare numbers and numeric strings', () => {
    expect(check('lessThan', 1, 2)).toBe(true);
    expect(check('lessThan', 2, 2)).toBe(false);
    expect(check('lessThanInclusive', 2, 2)).toBe(true);
    expect(check('greaterThan', 3, 2)).toBe(true);
    expect(check('greaterThan', 2, 2)).toBe(false);
    expect(check('greaterThanInclusive', 2, 2)).toBe(true);
    expect(check('lessThan', '5', 10)).toBe(true);
    expect(check('greaterThan', ' 7', 6)).toBe(true);
    expect(check('lessThan', -Infinity, 0)).toBe(true);
  });

  it('the number validator accepts whatever parseFloat reads a number from', () => {
    expect(isNumeric(5)).toBe(true);
    expect(isNumeric('12abc')).toBe(true);
    expect(isNumeric(' 7')).toBe(true);
    expect(isNumeric('Infinity')).toBe(true);
    expect(isNumeric([5])).toBe(true);
    expect(isNumeric('abc')).toBe(false);
    expect(isNumeric('')).toBe(false);
    expect(isNumeric(null)).toBe(false);
    expect(isNumeric(undefined)).toBe(false);
    expect(isNumeric(Number.NaN)).toBe(false);
    expect(isNumeric(true)).toBe(false);
    expect(isNumeric(false)).toBe(false);
    expect(isNumeric({})).toBe(false);
  });

  it('the numeric operators are false when the fact fails the validator, even where JavaScript says true', () => {
    expect(check('lessThan', null, 10)).toBe(false); // null < 10 in JavaScript
    expect(check('greaterThanInclusive', null, 0)).toBe(false);
    expect(check('lessThan', undefined, 10)).toBe(false);
    expect(check('lessThan', Number.NaN, 10)).toBe(false);
    expect(check('lessThan', true, 10)).toBe(false); // true < 10 in JavaScript
    expect(check('greaterThanInclusive', false, 0)).toBe(false);
    expect(check('lessThan', 'abc', 'b')).toBe(false);
  });

  it('a fact passing the validator is then compared by JavaScript rules', () => {
    expect(check('lessThan', '12abc', 100)).toBe(false); // '12abc' becomes NaN
    expect(check('lessThan', '12abc', '2')).toBe(true); // two strings compare as text
    expect(check('lessThan', '12', '9')).toBe(true);
    expect(check('lessThan', [5], 10)).toBe(true);
    expect(check('greaterThan', 1, null)).toBe(true); // null becomes 0
    expect(check('greaterThan', 1, undefined)).toBe(false);
  });

  it('exports exactly the engine operators', () => {
    expect(Object.keys(builtinOperators).sort()).toEqual(
      [
        'contains',
        'doesNotContain',
        'equal',
        'greaterThan',
        'greaterThanInclusive',
        'in',
        'lessThan',
        'lessThanInclusive',
        'notEqual',
        'notIn',
      ].sort(),
    );
  });
});

describe('custom operators', () => {
  const options: CompileOptions = { operators: customOperators };

  it('dateOnOrBefore and dateAfter compare YYYY-MM-DD strings', () => {
    expect(check('dateOnOrBefore', '2024-01-01', '2024-01-01', options)).toBe(true);
    expect(check('dateOnOrBefore', '2023-12-31', '2024-01-01', options)).toBe(true);
    expect(check('dateOnOrBefore', '2024-01-02', '2024-01-01', options)).toBe(false);
    expect(check('dateAfter', '2024-01-02', '2024-01-01', options)).toBe(true);
    expect(check('dateAfter', '2024-01-01', '2024-01-01', options)).toBe(false);
  });

  it('dateOnOrBefore and dateAfter are false unless both values are YYYY-MM-DD strings', () => {
    for (const operator of ['dateOnOrBefore', 'dateAfter']) {
      expect(check(operator, '2024-1-1', '2025-01-01', options)).toBe(false);
      expect(check(operator, '2025-01-01', '2024-1-1', options)).toBe(false);
      expect(check(operator, undefined, '2024-01-01', options)).toBe(false);
      expect(check(operator, 20240101, 20230101, options)).toBe(false);
      expect(check(operator, '2024-01-01T00:00', '2023-01-01', options)).toBe(false);
    }
  });

  it('are unknown unless passed in the options', () => {
    expect(() => check('dateAfter', '2024-01-02', '2024-01-01')).toThrow(ConditionCompileError);
  });

  it('replace a built-in of the same name and may contain a colon', () => {
    const operators = { equal: () => true, 'not:weird': () => true };
    expect(check('equal', 1, 2, { operators })).toBe(true);
    expect(check('not:equal', 1, 2, { operators })).toBe(false);
    expect(check('not:weird', 1, 2, { operators })).toBe(true);
  });
});

describe('decorators', () => {
  it('someFact and everyFact apply the operator to each fact item; non-arrays are false', () => {
    expect(check('someFact:equal', [1, 2], 2)).toBe(true);
    expect(check('someFact:equal', [1, 2], 3)).toBe(false);
    expect(check('someFact:equal', [], 3)).toBe(false);
    expect(check('someFact:equal', 2, 2)).toBe(false);
    expect(check('everyFact:lessThan', [1, 2], 3)).toBe(true);
    expect(check('everyFact:lessThan', [1, '9x', null], 3)).toBe(false);
    expect(check('everyFact:lessThan', [], 3)).toBe(true);
    expect(check('everyFact:equal', 'aa', 'a')).toBe(false);
  });

  it('someValue and everyValue apply the operator to each compare item; non-arrays throw', () => {
    expect(check('someValue:equal', 2, [1, 2])).toBe(true);
    expect(check('someValue:lessThan', 5, [1, 2])).toBe(false);
    expect(check('everyValue:greaterThan', 5, [1, 2])).toBe(true);
    expect(check('everyValue:greaterThan', 5, [])).toBe(true);
    expect(check('someValue:equal', 5, [])).toBe(false);
    expect(() => check('someValue:equal', 5, 5)).toThrow(TypeError);
    expect(() => check('everyValue:equal', 5, 'abc')).toThrow(TypeError);
  });

  it('swap swaps the values, so the inner validator checks the compare value', () => {
    expect(check('swap:in', [1, 2], 2)).toBe(true);
    expect(check('swap:contains', 2, [1, 2])).toBe(true);
    expect(check('swap:contains', [1, 2], 2)).toBe(false);
    expect(check('swap:lessThan', 5, 3)).toBe(true);
    expect(check('swap:lessThan', 5, 'abc')).toBe(false);
    expect(check('swap:lessThan', null, 3)).toBe(false); // 3 < null is false
  });

  it('not negates, including the validator', () => {
    expect(check('not:equal', 1, 2)).toBe(true);
    expect(check('not:equal', 1, 1)).toBe(false);
    expect(check('not:lessThan', null, 10)).toBe(true);
    expect(check('not:not:equal', 1, 1)).toBe(true);
  });

  it('compose outside-in: not:someFact differs from someFact:not on non-arrays', () => {
    expect(check('not:someFact:equal', 5, 5)).toBe(true);
    expect(check('someFact:not:equal', 5, 5)).toBe(false);
    expect(check('not:someFact:equal', [1, 5], 5)).toBe(false);
    expect(check('someFact:not:equal', [1, 5], 5)).toBe(true);
    expect(check('everyFact:someValue:equal', [1, 2], [2, 1])).toBe(true);
    expect(check('someFact:everyValue:greaterThan', [0, 9], [1, 2])).toBe(true);
  });
});

describe("custom decorators (the engine's addOperatorDecorator)", () => {
  /** Compares the fact's length instead of the fact, like a decorator a county might write. */
  const length: DecoratorCallback = (factValue, value, next) =>
    typeof (factValue as { length?: unknown } | null)?.length === 'number' &&
    next((factValue as { length: number }).length, value);
  const decorators = { length };

  it('decorate built-in and custom operators, and compose with the built-in decorators', () => {
    expect(check('length:equal', 'abc', 3, { decorators })).toBe(true);
    expect(check('length:greaterThan', [1, 2], 2, { decorators })).toBe(false);
    expect(check('length:equal', 5, 1, { decorators })).toBe(false);
    expect(check('not:length:equal', 'abc', 3, { decorators })).toBe(false);
    expect(check('someFact:length:equal', ['a', 'bb'], 2, { decorators })).toBe(true);
    expect(check('length:swap:lessThan', 'abcd', 3, { decorators })).toBe(true);
    const operators = { even: (a: unknown) => typeof a === 'number' && a % 2 === 0 };
    expect(check('length:even', 'ab', null, { decorators, operators })).toBe(true);
  });

  it('are unknown unless passed in the options, and replace a built-in of the same name', () => {
    expect(() => check('length:equal', 'abc', 3)).toThrow('unknown operator "length:equal"');
    const not: DecoratorCallback = (a, b, next) => next(a, b); // a "not" that does not negate
    expect(check('not:equal', 1, 1, { decorators: { not } })).toBe(true);
  });

  it('must be functions, like the engine checks them', () => {
    expect(() => check('x:equal', 1, 1, { decorators: { x: 'nope' as never } })).toThrow(
      'custom decorator "x" must be a function',
    );
    expect(() => check('x', 1, 1, { operators: { x: 5 as never } })).toThrow('custom operator "x" must be a function');
  });
});

describe('custom properties and priority of any kind', () => {
  it('accepts any extra key on any condition and carries it into the explanation', () => {
    const c = compileCondition({
      id: 'rule-1',
      priority: 3,
      all: [
        { fact: 'a', operator: 'equal', value: 1, id: 'c1', name: 'first', customId: 42, priority: 2 },
        { not: { fact: 'a', operator: 'equal', value: 2 }, note: { zh: '备注' } },
      ],
    });
    const trace = c.explain({ a: 1 });
    expect(c({ a: 1 })).toBe(true);
    expect(trace.properties).toEqual({ id: 'rule-1', priority: 3 });
    expect(trace.children?.[0]?.properties).toEqual({ id: 'c1', name: 'first', customId: 42, priority: 2 });
    expect(trace.children?.[1]?.properties).toEqual({ note: { zh: '备注' } });
    expect(trace.children?.[1]?.children?.[0]?.properties).toBeUndefined();
  });

  it("merges a reference's properties under its shared condition's, as the engine copies them over", () => {
    const conditions = { s: { all: [leaf('a', 'equal', 1)], name: 'shared', tag: 's' } };
    const trace = compileCondition({ any: [{ condition: 's', name: 'ref', id: 'r' }] }, { conditions }).explain({
      a: 1,
    });
    expect(trace.children?.[0]?.properties).toEqual({ name: 'shared', id: 'r', tag: 's' });
  });

  it('reads a condition with several kinds of keys the way the engine does', () => {
    const yes = leaf('a', 'equal', 1);
    const no = leaf('a', 'equal', 2);
    const conditions = { s: { all: [no] } };
    const run = (condition: object) => compileCondition(condition as Condition, { conditions })({ a: 1 });
    // A rule's conditions: any, then all, then not, then condition.
    expect(run({ any: [yes], all: [no] })).toBe(true);
    expect(run({ all: [yes], not: yes })).toBe(true);
    expect(run({ all: [yes], condition: 's' })).toBe(true);
    // Below the top: a reference first, then any, all, not; extra fact keys are ignored.
    expect(run({ all: [{ all: [yes], condition: 's' }] })).toBe(false);
    expect(run({ all: [{ all: [yes], fact: 'zz', operator: 'nope' }] })).toBe(true);
    expect(run({ all: [{ not: no, any: [no] }] })).toBe(false);
  });
});

describe('allowUndefinedConditions', () => {
  const condition: Condition = { any: [{ condition: 'missing' }, leaf('a', 'equal', 1)] };

  it('is off by default: a reference to a missing shared condition is refused', () => {
    expect(() => compileCondition(condition)).toThrow('any[0]: unknown shared condition "missing"');
  });

  it('makes a missing shared condition false, and shows it in the explanation', () => {
    const c = compileCondition(condition, { allowUndefinedConditions: true });
    expect(c({ a: 1 })).toBe(true);
    expect(c({ a: 2 })).toBe(false);
    expect(compileCondition({ not: { condition: 'missing' } }, { allowUndefinedConditions: true })({})).toBe(true);
    expect(compileCondition({ condition: 'missing' }, { allowUndefinedConditions: true })({})).toBe(false);
    expect(c.explain({ a: 2 }).children?.[0]).toEqual({ result: false, kind: 'condition', condition: 'missing' });
  });
});

describe('facts given as functions (dynamic facts)', () => {
  it('are called, never compared: with the params, or {} without', () => {
    const seen: unknown[] = [];
    const age = (params: { add?: number }) => {
      seen.push(params);
      return 10 + (params.add ?? 0);
    };
    expect(compileCondition({ all: [leaf('age', 'equal', 10)] })({ age })).toBe(true);
    expect(compileCondition({ all: [leaf('age', 'equal', 12, { params: { add: 2 } })] })({ age })).toBe(true);
    expect(seen).toEqual([{}, { add: 2 }]);
  });

  it('are called for compare-value facts too, and their result follows the path', () => {
    const limits = (params: { level: string }) => ({ low: 1, high: 9 })[params.level];
    const c = compileCondition({
      all: [leaf('x', 'lessThan', { fact: 'limits', params: { level: 'high' } })],
    });
    expect(c({ x: 5, limits })).toBe(true);
    const o = compileCondition({ all: [leaf('o', 'equal', 3, { path: '$.a[1]' })] });
    expect(o({ o: () => ({ a: [2, 3] }) })).toBe(true);
    expect(o.explain({ o: () => ({ a: [2, 3] }) }).children?.[0]?.factValue).toBe(3);
  });

  it('are refused with an error naming the fact when they return a promise or throw', () => {
    const c = compileCondition({ all: [leaf('age', 'equal', 10)] });
    expect(() => c({ age: async () => 10 })).toThrow(FactFunctionError);
    expect(() => c({ age: async () => 10 })).toThrow(/fact "age": its function returned a promise/);
    expect(() => c({ age: async () => 10 })).toThrow(/事实 "age" 的函数返回了 Promise/);
    const boom = new Error('boom');
    const thrown = (() => {
      try {
        c({
          age: () => {
            throw boom;
          },
        });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(FactFunctionError);
    expect(thrown).toMatchObject({ fact: 'age', code: 'FACT_FUNCTION', cause: boom });
  });

  it('leaves params alone for facts that are values, like the engine', () => {
    expect(compileCondition({ all: [leaf('a', 'equal', 1, { params: { x: 1 } })] })({ a: 1 })).toBe(true);
  });
});

describe('all, any, not', () => {
  const facts = { a: 1, b: 2 };
  const yes = leaf('a', 'equal', 1);
  const no = leaf('a', 'equal', 2);

  it('combine results', () => {
    expect(compileCondition({ all: [yes, yes] })(facts)).toBe(true);
    expect(compileCondition({ all: [yes, no] })(facts)).toBe(false);
    expect(compileCondition({ any: [no, yes] })(facts)).toBe(true);
    expect(compileCondition({ any: [no, no] })(facts)).toBe(false);
    expect(compileCondition({ not: yes })(facts)).toBe(false);
    expect(compileCondition({ not: { any: [no, no] } })(facts)).toBe(true);
    expect(compileCondition({ all: [{ any: [no, { not: no }] }, { not: { all: [yes, no] } }] })(facts)).toBe(true);
  });

  it('nest deeply', () => {
    let condition: Condition = yes;
    for (let i = 0; i < 50; i++) condition = i % 2 ? { all: [condition, yes] } : { any: [no, condition] };
    expect(compileCondition({ not: condition })(facts)).toBe(false);
  });

  it('treat an empty all as true and, like the engine, an empty any as true too', () => {
    expect(compileCondition({ all: [] })({})).toBe(true);
    expect(compileCondition({ any: [] })({})).toBe(true);
    expect(compileCondition({ not: { any: [] } })({})).toBe(false);
    expect(compileCondition({ all: [{ any: [] }, yes] })(facts)).toBe(true);
  });

  it('return a boolean synchronously', () => {
    expect(compileCondition({ all: [yes] })(facts)).toBe(true);
  });
});

describe('fact-to-fact comparison', () => {
  it('resolves { fact } compare values', () => {
    const c = compileCondition({ all: [leaf('a', 'lessThan', { fact: 'b' })] });
    expect(c({ a: 1, b: 2 })).toBe(true);
    expect(c({ a: 3, b: 2 })).toBe(false);
  });

  it('follows a path on the compare fact', () => {
    const c = compileCondition({ all: [leaf('a', 'equal', { fact: 'o', path: '$.p.q' })] });
    expect(c({ a: 5, o: { p: { q: 5 } } })).toBe(true);
    expect(c({ a: 5, o: { p: {} } })).toBe(false);
    expect(c({ a: undefined, o: { p: {} } })).toBe(true);
  });

  it('treats only objects with an own fact key as references', () => {
    const c = compileCondition({ all: [leaf('a', 'equal', Object.create({ fact: 'b' }))] });
    expect(c({ a: 1, b: 1 })).toBe(false);
    expect(c.facts).toEqual(['a']);
  });

  it('throws for a missing compare fact unless undefined facts are allowed', () => {
    const condition: Condition = { all: [leaf('a', 'equal', { fact: 'b' })] };
    expect(() => compileCondition(condition)({ a: 1 })).toThrow(UndefinedFactError);
    expect(compileCondition(condition, { allowUndefinedFacts: true })({ a: undefined })).toBe(true);
  });
});

describe('path', () => {
  const o = { a: { b: 1, list: [{ b: 2 }, { b: 3 }], 'two words': 4, 村: 5, s: '' }, arr: [7] };
  const read = (path: string, facts: Facts = { o }) =>
    compileCondition({ all: [leaf('o', 'equal', null, { path })] }).explain(facts).children?.[0]?.factValue;

  it('supports $.a.b, $.a[0].b, $[\'a\'] and $["a"]', () => {
    expect(read('$.a.b')).toBe(1);
    expect(read('$.a.list[1].b')).toBe(3);
    expect(read("$['a']['b']")).toBe(1);
    expect(read('$["a"].list[0]')).toEqual({ b: 2 });
    expect(read("$.a['two words']")).toBe(4);
    expect(read('$.a.村')).toBe(5);
    expect(read('$.arr.0')).toBe(7);
    expect(read('$')).toBe(o);
  });

  it('gives undefined when a step is missing, like jsonpath-plus', () => {
    expect(read('$.a.c')).toBeUndefined();
    expect(read('$.a.b.c')).toBeUndefined();
    expect(read('$.a.list[5].b')).toBeUndefined();
    expect(read('$.arr[00]')).toBeUndefined(); // keys stay strings: '00' is not an index
  });

  it('follows own properties only, and only of truthy values', () => {
    expect(read('$.a.constructor')).toBeUndefined();
    expect(read('$.arr.length')).toBe(1);
    expect(read('$.a.s.length')).toBeUndefined(); // '' is falsy
  });

  it('is ignored for a fact that is not an object, like the engine', () => {
    expect(read('$.a', { o: 5 })).toBe(5);
    expect(read('$.a', { o: 'text' })).toBe('text');
    expect(read('$.a', { o: null })).toBeNull();
  });

  it('is no path when empty', () => {
    expect(read('')).toBe(o);
  });

  it('resolves every other JSONPath like jsonpath-plus, as the engine does', () => {
    const user = {
      address: { 'dot.property': 'dot', city: 'Wuhan' },
      phoneNumbers: [{ type: 'home' }, { type: 'work' }],
      a: { b: [{ year: 2021 }, { year: 2022 }] },
      'a/b': 1,
      'a:b': 2,
      'a@b': 3,
      a$b: 4,
      name: 'top',
      child: { name: 'inner' },
    };
    const on = (path: string, value: unknown = user) => read(path, { o: value });
    expect(on('$.[0].id', [{ id: 7 }])).toBe(7);
    expect(on("$.address['dot.property']")).toBe('dot');
    expect(on("$.address.['dot.property']")).toBe('dot');
    expect(on("$['a/b']")).toBe(1);
    expect(on("$['a:b']")).toBe(2);
    expect(on("$['a@b']")).toBe(3);
    expect(on('$.a$b')).toBe(4);
    expect(on('$.phoneNumbers[*].type')).toEqual(['home', 'work']);
    expect(on('$.a.b[*].year')).toEqual([2021, 2022]);
    expect(on('$..name')).toEqual(['top', 'inner']);
    expect(on('$.a.b[-1:]')).toEqual([{ year: 2022 }]);
    expect(on('$.a.b[?(@.year > 2021)].year')).toEqual([2022]);
    expect(on('a.b[0].year')).toBe(2021);
    // One match of a wildcard is still a list; no match is undefined.
    expect(on('$.x[*]', { x: [5] })).toEqual([5]);
    expect(on('$.phoneNumbers[*].fax')).toBeUndefined();
  });

  it('compares the list a wildcard gives, as the engine does', () => {
    const facts = { o: { phones: [{ type: 'home' }, { type: 'work' }] } };
    const has = (operator: string, value: unknown) =>
      compileCondition({ all: [leaf('o', operator, value, { path: '$.phones[*].type' })] })(facts);
    expect(has('contains', 'work')).toBe(true);
    expect(has('doesNotContain', 'fax')).toBe(true);
    expect(has('someFact:equal', 'home')).toBe(true);
    expect(has('everyFact:equal', 'home')).toBe(false);
  });

  it('uses a custom pathResolver for every path, like the engine option', () => {
    const calls: string[] = [];
    const pathResolver = (value: object, path: string) => {
      calls.push(path);
      return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
    };
    const c = compileCondition({ all: [leaf('o', 'equal', 3, { path: 'a.b' })] }, { pathResolver });
    expect(c({ o: { a: { b: 3 } } })).toBe(true);
    expect(c({ o: 3 })).toBe(true); // not an object: the resolver is not called
    expect(calls).toEqual(['a.b']);
  });
});

describe('shared conditions', () => {
  const conditions: Record<string, Condition> = {
    big: { all: [leaf('size', 'greaterThan', 100)] },
    bigAndOld: { all: [{ condition: 'big' }, leaf('age', 'greaterThanInclusive', 10)] },
  };

  it('are referenced by name, also from other shared conditions and at the top level', () => {
    const c = compileCondition({ any: [{ condition: 'bigAndOld' }, leaf('flag', 'equal', true)] }, { conditions });
    expect(c({ size: 200, age: 10, flag: false })).toBe(true);
    expect(c({ size: 200, age: 9, flag: false })).toBe(false);
    expect(c({ size: 1, age: 9, flag: true })).toBe(true);
    expect(c.facts).toEqual(['age', 'flag', 'size']);
    expect(compileCondition({ condition: 'big' }, { conditions })({ size: 101 })).toBe(true);
  });

  it('must be known', () => {
    expect(() => compileCondition({ all: [{ not: { condition: 'small' } }] }, { conditions })).toThrow(
      'all[0].not: unknown shared condition "small"',
    );
    expect(() => compileCondition({ condition: 'toString' })).toThrow('unknown shared condition "toString"');
  });

  it('must not be cyclic', () => {
    const cyclic: Record<string, Condition> = {
      a: { all: [{ condition: 'b' }] },
      b: { any: [leaf('x', 'equal', 1), { condition: 'a' }] },
    };
    expect(() => compileCondition({ condition: 'a' }, { conditions: cyclic })).toThrow(
      'condition(a).all[0].condition(b).any[1]: cyclic shared conditions: a -> b -> a',
    );
  });

  it('must start with all, any, not or condition, like engine.setCondition', () => {
    expect(() => compileCondition({ condition: 'bare' }, { conditions: { bare: leaf('x', 'equal', 1) } })).toThrow(
      'condition(bare): the top level must be "all", "any", "not" or "condition"',
    );
  });

  it('report errors inside them with the path through the reference', () => {
    const broken = { bad: { all: [leaf('x', 'equal', 1), leaf('x', 'greaterThen', 1)] } };
    expect(() => compileCondition({ any: [{ condition: 'bad' }] }, { conditions: broken })).toThrow(
      'any[0].condition(bad).all[1]: unknown operator "greaterThen"',
    );
  });
});

describe('undefined facts', () => {
  const condition: Condition = { any: [leaf('missing', 'equal', undefined)] };

  it('throw an UndefinedFactError by default', () => {
    const c = compileCondition(condition);
    const thrown = (() => {
      try {
        c({ other: 1 });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(UndefinedFactError);
    expect(thrown).toMatchObject({ fact: 'missing', code: 'UNDEFINED_FACT', message: 'Undefined fact: missing' });
    expect(() => c.explain({})).toThrow(UndefinedFactError);
  });

  it('are undefined with allowUndefinedFacts', () => {
    const c = compileCondition(condition, { allowUndefinedFacts: true });
    expect(c({})).toBe(true);
    expect(c.explain({}).children?.[0]?.factValue).toBeUndefined();
  });

  it('are facts absent as own properties: a fact given as undefined exists, inherited names do not', () => {
    expect(compileCondition(condition)({ missing: undefined })).toBe(true);
    const inherited = compileCondition({ all: [leaf('toString', 'equal', undefined)] });
    expect(() => inherited({})).toThrow('Undefined fact: toString');
    expect(compileCondition({ all: [leaf('toString', 'equal', undefined)] }, { allowUndefinedFacts: true })({})).toBe(
      true,
    );
  });

  it('throw even when a sibling of the same priority already decided the result, as the engine runs them all', () => {
    const c = compileCondition({ all: [leaf('a', 'equal', 2), leaf('missing', 'equal', 1)] });
    expect(() => c({ a: 1 })).toThrow(UndefinedFactError);
  });

  it('do not throw in a lower priority group that is skipped', () => {
    const c = compileCondition({ all: [leaf('a', 'equal', 2, { priority: 5 }), leaf('missing', 'equal', 1)] });
    expect(c({ a: 1 })).toBe(false);
    const any = compileCondition({ any: [leaf('missing', 'equal', 1, { priority: -1 }), leaf('a', 'equal', 1)] });
    expect(any({ a: 1 })).toBe(true);
  });
});

describe('priority', () => {
  const order = (condition: Condition, facts: Facts) =>
    compileCondition(condition)
      .explain(facts)
      .children?.map((child) => child.fact ?? child.kind);

  it('orders siblings highest first, keeping the written order within a priority', () => {
    const condition: Condition = {
      all: [leaf('a', 'equal', 1), leaf('b', 'equal', 1, { priority: 3 }), leaf('c', 'equal', 1, { priority: 1 })],
    };
    expect(order(condition, { a: 1, b: 1, c: 1 })).toEqual(['b', 'a', 'c']);
  });

  it('keeps a fractional priority on a fact comparison but truncates it on all/any/not', () => {
    const condition: Condition = {
      all: [{ all: [leaf('a', 'equal', 1)], priority: 1.9 }, leaf('b', 'equal', 1, { priority: 1.5 })],
    };
    expect(order(condition, { a: 1, b: 1 })).toEqual(['b', 'all']);
  });

  it('orders comparisons without their own priority by factPriorities, like facts added with a priority', () => {
    const condition: Condition = { all: [leaf('a', 'equal', 1), leaf('b', 'equal', 1), leaf('c', 'equal', 1)] };
    const facts = { a: 1, b: 1, c: 1 };
    const c = compileCondition(condition, { factPriorities: { c: 5, b: 2 } });
    expect(c.explain(facts).children?.map((child) => child.fact)).toEqual(['c', 'b', 'a']);
    // A comparison's own priority wins over its fact's.
    const own = compileCondition(
      { all: [leaf('a', 'equal', 1, { priority: 9 }), leaf('c', 'equal', 1)] },
      {
        factPriorities: { c: 5 },
      },
    );
    expect(own.explain(facts).children?.map((child) => child.fact)).toEqual(['a', 'c']);
  });

  it('treats 0 as the default priority 1', () => {
    const condition: Condition = { any: [leaf('a', 'equal', 1, { priority: 0 }), leaf('b', 'equal', 1)] };
    expect(order(condition, { a: 1, b: 1 })).toEqual(['a', 'b']);
  });
});

describe('explain', () => {
  it('traces results and resolved values in the shape of the condition', () => {
    const c = compileCondition({
      all: [
        leaf('o', 'greaterThan', { fact: 'limit' }, { path: '$.n' }),
        { not: leaf('tags', 'contains', 'x') },
        { any: [] },
      ],
    });
    expect(c.explain({ o: { n: 5 }, limit: 3, tags: ['y'] })).toEqual({
      result: true,
      kind: 'all',
      children: [
        {
          result: true,
          kind: 'fact',
          fact: 'o',
          path: '$.n',
          operator: 'greaterThan',
          factValue: 5,
          value: 3,
          valueFact: 'limit',
        },
        {
          result: true,
          kind: 'not',
          children: [{ result: false, kind: 'fact', fact: 'tags', operator: 'contains', factValue: ['y'], value: 'x' }],
        },
        { result: true, kind: 'any', children: [] },
      ],
    });
  });

  it('agrees with the compiled function', () => {
    const c = compileCondition({ any: [leaf('a', 'lessThan', 3), { all: [leaf('b', 'in', [1, 2])] }] });
    for (const facts of [
      { a: 1, b: 0 },
      { a: 5, b: 2 },
      { a: 5, b: 9 },
      { a: null, b: 1 },
    ]) {
      expect(c.explain(facts).result).toBe(c(facts));
    }
  });

  it('leaves out children of priority groups that never ran', () => {
    const c = compileCondition({ any: [leaf('a', 'equal', 1, { priority: 2 }), leaf('b', 'equal', 1)] });
    expect(c.explain({ a: 1, b: 1 }).children).toHaveLength(1);
    expect(c.explain({ a: 0, b: 1 }).children?.map((child) => child.result)).toEqual([false, true]);
  });

  it('shows a shared condition as the referenced condition', () => {
    const c = compileCondition({ not: { condition: 's' } }, { conditions: { s: { all: [leaf('a', 'equal', 1)] } } });
    expect(c.explain({ a: 1 })).toEqual({
      result: false,
      kind: 'not',
      children: [
        {
          result: true,
          kind: 'all',
          children: [{ result: true, kind: 'fact', fact: 'a', operator: 'equal', factValue: 1, value: 1 }],
        },
      ],
    });
  });
});

describe('facts', () => {
  it('lists every fact read, compare-value facts included, sorted and unique', () => {
    const c = compileCondition({
      all: [leaf('z', 'equal', 1), leaf('b', 'equal', { fact: 'a', path: '$.x' }), { not: leaf('z', 'equal', 2) }],
    });
    expect(c.facts).toEqual(['a', 'b', 'z']);
    expect(Object.isFrozen(c.facts)).toBe(true);
  });
});

describe('compile errors', () => {
  const error = (condition: unknown, options?: CompileOptions) => {
    try {
      compileCondition(condition as Condition, options);
    } catch (e) {
      expect(e).toBeInstanceOf(ConditionCompileError);
      return (e as Error).message;
    }
    throw new Error('expected a ConditionCompileError');
  };

  it('name the path of an unknown operator', () => {
    const condition = {
      all: [leaf('a', 'equal', 1), leaf('a', 'equal', 1), { any: [leaf('a', 'greaterThen', 1)] }],
    };
    expect(error(condition)).toBe('all[2].any[0]: unknown operator "greaterThen"');
    const made = new ConditionCompileError('all[2].any[0]', {
      code: 'condition.unknown-operator',
      params: { operator: 'x' },
    });
    expect(made.path).toBe('all[2].any[0]');
    expect(made.text).toEqual({
      zh: '条件 all[2].any[0] 有误：未知运算符 "x"',
      en: 'all[2].any[0]: unknown operator "x"',
    });
  });

  it('reject unknown decorators and malformed decorated names', () => {
    expect(error({ all: [leaf('a', 'maybe:equal', 1)] })).toBe('all[0]: unknown operator "maybe:equal"');
    expect(error({ all: [leaf('a', ':equal', 1)] })).toBe('all[0]: unknown operator ":equal"');
    expect(error({ all: [leaf('a', 'not:', 1)] })).toBe('all[0]: unknown operator "not:"');
    expect(error({ all: [leaf('a', 'constructor', 1)] })).toBe('all[0]: unknown operator "constructor"');
  });

  it('reject what the engine rejects: bad shapes, missing keys', () => {
    expect(error(null)).toBe('(root): expected a condition object');
    expect(error({ all: {} })).toBe('(root): "all" must be an array');
    expect(error({ any: [{ not: [] }] })).toBe('any[0]: "not" cannot be an array');
    expect(error({ not: { all: [5] } })).toBe('not.all[0]: expected a condition object');
    expect(error({ all: [{ priority: 1 }] })).toBe(
      'all[0]: expected one of "all", "any", "not", "condition" or "fact"',
    );
    expect(error({ all: [{ fact: 'a', operator: 'equal' }] })).toBe('all[0]: missing "value"');
    expect(error({ all: [{ fact: 'a', value: 1 }] })).toBe('all[0]: missing "operator"');
    expect(error({ all: [{ fact: 'a', operator: 'equal', vaule: 1 }] })).toBe('all[0]: missing "value"');
    expect(error({ all: [{ fact: 'a', operator: 5, value: 1 }] })).toBe('all[0]: "operator" must be a string');
    expect(error({ all: [{ condition: 5 }] })).toBe('all[0]: unknown shared condition "5"');
  });

  it('accept what the engine evaluates: any priority, any path value, any fact name', () => {
    const facts = { a: 1, o: { b: 1 } };
    expect(compileCondition({ all: [leaf('a', 'equal', 1, { priority: '2' })] })(facts)).toBe(true);
    expect(compileCondition({ all: [leaf('o', 'equal', 1, { path: ['b'] })] })(facts)).toBe(false);
    // A fact name that is not a non-empty string is never given: undefined, or an UndefinedFactError.
    expect(() => compileCondition({ all: [leaf('', 'equal', undefined)] })(facts)).toThrow(UndefinedFactError);
    expect(compileCondition({ all: [leaf('', 'equal', undefined)] }, { allowUndefinedFacts: true })(facts)).toBe(true);
    expect(() => compileCondition({ all: [leaf('a', 'equal', { fact: 5 })] })({ 5: 1, a: 1 })).toThrow(
      'Undefined fact: 5',
    );
  });

  it('refuse a bare fact comparison at the top level, like the engine', () => {
    expect(error(leaf('a', 'equal', 1))).toBe(
      '(root): the top level must be "all", "any", "not" or "condition", not a fact comparison',
    );
  });
});
