// What each rule reads comes from the compiled plan (one source for the template's columns, the
// resolver and the evaluator): indicator keys directly and through derived facts, parameters.
import { describe, expect, it } from 'vitest';
import { getPlan, resolvePlan, ruleInputs } from '@ruralkit/core';
import { county } from './county-plugin.js';

const plan = getPlan('changjiang-2021');
const inputsOf = (id: string, of = plan) => ruleInputs(of).find((r) => r.id === id);

describe('ruleInputs', () => {
  it('lists a threshold rule’s indicator and parameter', () => {
    expect(inputsOf('infrastructure.tap-water')).toEqual({
      id: 'infrastructure.tap-water',
      clauses: ['3.3'],
      keys: ['tapWaterRate'],
      parameters: ['infrastructure.tapWaterMinRate'],
    });
  });

  it('reads through a derived fact to the indicator it is computed from', () => {
    const rule = ruleInputs(plan).find((r) => r.keys.includes('collectiveIncomeCny'))!;
    expect(rule.keys).not.toContain('collectiveIncomeGrowth');
    expect(rule.clauses).toEqual(['1.2']);
  });

  it('covers every rule and screening rule, and follows what plugins replace', () => {
    expect(ruleInputs(plan).map((r) => r.id)).toEqual([
      ...plan.rules.map((r) => r.id),
      ...plan.screeningRules.map((r) => r.id),
    ]);
    const tapWater = plan.rules.find((r) => r.id === 'infrastructure.tap-water')!;
    const stricter = resolvePlan(plan, [
      county({
        rules: {
          replace: [
            {
              ...tapWater,
              condition: {
                all: [
                  ...(tapWater.condition as { all: object[] }).all,
                  { fact: 'sanitaryToiletRate', operator: 'greaterThanInclusive', value: 0.5 },
                ],
              },
            },
          ],
        },
      }),
    ]);
    expect(inputsOf('infrastructure.tap-water', stricter)?.keys).toEqual(['sanitaryToiletRate', 'tapWaterRate']);
  });
});
