// Invalid input: one error listing every problem with subject, year, key and value, in zh and en.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPlan, InputError, isRealDate, type EvaluationInput } from '@ruralkit/core';

const plan = getPlan('changjiang-2021');
const attributes = { needsExpressPoint: true, hasEcommerceConditions: false };

function issuesOf(input: unknown, asOf = '2025-12-31'): InputError {
  try {
    evaluate(plan, input as EvaluationInput, { asOf });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('input validation', () => {
  it('lists every problem at once, each naming village, year, key and value', () => {
    const error = issuesOf({
      villages: [
        {
          id: 'liuyang',
          attributes,
          indicators: {
            '2023': { tapWaterRate: 1.2, transitionFundsCny: -5, specialtyIndustryCount: 1.5 },
            '2024': { tapWaterRat: 0.9, villagePlanApprovedOn: '2022-02-30', hasRoadAccess: 'yes' },
          },
        },
      ],
    });
    const found = error.issues.map((i) => [i.subject?.id, i.year, i.key, i.value]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['liuyang', 2023, 'tapWaterRate', 1.2],
        ['liuyang', 2023, 'transitionFundsCny', -5],
        ['liuyang', 2023, 'specialtyIndustryCount', 1.5],
        ['liuyang', 2024, 'tapWaterRat', 0.9],
        ['liuyang', 2024, 'villagePlanApprovedOn', '2022-02-30'],
        ['liuyang', 2024, 'hasRoadAccess', 'yes'],
      ]),
    );
    expect(error.issues).toHaveLength(6);
    expect(error.message).toContain(
      '村 village liuyang, 2023, tapWaterRate = 1.2: 不在 0–1 之间 / not between 0 and 1',
    );
    expect(error.message).toContain('transitionFundsCny = -5: 不能为负数 / must not be negative');
    expect(error.message).toContain('tapWaterRat = 0.9: 未知指标');
    expect(error.message).toContain('not a real date');
    expect(error.message).toContain('expected a whole number');
    expect(error.message).toContain('输入数据有误 / invalid input: 6 problems');
  });

  it('checks required attributes, year keys, duplicate ids and households', () => {
    const error = issuesOf({
      villages: [
        { id: 'liuyang', attributes: { needsExpressPoint: true }, indicators: { '23': { tapWaterRate: 0.5 } } },
        { id: 'liuyang', attributes },
      ],
      households: [{ id: 'h1', villageId: 'liuyang', size: 0, annualNetIncomeCny: 1000 }],
    });
    const text = error.message;
    expect(text).toContain('hasEcommerceConditions: 缺少必填项 / required but missing');
    expect(text).toContain('a year must be four digits');
    expect(text).toContain(
      '村 village liuyang, id = "liuyang": 编号重复：第1个村已有此编号 / duplicate id: village #1 has it already',
    );
    expect(text).toContain('户 household h1, size = 0');
  });

  it('checks district indicators and reference values', () => {
    const error = issuesOf({
      district: {
        indicators: { '2025': { adminVillageCount: -1 } },
        reference: { '2025': { localCollectiveIncomeGrowth: '8%' } },
      },
    });
    expect(error.issues.map((i) => [i.subject?.type, i.year, i.key])).toEqual([
      ['district', 2025, 'adminVillageCount'],
      ['district', 2025, 'localCollectiveIncomeGrowth'],
    ]);
  });

  it('refuses an as-of date that is not a date or is before the plan', () => {
    expect(issuesOf({}, '2025-13-01').message).toContain('asOf = "2025-13-01": 不是有效日期');
    expect(issuesOf({}, '2020-12-31').message).toContain("before the plan's start, 2021-01-01");
  });

  it('refuses input that is not an object, and unknown top-level keys', () => {
    expect(issuesOf('villages').issues[0]!.message.en).toContain('expected object');
    expect(issuesOf({ village: [] }).issues[0]).toMatchObject({ key: 'village' });
  });
});

describe('isRealDate', () => {
  it('accepts exactly the YYYY-MM-DD strings that name a day of the proleptic Gregorian calendar', () => {
    // The reference: the pattern, then the date as UTC midnight must print as itself.
    const reference = (s: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const date = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
    };
    const char = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'0123456789') },
      fc.constantFrom('-', '/', ' ', 'a', '\n', '٣', '１'),
    );
    const dateLike = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
      fc.array(char, { minLength: 8, maxLength: 12 }).map((cs) => cs.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(dateLike, (s) => {
        expect(isRealDate(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});
