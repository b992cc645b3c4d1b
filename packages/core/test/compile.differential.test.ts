import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { JSONPath } from 'jsonpath-plus';
import type { Condition } from '../src/model/schema.js';
import { compileCondition, type Facts } from '../src/rules/compile.js';
import { customOperators, type DecoratorCallback } from '../src/rules/operators.js';

type Outcome = boolean | 'error';

interface Case {
  condition: Condition;
  shared: Record<string, Condition>;
  facts: Record<string, unknown>;
  allowUndefinedFacts: boolean;
  allowUndefinedConditions?: boolean;
  /** Facts added to the engine with `addFact(id, FACT_DEFAULT, { priority })`. */
  factPriorities?: Record<string, number>;
}

/**
 * A fact added to the engine for its priority; runtime facts replace it. A function: the engine
 * caches a constant fact's value, and a runtime function of the same name would read that cache.
 */
const FACT_DEFAULT = () => 3;

/** The facts a case's engine sees: those added for their priority, then the runtime facts. */
const factsOf = (c: Case): Facts => ({
  ...Object.fromEntries(Object.keys(c.factPriorities ?? {}).map((name) => [name, FACT_DEFAULT])),
  ...c.facts,
});

/** Custom decorators, registered in both: one of them replaces the built-in `swap`. */
const customDecorators: Record<string, DecoratorCallback> = {
  /** The operator on the fact's length (false without one). */
  length: (a, b, next) =>
    typeof (a as { length?: unknown } | null)?.length === 'number' && next((a as unknown[]).length, b),
  /** The operator either way round. */
  either: (a, b, next) => next(a, b) || next(b, a),
};

/** Runs the condition as the only rule of a fresh engine: did it fire, or did the run fail? */
async function engineOutcome(c: Case): Promise<Outcome> {
  const { condition, shared, facts, allowUndefinedFacts, allowUndefinedConditions = false } = c;
  const engine = new Engine([], { allowUndefinedFacts, allowUndefinedConditions });
  for (const [name, operator] of Object.entries(customOperators)) engine.addOperator(name, operator);
  for (const [name, decorator] of Object.entries(customDecorators)) engine.addOperatorDecorator(name, decorator);
  for (const [name, priority] of Object.entries(c.factPriorities ?? {}))
    engine.addFact(name, FACT_DEFAULT, { priority });
  // The engine rewrites the priority of fact conditions in the JSON it is given: hand it copies.
  for (const [name, sharedCondition] of Object.entries(shared)) {
    engine.setCondition(name, structuredClone(sharedCondition) as never);
  }
  engine.addRule({ conditions: structuredClone(condition) as never, event: { type: 'x' } });
  try {
    const { events } = await engine.run(facts);
    return events.length > 0;
  } catch {
    return 'error';
  }
}

function compiledOutcome(run: (facts: Facts) => boolean, facts: Facts): Outcome {
  try {
    return run(facts);
  } catch {
    return 'error';
  }
}

const FACTS = ['a', 'b', 'c', 'o', 'list'] as const;
/** Facts that are never given. */
const MISSING = ['zz'] as const;
/** Object keys, the special characters of json-rules-engine's own path tests included. */
const KEYS = [
  'x',
  'y',
  'z',
  'id',
  'name',
  'dot.property',
  'a/b',
  'a:b',
  'a@b',
  'a$b',
  'a b',
  'a-b',
  '村',
  '0',
  '1',
  '01',
] as const;
const PATHS = [
  // Simple paths, compiled to property reads.
  '$.x',
  '$.y.z',
  "$['x']",
  '$["y"].z',
  '$.arr[0]',
  '$.arr[1].x',
  '$.arr.length',
  '$[0]',
  '$.0',
  '$',
  '',
  "$['a b']",
  '$.村',
  // Everything else, resolved by jsonpath-plus.
  '$.[0].id',
  '$.[1].name',
  "$.y['dot.property']",
  "$.y.['dot.property']",
  "$['a/b']",
  "$['a:b']",
  "$['a@b']",
  '$.a$b',
  '$.arr[*].x',
  '$.arr[*]',
  '$..name',
  '$..x',
  '$.arr[-1:]',
  '$.arr[?(@.x > 1)].x',
  'y.z',
  '$.*',
];
const BASE_OPERATORS = [
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
  'dateAfter',
];
const DECORATORS = [
  'someFact',
  'someValue',
  'everyFact',
  'everyValue',
  'swap',
  'not',
  ...Object.keys(customDecorators),
];

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -20, max: 20 }),
  fc.constantFrom('12', '3.5', ' 7', '12abc', 'abc', '', 'NaN', '-1', 'Infinity', 'x', 'b'),
  fc.constantFrom('2024-01-01', '2023-12-31', '2024-1-1'),
  fc.boolean(),
  fc.constantFrom(null, undefined, Number.NaN),
);
const list = fc.array(scalar, { maxLength: 4 });
const object = fc.record(
  {
    x: scalar,
    y: fc.oneof(fc.record({ z: scalar }, { requiredKeys: [], noNullPrototype: true }), scalar),
    arr: fc.array(fc.oneof(scalar, fc.record({ x: scalar }, { noNullPrototype: true })), { maxLength: 3 }),
    0: scalar,
  },
  { requiredKeys: [], noNullPrototype: true },
);
/** Nested objects and arrays over the keys json-rules-engine's path tests use. */
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'tree' },
    scalar,
    fc.dictionary(fc.constantFrom(...KEYS, 'arr'), tie('node'), { maxKeys: 4, noNullPrototype: true }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;
const anyValue = fc.oneof({ weight: 3, arbitrary: scalar }, list, object, fc.array(object, { maxLength: 2 }), tree);

/** A fact given as a function (a dynamic fact): its value, or another one for `params: { pick: 'alt' }`. */
function factFunction(value: unknown, alt: unknown) {
  return Object.assign((params: { pick?: string } | null) => (params?.pick === 'alt' ? alt : value), {
    toString: () => `(params) => params.pick === 'alt' ? ${fc.stringify(alt)} : ${fc.stringify(value)}`,
  });
}
const factValue = fc.oneof(
  { weight: 4, arbitrary: anyValue },
  fc.tuple(anyValue, anyValue).map(([value, alt]) => factFunction(value, alt)),
);
const facts = fc.record(Object.fromEntries(FACTS.map((name) => [name, factValue])), {
  requiredKeys: [],
  noNullPrototype: true,
});

const factName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FACTS) }, fc.constantFrom(...MISSING));
const path = fc.option(fc.constantFrom(...PATHS), { nil: undefined });
const params = fc.option(fc.constantFrom({}, { pick: 'alt' }, { pick: 'other' }), { nil: undefined, freq: 3 });
const operator = fc
  .tuple(fc.array(fc.constantFrom(...DECORATORS), { maxLength: 2 }), fc.constantFrom(...BASE_OPERATORS))
  .map(([decorators, base]) => [...decorators, base].join(':'));
const priority = fc.option(fc.constantFrom(1, 2, 2.5, 0, -1, '2', '3x', 'high'), { nil: undefined, freq: 3 });
/** Custom properties json-rules-engine keeps and ignores. */
const custom = {
  id: fc.option(fc.constantFrom('c1', 7), { nil: undefined, freq: 4 }),
  name: fc.option(fc.constantFrom('名称', 'name'), { nil: undefined, freq: 4 }),
  customId: fc.option(fc.constantFrom('x-1', { deep: true }), { nil: undefined, freq: 4 }),
};
const factReference = fc.record({ fact: factName, path, params }, { requiredKeys: ['fact'], noNullPrototype: true });
const compareValue = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 3, arbitrary: list }, object, factReference);

/** Drops undefined optional keys (but not `value`), so that generated conditions look like JSON. */
function compact(value: object): Condition {
  return Object.fromEntries(
    Object.entries(value).filter(([key, v]) => v !== undefined || key === 'value'),
  ) as Condition;
}

const leaf = fc
  .record({ fact: factName, operator, value: compareValue, path, params, priority, ...custom })
  .map(compact);

/** Conditions over leaves and references to the given shared conditions (some of them missing). */
function conditionArbitrary(...references: string[]) {
  const reference = references.map((name) =>
    fc.record({ condition: fc.constant(name), priority, ...custom }).map(compact),
  );
  return fc.letrec<{ node: Condition; top: Condition }>((tie) => {
    const children = fc.array(tie('node'), { maxLength: 4 });
    const all = fc.record({ all: children, priority, ...custom }).map(compact);
    const any = fc.record({ any: children, priority, ...custom }).map(compact);
    const not = fc.record({ not: tie('node'), priority, ...custom }).map(compact);
    // Several kinds of keys in one condition: the engine decides which one counts.
    const mixed = fc.oneof(
      fc.record({ any: children, all: children, priority }).map(compact),
      fc.record({ all: children, not: tie('node') }).map(compact),
      ...references.map((name) => fc.record({ condition: fc.constant(name), any: children, priority }).map(compact)),
    );
    return {
      node: fc.oneof({ maxDepth: 4, depthIdentifier: 'condition' }, leaf, leaf, ...reference, all, any, not, mixed),
      top: fc.oneof(all, any, not, ...reference, mixed),
    };
  }).top;
}

const testCase = fc.boolean().chain((allowUndefinedConditions) => {
  // A reference to a shared condition that does not exist, where it is allowed.
  const missing = allowUndefinedConditions ? ['nope'] : [];
  return fc
    .record({
      s1: conditionArbitrary(...missing),
      s2: conditionArbitrary('s1', ...missing),
      condition: conditionArbitrary('s1', 's2', ...missing),
      facts,
      allowUndefinedFacts: fc.boolean(),
      factPriorities: fc.dictionary(fc.constantFrom(...FACTS, ...MISSING), fc.constantFrom(0, 1, 2, 3, 5), {
        maxKeys: 2,
        noNullPrototype: true,
      }),
    })
    .map(({ s1, s2, ...rest }): Case => ({ ...rest, shared: { s1, s2 }, allowUndefinedConditions }));
});

/**
 * The case without an engine quirk left out of the comparison: a runtime function fact that
 * replaces a constant added with `addFact` gets the constant's cached value in the engine.
 */
function withoutShadowedFunctions(c: Case): Case {
  const priorities = Object.entries(c.factPriorities ?? {}).filter(([name]) => typeof c.facts[name] !== 'function');
  return { ...c, factPriorities: Object.fromEntries(priorities) };
}

async function checkAgainstEngine(given: Case): Promise<void> {
  const c = withoutShadowedFunctions(given);
  const compiled = compileCondition(c.condition, {
    operators: customOperators,
    decorators: customDecorators,
    conditions: c.shared,
    allowUndefinedFacts: c.allowUndefinedFacts,
    allowUndefinedConditions: c.allowUndefinedConditions ?? false,
    factPriorities: c.factPriorities ?? {},
  });
  const expected = await engineOutcome(c);
  const facts = factsOf(c);
  expect(compiledOutcome(compiled, facts)).toBe(expected);
  expect(compiledOutcome((f) => compiled.explain(f).result, facts)).toBe(expected);
}

describe('compileCondition against json-rules-engine', () => {
  it('agrees with the engine on random conditions and facts', async () => {
    await fc.assert(fc.asyncProperty(testCase, checkAgainstEngine), { numRuns: 400 });
  });

  it('agrees with the engine when every fact is given and undefined facts are allowed', async () => {
    const complete = fc.record(Object.fromEntries(FACTS.map((name) => [name, factValue])), { noNullPrototype: true });
    const property = fc.asyncProperty(testCase, complete, (c, given) =>
      checkAgainstEngine({ ...c, facts: given, allowUndefinedFacts: true }),
    );
    await fc.assert(property, { numRuns: 300 });
  });

  it('throws where the engine throws on an undefined fact (allowUndefinedFacts false)', async () => {
    const cases: Condition[] = [
      { all: [{ fact: 'zz', operator: 'equal', value: 1 }] },
      // Siblings of equal priority all run, even once the result is known.
      {
        all: [
          { fact: 'a', operator: 'equal', value: 2 },
          { fact: 'zz', operator: 'equal', value: 1 },
        ],
      },
      { any: [{ fact: 'a', operator: 'equal', value: 1 }, { not: { fact: 'zz', operator: 'equal', value: 1 } }] },
      { all: [{ fact: 'a', operator: 'equal', value: { fact: 'zz' } }] },
    ];
    for (const condition of cases) {
      const c: Case = { condition, shared: {}, facts: { a: 1 }, allowUndefinedFacts: false };
      expect(await engineOutcome(c)).toBe('error');
      expect(() => compileCondition(condition)(c.facts)).toThrow('Undefined fact: zz');
      expect(() => compileCondition(condition).explain(c.facts)).toThrow('Undefined fact: zz');
    }
  });

  it('skips an undefined fact where the engine skips it: a lower priority never runs', async () => {
    const condition: Condition = {
      all: [
        { fact: 'a', operator: 'equal', value: 2, priority: 2 },
        { fact: 'zz', operator: 'equal', value: 1 },
      ],
    };
    const c: Case = { condition, shared: {}, facts: { a: 1 }, allowUndefinedFacts: false };
    expect(await engineOutcome(c)).toBe(false);
    expect(compileCondition(condition)(c.facts)).toBe(false);
  });

  it('agrees with the engine on random conditions when undefined facts throw', async () => {
    const property = fc.asyncProperty(testCase, (c) => checkAgainstEngine({ ...c, allowUndefinedFacts: false }));
    await fc.assert(property, { numRuns: 300 });
  });
});

describe('paths against jsonpath-plus', () => {
  const key = fc.constantFrom(...KEYS, 'arr');
  const step = fc.oneof(
    key.map((k) => `.${k}`),
    key.map((k) => `['${k}']`),
    key.map((k) => `["${k}"]`),
    fc.nat(3).map((n) => `[${n}]`),
    fc.constantFrom('[*]', '.*', '..name', '..x', '[-1:]', '.[0]', '.length', '[?(@.x)]', '[0,1]'),
  );
  const jsonPath = fc
    .tuple(fc.constantFrom('$', '$', ''), fc.array(step, { maxLength: 4 }))
    .map(([root, steps]) => root + steps.join(''));

  /** The value or the error message: what a read gives. */
  const attempt = (read: () => unknown) => {
    try {
      return { value: read() };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  it('reads every path as jsonpath-plus does, the simple ones compiled to property reads', () => {
    const property = fc.property(jsonPath, tree, (p, value) => {
      const compiled = compileCondition({ all: [{ fact: 'o', path: p, operator: 'equal', value: null }] });
      const read = attempt(() => compiled.explain({ o: value }).children?.[0]?.factValue);
      // The engine resolves a path on objects only, and an empty path is no path.
      const isObject = typeof value === 'object' && value !== null;
      const expected = attempt(() => (p && isObject ? JSONPath({ path: p, json: value, wrap: false }) : value));
      expect(read).toStrictEqual(expected);
    });
    fc.assert(property, { numRuns: 3000 });
  });
});
