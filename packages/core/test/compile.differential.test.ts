import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import type { Condition } from '../src/model/schema.js';
import { compileCondition, type Facts } from '../src/rules/compile.js';
import { customOperators } from '../src/rules/operators.js';

type Outcome = boolean | 'error';

interface Case {
  condition: Condition;
  shared: Record<string, Condition>;
  facts: Record<string, unknown>;
  allowUndefinedFacts: boolean;
}

/** Runs the condition as the only rule of a fresh engine: did it fire, or did the run fail? */
async function engineOutcome({ condition, shared, facts, allowUndefinedFacts }: Case): Promise<Outcome> {
  const engine = new Engine([], { allowUndefinedFacts });
  for (const [name, operator] of Object.entries(customOperators)) engine.addOperator(name, operator);
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
const PATHS = ['$.x', '$.y.z', "$['x']", '$["y"].z', '$.arr[0]', '$.arr[1].x', '$.arr.length', '$[0]', '$.0', '$', ''];
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
const DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'];

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
const anyValue = fc.oneof({ weight: 3, arbitrary: scalar }, list, object, fc.array(object, { maxLength: 2 }));
const facts = fc.record(Object.fromEntries(FACTS.map((name) => [name, anyValue])), {
  requiredKeys: [],
  noNullPrototype: true,
});

const factName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FACTS) }, fc.constantFrom(...MISSING));
const path = fc.option(fc.constantFrom(...PATHS), { nil: undefined });
const operator = fc
  .tuple(fc.array(fc.constantFrom(...DECORATORS), { maxLength: 2 }), fc.constantFrom(...BASE_OPERATORS))
  .map(([decorators, base]) => [...decorators, base].join(':'));
const priority = fc.option(fc.constantFrom(1, 2, 2.5, 0, -1), { nil: undefined, freq: 3 });
const factReference = fc.record({ fact: factName, path }, { requiredKeys: ['fact'], noNullPrototype: true });
const compareValue = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 3, arbitrary: list }, object, factReference);

/** Drops undefined optional keys (but not `value`), so that generated conditions look like JSON. */
function compact(value: object): Condition {
  return Object.fromEntries(
    Object.entries(value).filter(([key, v]) => v !== undefined || key === 'value'),
  ) as Condition;
}

const leaf = fc.record({ fact: factName, operator, value: compareValue, path, priority }).map(compact);

/** Conditions over leaves and references to the given shared conditions. */
function conditionArbitrary(...references: string[]) {
  const reference = references.map((name) => fc.record({ condition: fc.constant(name), priority }).map(compact));
  return fc.letrec<{ node: Condition; top: Condition }>((tie) => {
    const children = fc.array(tie('node'), { maxLength: 4 });
    const all = fc.record({ all: children, priority }).map(compact);
    const any = fc.record({ any: children, priority }).map(compact);
    const not = fc.record({ not: tie('node'), priority }).map(compact);
    return {
      node: fc.oneof({ maxDepth: 4, depthIdentifier: 'condition' }, leaf, leaf, ...reference, all, any, not),
      top: fc.oneof(all, any, not, ...reference),
    };
  }).top;
}

const testCase = fc
  .record({
    s1: conditionArbitrary(),
    s2: conditionArbitrary('s1'),
    condition: conditionArbitrary('s1', 's2'),
    facts,
    allowUndefinedFacts: fc.boolean(),
  })
  .map(({ s1, s2, ...rest }): Case => ({ ...rest, shared: { s1, s2 } }));

async function checkAgainstEngine(c: Case): Promise<void> {
  const compiled = compileCondition(c.condition, {
    operators: customOperators,
    conditions: c.shared,
    allowUndefinedFacts: c.allowUndefinedFacts,
  });
  const expected = await engineOutcome(c);
  const outcome = compiledOutcome(compiled, c.facts);
  expect(outcome).toBe(expected);
  expect(compiledOutcome((f) => compiled.explain(f).result, c.facts)).toBe(expected);
}

describe('compileCondition against json-rules-engine', () => {
  it('agrees with the engine on random conditions and facts', async () => {
    await fc.assert(fc.asyncProperty(testCase, checkAgainstEngine), { numRuns: 400 });
  });

  it('agrees with the engine when every fact is given and undefined facts are allowed', async () => {
    const complete = fc.record(Object.fromEntries(FACTS.map((name) => [name, anyValue])), { noNullPrototype: true });
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
