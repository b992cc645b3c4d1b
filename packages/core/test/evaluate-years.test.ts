// The plan through its years (catalog §7): lapses on the record, a year in progress pending,
// nothing from the future, figures told apart from their thresholds, the period assessment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPlan, type EvaluationInput, type RuleResult } from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
const village = (indicators: Record<string, Record<string, unknown>>): EvaluationInput => ({
  villages: [{ id: 'liuyang', attributes, indicators }],
});
const find = (results: RuleResult[], ruleId: string, subject = 'liuyang') =>
  results.find((r) => r.ruleId === ruleId && r.subject.id === subject)!;

describe('lapses on the record', () => {
  const report = evaluate(plan, example, { asOf: '2025-12-31' });

  it("keeps 留阳村's fall of the industry share in 2023 on the result, its message, the summary and the unit's list", () => {
    const share = find(report.results, 'funding.industry-share-rising');
    expect(share.status).toBe('met');
    expect(share.lapses).toEqual([2023]);
    expect(share.message.zh).toContain('2023年未达标');
    expect(share.message.en).toContain('not met in 2023');
    const liuyang = report.summary.villages.find((v) => v.subject.id === 'liuyang')!;
    const lapsedRules = report.results.filter((r) => r.subject.id === 'liuyang' && (r.lapses ?? []).length > 0);
    expect(liuyang.lapsed).toBe(lapsedRules.length);
    expect(liuyang.lapsed).toBeGreaterThan(0);
    const lead = share.units[0]!;
    const todo = report.summary.units.find((u) => u.unit.id === lead.id)!;
    expect(todo.lapses).toContainEqual(
      expect.objectContaining({ ruleId: 'funding.industry-share-rising', years: [2023], lead: true }),
    );
  });

  it('gives every annual and ongoing result a lapses list and every deadline result none', () => {
    for (const r of report.results) {
      if (r.kind === 'deadline') expect(r.lapses).toBeUndefined();
      else expect(r.lapses).toEqual((r.years ?? []).filter((y) => y.status === 'not-met').map((y) => y.year));
    }
  });

  it('opens with the period assessment on the plan’s last day, not the day before', () => {
    expect(report.assessment).toBeDefined();
    const assessed = report.assessment!.rules.find(
      (r) => r.subject.id === 'liuyang' && r.ruleId === 'funding.industry-share-rising',
    )!;
    expect(assessed).toMatchObject({ outcome: 'lapsed', lapses: [2023] });
    expect(assessed.message.zh).toContain('2023年未达标');
    const { counts, rules } = report.assessment!;
    expect(counts.held + counts.lapsed + counts.unjudged).toBe(rules.length);
    expect(rules.length).toBe(report.results.filter((r) => r.kind !== 'deadline').length);
    expect(evaluate(plan, example, { asOf: '2025-12-30' }).assessment).toBeUndefined();
  });

  it('judges ongoing rules in every year on the value carried forward', () => {
    const { results } = evaluate(
      plan,
      village({ '2021': { drinkingWaterQualityCompliant: true }, '2023': { drinkingWaterQualityCompliant: false } }),
      { asOf: '2024-06-30' },
    );
    const r = find(results, 'infrastructure.water-quality');
    expect(r.years!.map((y) => [y.year, y.status])).toEqual([
      [2021, 'met'],
      [2022, 'met'],
      [2023, 'not-met'],
      [2024, 'not-met'],
    ]);
    expect(r).toMatchObject({ status: 'not-met', year: 2024, lapses: [2023, 2024] });
  });
});

describe('a year in progress', () => {
  const funds = village({ '2021': { transitionFundsCny: 300000 }, '2022': { transitionFundsCny: 100000 } });

  it('is pending until its 31 December, then not met', () => {
    const early = find(evaluate(plan, funds, { asOf: '2022-03-31' }).results, 'funding.transition-funds');
    expect(early).toMatchObject({ status: 'pending', due: '2022-12-31', progress: 'unknown', lapses: [] });
    expect(early.years!.at(-1)).toMatchObject({ year: 2022, status: 'pending', due: '2022-12-31' });
    expect(early.message.zh).toContain('期限2022-12-31');
    const last = find(evaluate(plan, funds, { asOf: '2022-12-31' }).results, 'funding.transition-funds');
    expect(last).toMatchObject({ status: 'not-met', lapses: [2022] });
  });
});

describe('nothing from the future', () => {
  const approved = village({ '2022': { villagePlanApprovedOn: '2022-09-15' } });

  it('reads a date after the as-of date as not yet happened, and notes it', () => {
    const report = evaluate(plan, approved, { asOf: '2022-06-30' });
    const r = find(report.results, 'planning.village-plan');
    expect(r.status).toBe('pending');
    expect(r.message.zh).not.toContain('2022-09-15');
    expect(report.notes).toEqual([
      expect.objectContaining({
        subject: { type: 'village', id: 'liuyang' },
        year: 2022,
        key: 'villagePlanApprovedOn',
        value: '2022-09-15',
        code: 'dated-after-as-of',
      }),
    ]);
    expect(report.notes[0]!.message.zh).toContain('晚于评估日期 2022-06-30');
    const onTheDay = evaluate(plan, approved, { asOf: '2022-09-15' });
    expect(find(onTheDay.results, 'planning.village-plan').status).toBe('met');
    expect(onTheDay.notes).toEqual([]);
  });

  it('never changes a result at A when facts dated after A are added', () => {
    const day = fc
      .integer({ min: 0, max: 5 * 365 - 1 })
      .map((d) => new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 4 }), (asOf, after, years) => {
        const base = evaluate(plan, example, { asOf });
        const later = new Date(Date.parse(asOf) + after * 86_400_000).toISOString().slice(0, 10);
        const input = structuredClone(example) as Required<EvaluationInput>;
        const asOfYear = Number(asOf.slice(0, 4));
        for (const v of input.villages) {
          const indicators = (v.indicators ??= {});
          // A completion dated after A, in A's own year's record, and records of later years.
          const own = (indicators[String(asOfYear)] ??= {});
          if (!('villagePlanApprovedOn' in own) || String(own.villagePlanApprovedOn) > asOf) {
            own.villagePlanApprovedOn = later;
          }
          for (let y = asOfYear + 1; y <= asOfYear + years; y++) {
            indicators[String(y)] = { ...indicators[String(y)], tapWaterRate: 0.99, transitionFundsCny: 1 };
          }
        }
        const { notes, ...withFuture } = evaluate(plan, input, { asOf });
        const { notes: baseNotes, ...known } = base;
        expect(withFuture).toEqual(known);
        expect(notes.length).toBeGreaterThan(baseNotes.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('figures never contradict the verdict', () => {
  it('shows a value with the decimals that tell it from its threshold', () => {
    const { results } = evaluate(plan, village({ '2025': { tapWaterRate: 0.8999 } }), { asOf: '2025-12-31' });
    const r = find(results, 'infrastructure.tap-water');
    expect(r.status).toBe('not-met');
    expect(r.message.zh).toContain('自来水普及率为89.99%，低于目标90%');
    const close = village({ '2025': { tapWaterRate: 0.899999 } });
    const closer = find(evaluate(plan, close, { asOf: '2025-12-31' }).results, 'infrastructure.tap-water');
    expect(closer.message.zh).toContain('自来水普及率为89.9999%，低于目标90%');
    // Amounts are in whole fen, which the usual cents already tell apart.
    const funds = village({ '2025': { transitionFundsCny: 299999.99 } });
    const money = find(evaluate(plan, funds, { asOf: '2025-12-31' }).results, 'funding.transition-funds');
    expect(money.status).toBe('not-met');
    expect(money.message.zh).toContain('299,999.99元');
  });

  it('keeps the usual precision where it already tells them apart', () => {
    const { results } = evaluate(plan, village({ '2025': { tapWaterRate: 0.87 } }), { asOf: '2025-12-31' });
    expect(find(results, 'infrastructure.tap-water').message.zh).toContain('为87%，低于目标90%');
  });
});
