// Fuzzing the evaluation input (issue 14, "done when"): the example data, mutated a few thousand
// times with a fixed seed (wrong types, odd keys, NaN, huge strings, cycles, deep nesting,
// repeated records), gives either a result or an InputError whose message can be printed:
// never another exception, never a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createBatchEvaluator, evaluate, getPlan, InputError } from '@ruralkit/core';

const plan = getPlan('changjiang-2021');
const exampleText = readFileSync(new URL('../../../examples/changjiang-2021/data.yaml', import.meta.url), 'utf8');
const AS_OF = '2025-12-31';

/** The longest one evaluation of the example may take before it counts as a hang. */
const HANG_MS = 5_000;

const oddValues = fc.constantFrom<unknown>(
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  1e308,
  '',
  ' ',
  '0x3',
  '1e400',
  '0000-01-01',
  '1999-12-31',
  '2023-02-30',
  '9999-12-31',
  'Ａ1',
  '\u202e\u0000',
  'x'.repeat(50_000),
  '__proto__',
  [],
  {},
  null,
  undefined,
  true,
);
const values = fc.oneof(oddValues, fc.anything({ maxDepth: 3 }), fc.double(), fc.integer(), fc.string());
const keys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', '0001', '1999', '2000', '2023', '2036', '99999', '', 'id'),
  fc.constantFrom('tapWaterRate', 'villageId', 'size', 'indicators', 'attributes', 'villages', 'households'),
  fc.string({ maxLength: 8 }),
);

type Mutation = {
  kind: 'set' | 'delete' | 'add' | 'cycle' | 'deep' | 'repeat';
  at: number;
  pick: number;
  key: string;
  value: unknown;
};
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'add', 'cycle', 'deep', 'repeat'),
  at: fc.nat(),
  pick: fc.nat(),
  key: keys,
  value: values,
});

/** The objects and lists in `root` down to the input's own depth (6 levels), the root first. */
function containers(root: object): object[] {
  const found = new Set<object>();
  const walk = (node: unknown, depth: number) => {
    if (node === null || typeof node !== 'object' || found.has(node) || depth > 6) return;
    found.add(node);
    for (const child of Object.values(node)) walk(child, depth + 1);
  };
  walk(root, 0);
  return [...found];
}

/** Apply `m` to a node of `root` (chosen by `m.at`). */
function mutate(root: Record<string, unknown>, m: Mutation): void {
  const nodes = containers(root);
  const node = nodes[m.at % nodes.length] as Record<string, unknown>;
  const own = Object.keys(node);
  const existing = own.length > 0 ? own[m.pick % own.length]! : m.key;
  const put = (key: string, value: unknown) =>
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  switch (m.kind) {
    case 'set':
      return void put(existing, m.value);
    case 'delete':
      return void delete node[existing];
    case 'add':
      return void put(m.key, m.value);
    case 'cycle':
      return void put(existing, nodes[m.pick % nodes.length]);
    case 'deep': {
      let deep: unknown = m.value;
      for (let i = 0; i < 100 + (m.pick % 400); i++) deep = Array.isArray(deep) || i % 2 ? { [m.key]: deep } : [deep];
      return void put(existing, deep);
    }
    case 'repeat':
      if (Array.isArray(node) && node.length > 0) node.push(node[m.pick % node.length]);
  }
}

/** Run `judge`; it may return or throw an InputError with a printable message, nothing else, and quickly. */
function resultOrInputError(judge: () => unknown): 'result' | 'input-error' {
  const start = performance.now();
  try {
    judge();
    return 'result';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeLessThan(20_000);
    return 'input-error';
  } finally {
    expect(performance.now() - start).toBeLessThan(HANG_MS);
  }
}

describe('fuzzed evaluation input', () => {
  it('gives a result or an InputError for 2,000 mutations of the example, in evaluate and in batch', () => {
    const seen = { result: 0, 'input-error': 0 };
    const evaluator = createBatchEvaluator(plan, { asOf: AS_OF });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const input = parse(exampleText) as Record<string, unknown>;
        for (const m of mutations) mutate(input, m);
        seen[resultOrInputError(() => evaluate(plan, input, { asOf: AS_OF }))]++;
        const villages = Array.isArray(input.villages) ? input.villages : [];
        const households = Array.isArray(input.households) ? input.households : [];
        villages.forEach((record, i) => resultOrInputError(() => evaluator.village(record, i + 1)));
        households.forEach((record, i) => resultOrInputError(() => evaluator.household(record, i + 1)));
      }),
      { seed: 14, numRuns: 2_000 },
    );
    // The mutations reach both outcomes: the fuzzing is not all refusals.
    expect(seen.result).toBeGreaterThan(100);
    expect(seen['input-error']).toBeGreaterThan(100);
  }, 300_000);
});
