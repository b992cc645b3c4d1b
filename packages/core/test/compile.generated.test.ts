// The generated test function against the compiled tree's own evaluation (its explanation), on
// random conditions, and on conditions whose every name and value is text that looks like code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Condition } from '../src/model/schema.js';
import { compileCondition, type CompileOptions, type Facts } from '../src/rules/compile.js';
import { customOperators, type DecoratorCallback, type Operator } from '../src/rules/operators.js';

/** What a run gives: its result, or the error's name and message. */
function outcome(run: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** An object with exactly these own properties, `__proto__` included (a literal would set the prototype). */
function objectOf(entries: readonly (readonly [string, unknown])[], nullPrototype = false): Record<string, unknown> {
  const object: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** The generated function and the tree agree, errors included, whatever they give. */
function agree(condition: Condition, options: CompileOptions, facts: Facts): void {
  const compiled = compileCondition(condition, options);
  expect(outcome(() => compiled(facts))).toStrictEqual(outcome(() => compiled.explain(facts).result));
}

/** Conditions over the given fact names, operators and compare values, with references to `shared`. */
function conditions(
  fact: fc.Arbitrary<string>,
  operator: fc.Arbitrary<string>,
  value: fc.Arbitrary<unknown>,
  path: fc.Arbitrary<string | undefined>,
  extra: fc.Arbitrary<Record<string, unknown>>,
  shared: readonly string[],
) {
  const params = fc.option(
    fc.array(fc.tuple(fc.string({ maxLength: 3 }), value), { maxLength: 2 }).map((e) => objectOf(e)),
    { nil: undefined },
  );
  const reference = fc.record({ fact, path, params }, { requiredKeys: ['fact'] });
  const compare = fc.oneof({ weight: 4, arbitrary: value }, reference);
  const withExtra = <T extends object>(arbitrary: fc.Arbitrary<T>) =>
    fc.tuple(arbitrary, extra).map(([c, e]) => Object.assign(objectOf(Object.entries(e)), c) as unknown as Condition);
  const leaf = withExtra(
    fc
      .record({ fact, operator, value: compare, path, params }, { requiredKeys: ['fact', 'operator', 'value'] })
      .map((c) => objectOf(Object.entries(c).filter(([k, v]) => v !== undefined || k === 'value'))),
  );
  const priority = fc.option(fc.constantFrom(1, 2, 3, '2', 'x'), { nil: undefined, freq: 2 });
  const references = shared.map((name) => withExtra(fc.record({ condition: fc.constant(name) })));
  return fc.letrec<{ node: Condition; top: Condition }>((tie) => {
    const children = fc
      .array(fc.tuple(tie('node'), priority), { maxLength: 4 })
      .map((list) => list.map(([child, p]) => (p === undefined ? child : ({ ...child, priority: p } as Condition))));
    const all = withExtra(fc.record({ all: children }));
    const any = withExtra(fc.record({ any: children }));
    const not = withExtra(fc.record({ not: tie('node') }));
    return {
      node: fc.oneof({ maxDepth: 4, depthIdentifier: 'c' }, leaf, leaf, ...references, all, any, not),
      top: fc.oneof(all, any, not, ...references),
    };
  }).top;
}

describe('the generated test function', () => {
  const FACTS = ['a', 'b', 'o', 'list', 'zz', 'toString', 'constructor'];
  const scalar = fc.oneof(
    fc.integer({ min: -3, max: 5 }),
    fc.double({ min: -5, max: 5 }),
    fc.constantFrom('3', ' 7', 'abc', '', '2024-01-01', '2023-12-31', true, false, null, undefined, Number.NaN, -0),
    // Values a comparison cannot convert without running code or throwing.
    fc.constantFrom(Symbol.for('s'), 2n, {
      toString: () => {
        throw new Error('converted');
      },
    }),
  );
  /** Frozen lists, holes included: `in` and `notIn` compare with a short one element by element. */
  const frozen = fc
    .tuple(fc.array(scalar, { maxLength: 10 }), fc.array(fc.nat(9), { maxLength: 2 }))
    .map(([list, holes]) => {
      for (const hole of holes) delete list[hole];
      return Object.freeze(list);
    });
  const value = fc.oneof({ weight: 3, arbitrary: scalar }, fc.array(scalar, { maxLength: 3 }), frozen);
  const tree = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: 't' },
      scalar,
      fc.dictionary(fc.constantFrom('x', 'y', 'a b', '0', 'arr'), tie('node'), { maxKeys: 3, noNullPrototype: true }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  })).node;
  const factValue = fc.oneof(
    { weight: 4, arbitrary: tree },
    tree.map((v) => (params: unknown) => (params && Object.keys(params).length > 0 ? v : [v])),
    fc.constant(() => {
      throw new Error('boom');
    }),
    fc.constant(async () => 1),
  );
  const facts = fc
    .tuple(fc.array(fc.tuple(fc.constantFrom(...FACTS), factValue), { maxLength: 6 }), fc.boolean())
    .map(([entries, nullPrototype]) => objectOf(entries, nullPrototype));
  const operator = fc
    .tuple(
      fc.array(fc.constantFrom('not', 'swap', 'someFact', 'everyValue', 'either'), { maxLength: 2 }),
      fc.constantFrom(
        'equal',
        'notEqual',
        'in',
        'notIn',
        'contains',
        'doesNotContain',
        'lessThan',
        'lessThanInclusive',
        'greaterThan',
        'greaterThanInclusive',
        'dateOnOrBefore',
        'truthy',
      ),
    )
    .map(([decorators, base]) => [...decorators, base].join(':'));
  const path = fc.option(
    fc.constantFrom('$.x', '$.y.x', "$['a b']", '$.arr[0]', '$[0]', '$', '$..x', '$.arr[*]', '$.*'),
    { nil: undefined },
  );
  const options = fc.record({
    allowUndefinedFacts: fc.boolean(),
    pathResolver: fc.option(
      fc.constant((value: object, p: string) => (p in value ? (value as Record<string, unknown>)[p] : p.length)),
      { nil: undefined, freq: 4 },
    ),
    factPriorities: fc.constantFrom<Record<string, number>>({}, { a: 3 }, { b: 2, o: 5 }),
  });
  const truthy: Operator = (a) => Boolean(a);
  const either: DecoratorCallback = (a, b, next) => next(a, b) || next(b, a);
  const shared = {
    s1: {
      any: [
        { fact: 'a', operator: 'lessThan', value: 2 },
        { fact: 'list', operator: 'contains', value: 1 },
      ],
    },
    s2: { all: [{ condition: 's1' }, { not: { fact: 'b', operator: 'in', value: [1, 'abc'] } }] },
  };
  const condition = conditions(fc.constantFrom(...FACTS), operator, value, path, fc.constant({}), ['s1', 's2']);

  it('agrees with the compiled tree on random conditions and facts, errors included', () => {
    const property = fc.property(condition, facts, options, (c, f, o) =>
      agree(c, { ...o, operators: { ...customOperators, truthy }, decorators: { either }, conditions: shared }, f),
    );
    fc.assert(property, { numRuns: 2000 });
  });

  it('returns what the tree returns when every fact is given', () => {
    const complete = fc
      .tuple(...FACTS.map(() => factValue))
      .map((values) => objectOf(FACTS.map((n, i) => [n, values[i]])));
    const property = fc.property(condition, complete, options, (c, f, o) =>
      agree(c, { ...o, operators: { ...customOperators, truthy }, decorators: { either }, conditions: shared }, f),
    );
    fc.assert(property, { numRuns: 1000 });
  });
});

describe('shared conditions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are written once each, however often they are referenced', () => {
    // s1 references s0 twice, s2 references s1 twice…: written inline, s39 would hold 2^39 comparisons.
    const conditions: Record<string, Condition> = { s0: { all: [{ fact: 'a', operator: 'equal', value: 1 }] } };
    for (let i = 1; i < 40; i++) {
      conditions[`s${i}`] = { any: [{ condition: `s${i - 1}` }, { not: { condition: `s${i - 1}` } }] };
    }
    let source = '';
    vi.stubGlobal(
      'Function',
      new Proxy(Function, {
        construct: (target, args: string[]) =>
          Reflect.construct(target, [...args.slice(0, -1), (source = args.at(-1)!)]),
      }),
    );
    compileCondition({ all: [{ condition: 's39' }] }, { conditions });
    expect(source.length).toBeLessThan(20_000);
    vi.unstubAllGlobals();
    // Run where every reference is evaluated, as the engine evaluates it: 2^10 comparisons.
    const compiled = compileCondition({ all: [{ condition: 's10' }] }, { conditions });
    expect(compiled({ a: 1 })).toBe(true);
    expect(() => compiled({})).toThrow('Undefined fact: a');
  });
});

describe('a host that refuses to generate code', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gets the tree to answer, with the same results and errors', () => {
    vi.stubGlobal('Function', function refuse() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    const compiled = compileCondition({
      any: [
        { fact: 'a', operator: 'greaterThan', value: 1 },
        { fact: 'b', operator: 'in', value: [1, 2] },
      ],
    });
    expect(compiled({ a: 2, b: 3 })).toBe(true);
    expect(compiled({ a: 0, b: 3 })).toBe(false);
    expect(() => compiled({ a: 0 })).toThrow('Undefined fact: b');
  });
});

describe('in and notIn on a short frozen list', () => {
  it('compare element by element as indexOf does: holes skipped, NaN never found, -0 found as 0', () => {
    // eslint-disable-next-line no-sparse-arrays
    const list = Object.freeze([1, , Number.NaN, -0, 'x', undefined]);
    for (const operator of ['in', 'notIn']) {
      for (const a of [1, undefined, Number.NaN, 0, -0, 'x', '1', null]) {
        const compiled = compileCondition({ all: [{ fact: 'a', operator, value: list }] });
        expect(compiled({ a })).toBe(compiled.explain({ a }).result);
        expect(compiled({ a })).toBe(list.indexOf(a as never) > -1 === (operator === 'in'));
      }
    }
    const holes = Object.freeze([, ,]); // eslint-disable-line no-sparse-arrays
    expect(compileCondition({ all: [{ fact: 'a', operator: 'in', value: holes }] })({ a: undefined })).toBe(false);
  });
});

describe('a decided group', () => {
  const decided = (operator: string, value: unknown): Condition => ({
    all: [
      { fact: 'a', operator: 'equal', value: 2 },
      { fact: 'b', operator, value },
    ],
  });

  it('still reads its later comparisons, and converts what may run code or throw, as the tree does', () => {
    let conversions = 0;
    const counted = { valueOf: () => ++conversions, toString: () => String(++conversions) };
    const throwing = {
      toString: () => {
        throw new Error('converted');
      },
    };
    for (const b of [Symbol.for('s'), throwing, counted, () => 1, 5, 'x', null, 2n]) {
      for (const [operator, value] of [
        ['lessThan', 1],
        ['greaterThanInclusive', { fact: 'c' }],
        ['swap:greaterThan', 1],
        ['equal', 1],
        ['in', [1]],
        ['contains', 1],
      ] as const) {
        for (const c of [b, counted, 1]) {
          const compiled = compileCondition(decided(operator, value));
          const facts = { a: 1, b, c };
          conversions = 0;
          const generated = outcome(() => compiled(facts));
          const generatedConversions = conversions;
          conversions = 0;
          expect(generated).toStrictEqual(outcome(() => compiled.explain(facts).result));
          expect(generatedConversions).toBe(conversions);
        }
      }
    }
    expect(() => compileCondition(decided('lessThan', 1))({ a: 1 })).toThrow('Undefined fact: b');
  });
});

describe('conditions made of code-like text', () => {
  const SENTINEL = '__ruralkitInjected';
  const run = `globalThis.${SENTINEL} = 1`;
  /** Text that would run code if it were written into the source, and names the source itself uses. */
  const PAYLOADS = [
    `"); ${run}; //`,
    `'); ${run}; //`,
    `\`; ${run}; \``,
    `\${${run}}`,
    `\u2028${run};\u2029`,
    `*/ ${run}; /*`,
    `\n}; ${run}; {`,
    `\\'; ${run}; '`,
    '</script>',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'f',
    'c',
    'c0',
    'v0',
    's0',
    'hasOwn',
    'missing',
    'callFact',
    'isArray',
    'isNumeric',
    'condition',
    '',
  ];
  const text = fc.constantFrom(...PAYLOADS);
  const value = fc.oneof(
    text,
    fc.array(text, { maxLength: 3 }),
    fc.integer({ min: -2, max: 2 }),
    fc.array(fc.tuple(text, text), { maxLength: 2 }).map((e) => objectOf(e)),
  );
  const path = fc.option(
    fc.oneof(
      text.map((k) => `$.${k}`),
      text.map((k) => `$['${k}']`),
      text.map((k) => `$["${k}"]`),
      fc.constantFrom('$.x', "$['a b']", '$.constructor.name', '$.__proto__'),
    ),
    { nil: undefined, freq: 2 },
  );
  // Custom properties under every name but `condition`, which would make the condition a reference.
  const extra = fc
    .array(fc.tuple(text, value), { maxLength: 2 })
    .map((e) => objectOf(e.filter(([k]) => k !== 'condition')));
  /** A custom operator and a custom decorator under each payload's name. */
  const operators = Object.fromEntries(PAYLOADS.filter(Boolean).map((p) => [p, (a: unknown, b: unknown) => a == b]));
  const decorators = Object.fromEntries(
    PAYLOADS.filter(Boolean).map((p) => [p, ((a, b, next) => !next(a, b)) as DecoratorCallback]),
  );
  const operator = fc.oneof(
    fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'greaterThan'),
    text.filter(Boolean),
    fc.tuple(text.filter(Boolean), fc.constantFrom('equal', 'in')).map(([d, o]) => `${d}:${o}`),
  );
  const [first, second] = [PAYLOADS[0]!, PAYLOADS[3]!];
  const shared = objectOf([
    [first, { any: [{ fact: first, operator: 'equal', value: second }] }],
    ['__proto__', { all: [{ condition: first }, { fact: 'constructor', operator: 'notEqual', value: run }] }],
  ]) as Record<string, Condition>;
  const condition = conditions(text, operator, value, path, extra, [first, '__proto__']);
  const facts = fc
    .tuple(
      fc.array(
        fc.tuple(
          text,
          fc.oneof(
            value,
            value.map((v) => () => v),
          ),
        ),
        { maxLength: 8 },
      ),
      fc.boolean(),
    )
    .map(([entries, nullPrototype]) => objectOf(entries, nullPrototype));
  const options = fc.record({
    allowUndefinedFacts: fc.boolean(),
    factPriorities: fc.constant(objectOf([[first, 2]]) as Record<string, number>),
  });

  /** The sources the compiler hands to `new Function`. */
  const sources: string[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    sources.length = 0;
    delete (globalThis as Record<string, unknown>)[SENTINEL];
  });
  const capture = () =>
    vi.stubGlobal(
      'Function',
      new Proxy(Function, {
        construct(target, args: string[]) {
          sources.push(args.at(-1)!);
          return Reflect.construct(target, args);
        },
      }),
    );

  it('never runs any of it, and gives what the tree gives', () => {
    capture();
    const property = fc.property(condition, facts, options, (c, f, o) => {
      agree(c, { ...o, operators, decorators, conditions: shared }, f);
      expect(SENTINEL in globalThis).toBe(false);
    });
    fc.assert(property, { numRuns: 2000 });
    expect(sources.length).toBeGreaterThan(0);
  });

  it('writes none of it into the source: its only strings are the type names the templates test', () => {
    capture();
    const property = fc.property(condition, options, (c, o) => {
      sources.length = 0;
      compileCondition(c, { ...o, operators, decorators, conditions: shared });
      for (const source of sources) {
        const rest = source.replace(/'use strict'|'(number|function|object|symbol)'/g, '');
        expect(rest).not.toMatch(/['"`\\\u2028\u2029]|__proto__|constructor|prototype|globalThis|\/\//);
        expect(rest).toMatch(/^[\w\s.,;:=!&|<>(){}[\]?+-]*$/);
      }
    });
    fc.assert(property, { numRuns: 500 });
  });
});
