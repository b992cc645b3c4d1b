// Ids and amounts that used to be accepted (issue 22, point 9): ids of `__proto__` or 100,000
// characters, incomes of 1e308 or 5e-324. Each is refused with a clear error naming the field.
import { describe, expect, it } from 'vitest';
import { amountProblem, checkId, getPlan, InputError, MAX_ID_LENGTH, parseInput } from '@ruralkit/core';
import { cadre, department, harness, PATHS, refusal, START_AT, TENANT, walk } from './workflows/fixtures.js';

const plan = getPlan('changjiang-2021');
const attributes = { needsExpressPoint: true, hasEcommerceConditions: false };
const household = (extra: Record<string, unknown>) => ({
  households: [{ id: 'h1', villageId: 'liuyang', size: 3, annualNetIncomeCny: 24_000, ...extra }],
});

function inputError(input: unknown): InputError {
  try {
    parseInput(plan, input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('ids in the evaluation input', () => {
  it.each([
    ['__proto__', 'a reserved name'],
    ['constructor', 'a reserved name'],
    ['x'.repeat(100_000), 'the id has 100000 characters, more than the 64 limit'],
    ['a b', 'an id holds only letters, digits'],
  ])('refuses the village id %#, naming it', (id, message) => {
    const error = inputError({ villages: [{ id, attributes }] });
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: ['villages', 0, 'id'],
        message: expect.objectContaining({ en: expect.stringContaining(message) }),
      }),
    ]);
    expect(error.issues[0]!.message.zh).toMatch(/编号/);
  });

  it('refuses household and village ids of households the same way', () => {
    const error = inputError(household({ id: '__proto__', villageId: 'v'.repeat(65) }));
    expect(error.issues.map((i) => [i.path.join('.'), i.message.en])).toEqual([
      ['households.0.id', 'the id cannot be "__proto__" (a reserved name)'],
      ['households.0.villageId', 'the id has 65 characters, more than the 64 limit'],
    ]);
  });

  it('accepts ids of 64 characters, in any script', () => {
    expect(() =>
      parseInput(plan, { villages: [{ id: `刘阳-${'a'.repeat(MAX_ID_LENGTH - 3)}`, attributes }] }),
    ).not.toThrow();
    expect(checkId('subject.village', 'h_1.2:3')).toBeUndefined();
  });
});

describe('amounts in yuan', () => {
  it.each([
    [1e308, 'beyond the limit of 1,000,000,000,000 CNY'],
    [5e-324, 'at most two decimals'],
    [12.345, 'at most two decimals'],
  ])('refuses an income of %s, naming the field', (income, message) => {
    const error = inputError(household({ annualNetIncomeCny: income }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['households', 0, 'annualNetIncomeCny'] })]);
    expect(error.issues[0]!.message.en).toContain(message);
  });

  it('accepts amounts in whole fen up to the limit', () => {
    for (const value of [0, 0.01, 1234.56, 999_999_999_999.99, 1e12]) expect(amountProblem(value)).toBeUndefined();
    expect(() => parseInput(plan, household({ annualNetIncomeCny: 24_000.5 }))).not.toThrow();
  });
});

describe('ids and amounts in workflows', () => {
  it('refuses a subject id of __proto__ or 100,000 characters, naming the field', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    for (const [subject, field] of [
      [{ village: 'liuyang', household: '__proto__' }, 'subject.household'],
      [{ village: 'x'.repeat(100_000), township: 'changjiang' }, 'subject.village'],
    ] as const) {
      const error = await refusal(
        h.runtime.start('poverty-monitoring', {
          tenant: TENANT,
          subject,
          event: { type: 'FLAG', actor: department, payload: PATHS['poverty-monitoring'].steps[0]!.payload },
        }),
      );
      expect(error.code).toBe('invalid-subject');
      expect(error.message).toContain(field);
      expect(error.message.length).toBeLessThan(1_000);
    }
  });

  it('refuses an income of 1e308 or 5e-324 in a payload', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'assisting');
    for (const income of [1e308, 5e-324]) {
      const error = await refusal(
        h.runtime.send(id, {
          type: 'RECORD_INCOME',
          actor: cadre('liuyang'),
          payload: { month: '2022-01', perCapitaIncomeCny: income },
        }),
      );
      expect(error.code).toBe('invalid-payload');
      expect(error.message).toContain('payload.perCapitaIncomeCny');
      expect(error.message).toMatch(/beyond the limit|at most two decimals/);
    }
  });
});
