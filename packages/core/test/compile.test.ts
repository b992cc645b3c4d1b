import { describe, it, expect } from 'vitest';
import type { Condition } from '../src/model/schema.js';
import {
  compileCondition,
  ConditionCompileError,
  UndefinedFactError,
  type CompileOptions,
  type Facts,
} from '../src/rules/compile.js';
import { builtinOperators, customOperators, isNumeric } from '../src/rules/operators.js';

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

  it('refuses the JSONPath features it does not implement, at compile time', () => {
    for (const path of ['$..b', '$.a[*]', '$.a[-1]', '$[0:1]', '$[?(@.b)]', 'a.b', '$.a.^', "$['a.b']", '$a']) {
      expect(() => read(path), path).toThrow(/^all\[0\]: unsupported path/);
    }
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
    expect(new ConditionCompileError('all[2].any[0]', 'x').path).toBe('all[2].any[0]');
  });

  it('reject unknown decorators and malformed decorated names', () => {
    expect(error({ all: [leaf('a', 'maybe:equal', 1)] })).toBe('all[0]: unknown operator "maybe:equal"');
    expect(error({ all: [leaf('a', ':equal', 1)] })).toBe('all[0]: unknown operator ":equal"');
    expect(error({ all: [leaf('a', 'not:', 1)] })).toBe('all[0]: unknown operator "not:"');
    expect(error({ all: [leaf('a', 'constructor', 1)] })).toBe('all[0]: unknown operator "constructor"');
  });

  it('reject bad shapes', () => {
    expect(error(null)).toBe('(root): expected a condition object');
    expect(error({ all: {} })).toBe('(root): "all" must be an array');
    expect(error({ any: [{ not: [] }] })).toBe('any[0]: "not" cannot be an array');
    expect(error({ not: { all: [5] } })).toBe('not.all[0]: expected a condition object');
    expect(error({ all: [{ all: [], any: [] }] })).toBe(
      'all[0]: expected exactly one of "all", "any", "not", "condition", "fact"; found all, any',
    );
    expect(error({ all: [{ priority: 1 }] })).toContain('found none');
    expect(error({ all: [{ fact: 'a', operator: 'equal' }] })).toBe('all[0]: missing "value"');
    expect(error({ all: [{ fact: 'a', operator: 'equal', vaule: 1 }] })).toBe('all[0]: unknown key "vaule"');
    expect(error({ all: [{ fact: '', operator: 'equal', value: 1 }] })).toBe(
      'all[0]: "fact" must be a non-empty string',
    );
    expect(error({ all: [{ fact: 'a', operator: 5, value: 1 }] })).toBe('all[0]: "operator" must be a string');
    expect(error({ all: [leaf('a', 'equal', 1, { priority: '2' })] })).toBe('all[0]: "priority" must be a number');
    expect(error({ all: [leaf('a', 'equal', 1, { path: 5 })] })).toBe('all[0]: "path" must be a string');
    expect(error({ all: [leaf('a', 'equal', { fact: 5 })] })).toBe('all[0].value: "fact" must be a non-empty string');
    expect(error({ all: [{ condition: 5 }] })).toBe('all[0]: "condition" must be a string');
  });

  it('refuse a bare fact comparison at the top level, like the engine', () => {
    expect(error(leaf('a', 'equal', 1))).toBe(
      '(root): the top level must be "all", "any", "not" or "condition", not a fact comparison',
    );
  });
});
