// evaluate(): result contents, messages, progress, summaries and non-key villages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, formatValue, getPlan, resultValues, type RuleResult } from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');

const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
const village = (indicators: Record<string, Record<string, unknown>>, id = 'liuyang') => ({
  villages: [{ id, attributes, indicators }],
});
const find = (results: RuleResult[], ruleId: string, subject = 'liuyang') =>
  results.find((r) => r.ruleId === ruleId && r.subject.id === subject)!;

describe('evaluate', () => {
  it('gives one result per village and rule and per district rule', () => {
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    const villageRules = plan.rules.filter((r) => r.subject === 'village').length;
    expect(report.results).toHaveLength(2 * villageRules + 3);
    expect(report.households).toHaveLength(20);
    expect(report.summary.overall.met + report.summary.overall['not-met']).toBeGreaterThan(40);
  });

  it('writes the message an officer pastes, with clause and lead unit', () => {
    const { results } = evaluate(plan, village({ '2025': { tapWaterRate: 0.87 } }), { asOf: '2025-12-31' });
    const r = find(results, 'infrastructure.tap-water');
    expect(r.status).toBe('not-met');
    expect(r.message.zh).toBe('留阳村2025年自来水普及率为87%，低于目标90%（依据三（三）；牵头单位：区农业农村水利局）');
    expect(r.message.en).toBe(
      'Liuyang Village: tap water coverage was 87% in 2025, below the target of 90% (clause 3.3; lead unit: ' +
        `${plan.units.find((u) => u.id === 'agri-water')!.name.en})`,
    );
    expect(r.clause).toEqual({ id: '3.3', label: '三（三）' });
    expect(r.due).toBe('2025-12-31');
    expect(r.actual).toEqual({ tapWaterRate: { value: 0.87, year: 2025 } });
    expect(r.expected).toEqual({ tapWaterRate: { operator: 'greaterThanInclusive', value: 0.9 } });
    expect(r.units[0]).toMatchObject({ id: 'agri-water', lead: true });
    expect(r.units.slice(1).every((u) => !u.lead)).toBe(true);
    expect(r.parameters).toEqual([
      expect.objectContaining({ id: 'deadline.transitionEnd', value: '2025-12-31', setBy: 'plan' }),
      expect.objectContaining({ id: 'infrastructure.tapWaterMinRate', value: 0.9, setBy: 'plan', assumption: false }),
    ]);
  });

  it('marks assumption parameters as such', () => {
    const { results } = evaluate(plan, village({ '2025': { sanitaryToiletRate: 0.9 } }), { asOf: '2025-12-31' });
    const r = find(results, 'environment.sanitary-toilets');
    expect(r.parameters.find((p) => p.id === 'basic.universalRate')).toMatchObject({ value: 0.85, assumption: true });
  });

  it('uses the as-of value and says which year it came from', () => {
    const { results } = evaluate(plan, village({ '2023': { tapWaterRate: 0.91 }, '2026': { tapWaterRate: 0.5 } }), {
      asOf: '2026-06-30',
    });
    const r = find(results, 'infrastructure.tap-water');
    expect(r).toMatchObject({ status: 'met', year: 2025, observedYear: 2023 });
  });

  it('measures progress of a pending numeric target', () => {
    const input = village({ '2020': { tapWaterRate: 0.6 }, '2022': { tapWaterRate: 0.7 } });
    const r = find(evaluate(plan, input, { asOf: '2022-12-31' }).results, 'infrastructure.tap-water');
    // observed (0.7/0.6)^(1/2)−1 = 8.012%; required (0.9/0.6)^(1/5)−1 = 8.447%; ratio 0.9485
    expect(r.status).toBe('pending');
    expect(r.progress).toBe('needs-acceleration');
    expect(r.progressDetail!.ratio).toBeCloseTo(0.9485, 3);
    expect(r.message.zh).toContain('期限2025-12-31，进展：需加快进度');
  });

  it('lists every year of an annual rule and headlines the as-of year', () => {
    const input = {
      district: {
        reference: { '2021': { localCollectiveIncomeGrowth: 0.05 }, '2022': { localCollectiveIncomeGrowth: 0.05 } },
      },
      ...village({
        '2020': { collectiveIncomeCny: 100 },
        '2021': { collectiveIncomeCny: 110 },
        '2022': { collectiveIncomeCny: 112 },
      }),
    };
    const r = find(evaluate(plan, input, { asOf: '2022-12-31' }).results, 'economy.collective-income-growth');
    expect(r.years!.map((y) => [y.year, y.status])).toEqual([
      [2021, 'met'],
      [2022, 'not-met'],
    ]);
    expect(r).toMatchObject({ status: 'not-met', year: 2022 });
  });

  it('says a completion date was late, and when', () => {
    const r = find(
      evaluate(plan, village({ '2023': { villagePlanApprovedOn: '2023-03-20' } }), { asOf: '2025-12-31' }).results,
      'planning.village-plan',
    );
    expect(r).toMatchObject({ status: 'not-met', completedLate: true });
    expect(r.message.zh).toContain('2023-03-20批准，晚于期限2022-12-31');
  });

  it('names the missing keys', () => {
    const r = find(
      evaluate(plan, village({ '2025': {} }), { asOf: '2025-12-31' }).results,
      'environment.five-fixed-maintenance',
    );
    expect(r.status).toBe('missing-data');
    expect([...r.missing!].sort()).toEqual(['maintenanceFunds', 'maintenanceRules', 'maintenanceTeam']);
    expect(r.message.en).toContain('missing');
    expect(r.message.zh).toContain('maintenanceTeam');
  });

  it('evaluates a village the plan does not list and flags it', () => {
    const report = evaluate(plan, village({ '2025': { tapWaterRate: 0.95 } }, 'liuyangg'), { asOf: '2025-12-31' });
    expect(find(report.results, 'infrastructure.tap-water', 'liuyangg')).toMatchObject({
      status: 'met',
      subject: { keyVillage: false, id: 'liuyangg' },
    });
    expect(report.summary.nonKeyVillages).toEqual(['liuyangg']);
  });

  it('builds each unit’s to-do list from not-met and off-track results', () => {
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    const notMet = report.results.filter((r) => r.status === 'not-met');
    const lead = report.summary.units.find((u) => u.unit.id === 'rural-revitalization')!;
    const expectedLead = notMet.filter((r) => r.units.some((u) => u.id === 'rural-revitalization'));
    expect(lead.items.map((i) => i.ruleId).sort()).toEqual(expectedLead.map((r) => r.ruleId).sort());
    expect(
      report.summary.units.flatMap((u) => u.items).every((i) => i.status === 'not-met' || i.status === 'pending'),
    ).toBe(true);
  });

  it('screens households with risk types and a category, and counts them', () => {
    const report = evaluate(
      plan,
      {
        households: [
          {
            id: 'a',
            villageId: 'liuyang',
            size: 2,
            annualNetIncomeCny: 11000,
            formerlyPoor: false,
            basicMedicalSecured: false,
          },
          { id: 'b', villageId: 'liuyang', size: 1, annualNetIncomeCny: 6000, formerlyPoor: true },
        ],
      },
      { asOf: '2025-12-31' },
    );
    const [a, b] = report.households;
    expect(a).toMatchObject({ risks: ['income', 'medical'], category: 'marginal' });
    expect(a!.details[0]!.message.zh).toBe('农户 a人均纯收入5,500元，低于监测标准6,000元');
    expect(b!.risks).toEqual([]);
    expect(b!.category).toBeUndefined();
    expect(report.summary.households).toEqual({
      screened: 2,
      withRisk: 1,
      byRiskType: { income: 1, medical: 1 },
      byCategory: { marginal: 1 },
    });
  });

  it('never changes the plan or the input', () => {
    const input = structuredClone(example);
    evaluate(plan, input, { asOf: '2024-06-30' });
    expect(input).toEqual(example);
  });
});

describe('what presenters show', () => {
  it('names each value of a result that compared several keys', () => {
    const { results } = evaluate(
      plan,
      village({
        '2021': { maintenanceFunds: true, maintenanceRules: true },
        '2022': { maintenanceTeam: true },
      }),
      { asOf: '2025-12-31' },
    );
    const values = resultValues(plan, find(results, 'environment.five-fixed-maintenance'), 'zh');
    expect(values.actual).toBe(
      '长效管护有专项经费：是（2021）；长效管护有专业队伍：是（2022）；长效管护有专门制度：是（2021）',
    );
    expect(values.expected).toBe('长效管护有专项经费：= 是；长效管护有专业队伍：= 是；长效管护有专门制度：= 是');
    const tap = resultValues(
      plan,
      find(evaluate(plan, example, { asOf: '2025-12-31' }).results, 'infrastructure.tap-water'),
      'en',
    );
    expect(tap).toEqual({ actual: '87% (2025)', expected: '≥ 90%' });
  });

  it('quotes a rule name that itself starts with a quote once, nesting the inner quotes', () => {
    const report = evaluate(
      plan,
      { district: { indicators: { '2025': { adminVillageCount: 52 } } } },
      { asOf: '2025-12-31' },
    );
    const gigabit = report.results.find((r) => r.ruleId === 'infrastructure.gigabit-coverage')!;
    expect(gigabit.status).toBe('missing-data');
    expect(gigabit.message.zh).toContain('无法判断“‘双千兆’网络覆盖80%以上行政村”');
    expect(gigabit.message.zh).not.toContain('““');
  });
});

describe('formatValue', () => {
  it('writes amounts rounded to cents as en-US does, in both languages', () => {
    const amount = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
      fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100),
      fc.constantFrom(0, -0, 0.005, 0.995, 1, 999.995, 1e12 - 0.005, 1e12),
    );
    fc.assert(
      fc.property(amount, (n) => {
        const grouped = (Math.round(n * 100) / 100).toLocaleString('en-US');
        expect(formatValue(n, 'CNY', 'en')).toBe(`CNY ${grouped}`);
        expect(formatValue(n, 'count', 'zh')).toBe(grouped);
      }),
      { numRuns: 5000 },
    );
  });
});
