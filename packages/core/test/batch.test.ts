// Batch evaluation: evaluateStream and the batch evaluator against evaluate(), record errors with lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBatchEvaluator,
  evaluate,
  evaluateStream,
  getPlan,
  inputSchema,
  InputError,
  parseHouseholdRecord,
  parseVillageRecord,
  type BatchEvaluator,
  type HouseholdResult,
  type RuleResult,
} from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const AS_OF = ['2021-06-30', '2022-12-31', '2023-07-01', '2024-12-31', '2025-12-31', '2027-01-01'];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('batch evaluation', () => {
  it('gives the same village results as evaluate, record by record, at every as-of date', async () => {
    for (const asOf of AS_OF) {
      const report = evaluate(plan, example, { asOf });
      const villageResults = report.results.filter((r) => r.subject.type === 'village');
      const streamed = await collect(
        evaluateStream(plan, example.villages!, { asOf, district: example.district, explain: 'all' }),
      );
      expect(streamed.flatMap((v) => v.results)).toEqual(villageResults);
      expect(streamed.map((v) => v.counts)).toEqual(report.summary.villages.map((v) => v.counts));
    }
  });

  it('gives the same statuses, years, due dates and progress without explanations', () => {
    for (const asOf of AS_OF) {
      const full = createBatchEvaluator(plan, { asOf, district: example.district, explain: 'all' });
      const lean = createBatchEvaluator(plan, { asOf, district: example.district, explain: 'none' });
      const notMet = createBatchEvaluator(plan, { asOf, district: example.district, explain: 'not-met' });
      for (const village of example.villages!) {
        const expected = full.village(village).results as RuleResult[];
        const statuses = lean.village(village).results;
        expect(statuses).toEqual(
          expected.map((r) => ({
            subject: r.subject,
            ruleId: r.ruleId,
            status: r.status,
            year: r.year,
            ...(r.due ? { due: r.due } : {}),
            ...(r.progress ? { progress: r.progress } : {}),
          })),
        );
        expect('message' in statuses[0]!).toBe(false);
        const mixed = notMet.village(village).results;
        mixed.forEach((r, i) => {
          if (r.status === 'not-met') expect(r).toEqual(expected[i]);
          else expect(r).toEqual(statuses[i]);
        });
      }
    }
  });

  it('screens households from a stream as evaluate does', async () => {
    const asOf = '2025-12-31';
    const report = evaluate(plan, example, { asOf });
    const streamed: HouseholdResult[] = await collect(
      evaluateStream(plan, example.households!, { asOf, subjects: 'households' }),
    );
    expect(streamed).toEqual(report.households);
  });

  it('reads async iterables as they come', async () => {
    async function* slowly() {
      for (const h of example.households!.slice(0, 3)) yield await Promise.resolve(h);
    }
    const ids = (await collect(evaluateStream(plan, slowly(), { asOf: '2025-12-31', subjects: 'households' }))).map(
      (h) => h.subject.id,
    );
    expect(ids).toEqual(example.households!.slice(0, 3).map((h) => h.id));
  });

  it('stops at the first invalid record with all its problems, naming the line, subject and key', async () => {
    const records = [
      example.villages![0],
      { id: 'bad-one', attributes: { needsExpressPoint: 'yes' }, indicators: { '2025': { tapWaterRate: 1.5 } } },
      { id: 'never-read', colour: 'red' },
    ];
    const seen: string[] = [];
    const run = async () => {
      for await (const v of evaluateStream(plan, records, { asOf: '2025-12-31', district: example.district })) {
        seen.push(v.subject.id);
      }
    };
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(seen).toEqual([example.villages![0]!.id]);
    const issues = (error as InputError).issues;
    expect(issues.every((i) => i.line === 2 && i.subject?.id === 'bad-one')).toBe(true);
    expect(issues.map((i) => i.key).sort()).toEqual(['hasEcommerceConditions', 'needsExpressPoint', 'tapWaterRate']);
    expect((error as InputError).message).toContain(
      '第2行 line 2, 村 village bad-one, 2025, tapWaterRate = 1.5: 不在 0–1 之间 / not between 0 and 1',
    );
    expect(issues.find((i) => i.key === 'tapWaterRate')!.path).toEqual(['indicators', '2025', 'tapWaterRate']);
  });

  it('names a bad household record, and an unknown key', () => {
    expect(() => parseHouseholdRecord(plan, { id: 'h1', villageId: 'v', size: 0, pets: 2 }, 7)).toThrow(
      /第7行 line 7, 户 household h1, size = 0: .*\n.*第7行 line 7, 户 household h1, pets = 2: 未知指标/,
    );
  });

  it('refuses an invalid as-of date or district data before any record', () => {
    expect(() => createBatchEvaluator(plan, { asOf: '2020-01-01' })).toThrow(InputError);
    expect(() =>
      createBatchEvaluator(plan, { asOf: '2025-12-31', district: { reference: { '2025': { oops: 1 } } } }),
    ).toThrow(/oops/);
  });
});

/** Random records near the valid ones: right and wrong types, ranges, dates, keys. */
const cell = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -2, max: 10 }),
  fc.double({ min: -1, max: 2, noNaN: false }),
  fc.constantFrom('', 'x', '2023-02-29', '2024-02-29', '2025-13-01', '2025-06-30', null, undefined, Infinity),
);
const villageKeys = plan.indicators.filter((d) => d.subject === 'village').map((d) => d.key);
const householdKeys = plan.indicators.filter((d) => d.subject === 'household').map((d) => d.key);
const values = (keys: string[]) =>
  fc.dictionary(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...keys) }, fc.constant('unknownKey')), cell, {
    maxKeys: 6,
  });
const village = fc.record(
  {
    id: fc.oneof(fc.constantFrom('liuyang', 'v-1'), cell),
    name: fc.oneof(fc.constant('某村'), cell),
    attributes: fc.oneof(
      fc.record({ needsExpressPoint: cell, hasEcommerceConditions: cell, retainedVillage: cell }, { requiredKeys: [] }),
      fc.constant(null),
    ),
    indicators: fc.dictionary(fc.constantFrom('2024', '2025', '25', 'x'), values(villageKeys), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const household = values(householdKeys).map((v) => ({ id: 'h', villageId: 'v', size: 3, ...v }));

/** What `parse` returns, or undefined where it throws. */
function parsedOrUndefined<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

describe('the compiled record check', () => {
  it('accepts a record only where the zod schema accepts it, with the same values', () => {
    const accepts = (field: 'villages' | 'households', record: unknown) =>
      inputSchema(plan).safeParse({ [field]: [record] }).success;
    fc.assert(
      fc.property(village, (record) => {
        expect(parsedOrUndefined(() => parseVillageRecord(plan, record)) !== undefined).toBe(
          accepts('villages', record),
        );
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(household, (record) => {
        const parsed = parsedOrUndefined(() => parseHouseholdRecord(plan, record));
        expect(parsed !== undefined).toBe(accepts('households', record));
        if (parsed) expect(parsed.values).toEqual(record);
      }),
      { numRuns: 1500 },
    );
  });
});

/** A valid value of each village indicator, thresholds and zeros included. */
const validValue = (key: string): fc.Arbitrary<unknown> => {
  const def = plan.indicators.find((d) => d.key === key)!;
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.constantFrom('2021-06-30', '2022-12-31', '2023-07-01', '2024-02-29', '2025-12-31');
    case 'integer':
      return fc.integer({ min: 0, max: 4 });
    default:
      return def.max === 1
        ? fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.95, 1), fc.double({ min: 0, max: 1, noNaN: true }))
        : fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 }));
  }
};
/** Valid villages: any subset of keys in any of the years around the plan's period. */
const validVillage = fc.record(
  {
    id: fc.constantFrom('liuyang', 'v-1'),
    attributes: fc.record(
      { needsExpressPoint: fc.boolean(), hasEcommerceConditions: fc.boolean(), retainedVillage: fc.boolean() },
      { requiredKeys: ['needsExpressPoint', 'hasEcommerceConditions'] },
    ),
    indicators: fc.dictionary(
      fc.constantFrom('2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'),
      fc.record(Object.fromEntries(villageKeys.map((key) => [key, validValue(key)])), { requiredKeys: [] }),
      { maxKeys: 5 },
    ),
  },
  { requiredKeys: ['id', 'attributes'] },
);

describe('statuses without explanations', () => {
  it('equal those of the full results for any valid villages, judged one after another', () => {
    // Evaluators live across runs: what one village leaves behind must not change the next.
    const evaluators = new Map<string, { full: BatchEvaluator; lean: BatchEvaluator }>();
    const evaluatorsAt = (asOf: string, withDistrict: boolean) => {
      const key = `${asOf} ${withDistrict}`;
      let pair = evaluators.get(key);
      if (!pair) {
        const district = withDistrict ? example.district : undefined;
        pair = {
          full: createBatchEvaluator(plan, { asOf, district, explain: 'all' }),
          lean: createBatchEvaluator(plan, { asOf, district, explain: 'none' }),
        };
        evaluators.set(key, pair);
      }
      return pair;
    };
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...AS_OF, '2023-01-01'),
        fc.boolean(),
        fc.array(validVillage, { maxLength: 4 }),
        (asOf, withDistrict, villages) => {
          const { full, lean } = evaluatorsAt(asOf, withDistrict);
          for (const village of villages) {
            const expected = (full.village(village).results as RuleResult[]).map((r) => ({
              subject: r.subject,
              ruleId: r.ruleId,
              status: r.status,
              year: r.year,
              ...(r.due ? { due: r.due } : {}),
              ...(r.progress ? { progress: r.progress } : {}),
            }));
            expected.forEach((r) => seen.add(r.status));
            expect(lean.village(village).results).toEqual(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect([...seen].sort()).toEqual(['met', 'missing-data', 'not-applicable', 'not-met', 'pending']);
  });
});
