// Bad input that used to slip through or crash (issue 14, points 4, 5 and 8): a `__proto__`
// year, circular and deep values, NaN, years and dates outside the input's range, long lists.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  createBatchEvaluator,
  evaluate,
  evaluateStream,
  getPlan,
  InputError,
  inputYears,
  type EvaluationInput,
} from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const attributes = { needsExpressPoint: true, hasEcommerceConditions: false };

/** `evaluate` on input as it arrives, not yet known to be an `EvaluationInput`. */
const evaluateRaw = (input: unknown, options = { asOf: '2025-12-31' }) =>
  evaluate(plan, input as EvaluationInput, options);

/** The InputError `run` throws (fails the test if it throws anything else or nothing). */
function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const village = (indicators: unknown, extra: Record<string, unknown> = {}) => ({
  villages: [{ id: 'liuyang', attributes, indicators, ...extra }],
});

describe('a __proto__ key (point 4)', () => {
  const proto = JSON.parse('{"2023": {"tapWaterRate": 0.9}, "__proto__": {"tapWaterRate": 0.1}}') as unknown;

  it('is refused as a year key by evaluate, naming the village and the key', () => {
    const error = inputError(() => evaluateRaw(village(proto)));
    expect(error.issues).toEqual([expect.objectContaining({ subject: { type: 'village', id: 'liuyang' } })]);
    expect(error.message).toContain('"__proto__"');
    expect(error.message).toContain('村 village liuyang');
  });

  it('is refused by the batch evaluator, as a year or as a household column', () => {
    const evaluator = createBatchEvaluator(plan, { asOf: '2025-12-31' });
    const error = inputError(() => evaluator.village({ id: 'liuyang', attributes, indicators: proto }, 7));
    expect(error.issues[0]).toMatchObject({ line: 7, path: ['indicators', '__proto__'] });
    const household = JSON.parse('{"id": "h1", "villageId": "liuyang", "size": 3, "__proto__": {"x": 1}}') as unknown;
    expect(inputError(() => evaluator.household(household, 2)).message).toContain('__proto__');
  });
});

describe('circular and deep values (point 5)', () => {
  it('names a circular YAML alias instead of failing inside the error message', () => {
    const input = parse('villages: [{id: liuyang, attributes: &a {needsExpressPoint: [*a]}}]') as unknown;
    const error = inputError(() => evaluateRaw(input));
    expect(error.message).toContain('circular reference');
    expect(error.message).toContain('村 village liuyang');
  });

  it('refuses nesting thousands of levels deep with a clear error', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20_000; i++) deep = deep.x = {};
    const error = inputError(() => evaluateRaw(village({ '2023': root })));
    expect(error.message).toContain('nested too deeply');
  });

  it('shows a huge or nested wrong value briefly', () => {
    const huge = 'x'.repeat(5_000_000);
    const error = inputError(() =>
      evaluateRaw(village({ '2023': { tapWaterRate: huge, hasRoadAccess: { a: [1, 2] } } })),
    );
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain('(5,000,000 chars)');
    expect(error.message).toContain('hasRoadAccess = {object}');
  });
});

describe('messages safe to print (point 8)', () => {
  it('write control and bidi characters of ids and values as escapes', () => {
    const id = 'v\u001b[2J\u202eexe';
    const input = { villages: [{ id, attributes, indicators: { '2023': { hasRoadAccess: 'yes\u202e\u0007' } } }] };
    const error = inputError(() => evaluateRaw(input));
    expect(error.message).toContain('村 village v\\u001b[2J\\u202eexe, 2023, hasRoadAccess = "yes\\u202e\\u0007"');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(error.message).not.toMatch(/[\u0007\u001b\u202e]/);
  });
});

describe('NaN and Infinity (point 5)', () => {
  it('are refused and named as they are, not as null', () => {
    const error = inputError(() =>
      evaluateRaw(village({ '2023': { tapWaterRate: Number.NaN, transitionFundsCny: Infinity } })),
    );
    expect(error.message).toContain('tapWaterRate = NaN: ');
    expect(error.message).toContain('transitionFundsCny = Infinity: ');
    expect(error.message).toContain('not NaN or Infinity');
    expect(error.message).not.toContain('null');
  });
});

describe('years and dates outside the input range (point 8)', () => {
  const { first, last } = inputYears(plan);

  it('is 2000 to ten years after the plan', () => {
    expect({ first, last }).toEqual({ first: 2000, last: 2035 });
  });

  it.each(['0001', '1999', '2036', '9999'])('refuses the year %s in evaluate and in batch', (year) => {
    const input = village({ [year]: { specialtyIndustryCount: 5 } });
    const error = inputError(() => evaluateRaw(input));
    expect(error.message).toContain('a year must be four digits from 2000 to 2035');
    const evaluator = createBatchEvaluator(plan, { asOf: '2025-12-31' });
    expect(inputError(() => evaluator.village(input.villages[0], 3)).issues[0]!.line).toBe(3);
  });

  it.each(['0000-01-01', '1999-12-31', '2036-01-01'])('refuses the date %s', (date) => {
    const input = village({ '2023': { villagePlanApprovedOn: date } });
    const error = inputError(() => evaluateRaw(input));
    expect(error.message).toContain(`villagePlanApprovedOn = "${date}": `);
    expect(error.message).toContain('a date must fall in the years 2000 to 2035');
    const evaluator = createBatchEvaluator(plan, { asOf: '2025-12-31' });
    expect(() => evaluator.village(input.villages[0])).toThrow(InputError);
  });

  it('accepts the edges of the range', () => {
    const input = village({ '2000': { villagePlanApprovedOn: '2000-01-01' }, '2035': { specialtyIndustryCount: 1 } });
    expect(evaluateRaw(input).results.length).toBeGreaterThan(0);
  });
});

describe('duplicate ids in a stream (point 6)', () => {
  it('stops at the second record with the same id, naming it and its line', async () => {
    const records = [example.villages![0], example.villages![1], example.villages![0]];
    const run = async () => {
      for await (const _ of evaluateStream(plan, records, { asOf: '2025-12-31' }));
    };
    await expect(run()).rejects.toThrow(InputError);
    await expect(run()).rejects.toThrow(
      /第3行 line 3, 村 village liuyang, id = "liuyang": 编号重复：第1行已有此编号 \/ duplicate id: line 1 has it already/,
    );
  });
});

describe('a long list of problems (point 7)', () => {
  it('shows ten of each kind and counts the rest', () => {
    const households = Array.from({ length: 2_000 }, (_, i) => ({ id: `h${i}` }));
    const error = inputError(() => evaluateRaw({ households }));
    expect(error.issues.length).toBe(4_000);
    expect(error.message).toContain('4,000 problems');
    expect(error.message).toContain('… 同类问题另有 3,990 处 / and 3,990 more of the same kind: 缺少必填项');
    expect(error.message.split('\n').length).toBeLessThan(30);
  });
});
