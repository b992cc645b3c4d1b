// The privacy rule of workflows.md: the public-notice view shows the village, the household
// head's name, the category and the risk types only, whatever the payloads hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName, publicNoticeView, type InstanceRecord } from '../../src/index.js';
import { plan } from './fixtures.js';

const idNumber = fc.stringMatching(/^[1-9]\d{16}[\dX]$/);
const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
const bankAccount = fc.stringMatching(/^62\d{14,17}$/);
const income = fc.integer({ min: 1000, max: 99999 });
const health = fc.constantFrom('糖尿病', '尿毒症透析', '重度残疾', 'cancer', 'HIV');
const secret = fc.oneof(idNumber, phone, bankAccount, income.map(String), health);

/** Any JSON, with secrets planted under tempting keys and inside free-text fields. */
const payloadValue = fc.oneof(fc.jsonValue(), secret, fc.record({ idNumber, phone, bankAccount, income, health }));

const context = fc.record({
  village: fc.constant('liuyang'),
  household: fc.string(),
  householdHead: fc.oneof(fc.constant(undefined), fc.string(), secret, fc.constantFrom('王建国', 'Wang Jianguo')),
  flaggedRisks: fc.array(fc.oneof(fc.constantFrom('income', 'medical', 'housing'), secret), { maxLength: 4 }),
  confirmedRisks: fc.array(fc.oneof(fc.constantFrom('income', 'education'), fc.string()), { maxLength: 4 }),
  category: fc.oneof(fc.constant(undefined), fc.constantFrom('marginal', 'sudden-hardship'), secret),
  verification: fc.record({ perCapitaIncomeCny: income, hasLaborCapacity: fc.boolean(), consentSigned: fc.boolean() }),
  incomes: fc.array(fc.record({ month: fc.constant('2022-01'), perCapitaIncomeCny: income })),
  flags: fc.array(fc.record({ note: fc.oneof(fc.string(), secret), extra: payloadValue })),
  extra: fc.dictionary(fc.string(), payloadValue),
});

function instance(ctx: unknown): InstanceRecord {
  return {
    id: 'i',
    tenant: 'changjiang',
    type: 'poverty-monitoring',
    subject: { village: 'liuyang', township: 'nianyushan', household: 'lh-003' },
    subjectKey: 'liuyang/lh-003',
    exclusiveKey: null,
    envelope: {
      type: 'poverty-monitoring',
      machineVersion: 1,
      planHash: 'x',
      snapshot: { value: 'publicNotice', status: 'active', context: ctx as Record<string, unknown> },
    },
    version: 1,
    state: 'publicNotice',
    status: 'active',
    deadlines: [],
    nextDeadlineAt: null,
    createdAt: '',
    updatedAt: '',
  };
}

describe('the public-notice view', () => {
  it('shows only the village, a masked head name, the category and the risk types', () => {
    const view = publicNoticeView(
      plan,
      instance({
        householdHead: '王建国',
        confirmedRisks: ['income', 'medical'],
        category: 'marginal',
        verification: { perCapitaIncomeCny: 4800 },
      }),
    );
    expect(view).toEqual({
      village: { id: 'liuyang', name: { zh: '留阳村', en: 'Liuyang Village' } },
      householdHead: '王**',
      category: { id: 'marginal', name: expect.objectContaining({ zh: expect.stringContaining('边缘') }) },
      riskTypes: [
        { id: 'income', name: expect.any(Object) },
        { id: 'medical', name: expect.any(Object) },
      ],
    });
    expect(JSON.stringify(view)).not.toContain('4800');
  });

  it('never shows an ID number, phone number, bank account, income figure or health detail (property)', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        const text = JSON.stringify(publicNoticeView(plan, instance(ctx)));
        expect(text).not.toMatch(/\d{4,}/); // no ID, phone, account or income figure
        for (const word of ['糖尿', '透析', '残疾', 'cancer', 'HIV']) expect(text).not.toContain(word);
        expect(Object.keys(JSON.parse(text))).toEqual(['village', 'householdHead', 'category', 'riskTypes']);
        const riskIds = (JSON.parse(text) as { riskTypes: { id: string }[] }).riskTypes.map((r) => r.id);
        expect(riskIds.every((r) => plan.riskTypes.some((t) => t.id === r))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('masks names to their first letter and drops digits', () => {
    expect(maskName('李四')).toBe('李*');
    expect(maskName('13812345678')).toBeNull();
    expect(maskName(undefined)).toBeNull();
    expect(maskName('张 3201')).toBe('张*');
  });
});
