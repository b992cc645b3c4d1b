// exportEngineRules + engineFacts: the plan's rules run in json-rules-engine itself give the
// statuses evaluate gives, on the example data, with and without the example county's plugins.
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  AS_OF_FACT,
  DUE_FACT,
  ENGINE_EVENT,
  customOperators,
  definePlugin,
  engineFacts,
  evaluate,
  exportEngineRules,
  getPlan,
  isResolvedPlan,
  resolvePlan,
  type EngineRule,
  type EvaluationInput,
  type Plan,
  type PluginInput,
} from '@ruralkit/core';
import exampleCounty from '../../../examples/county-plugin/example-county.plugin.js';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');
const incomeLines = definePlugin(
  parse(
    readFileSync(new URL('../../../examples/county-plugin/income-lines.plugin.yaml', import.meta.url), 'utf8'),
  ) as PluginInput,
);
const county = resolvePlan(plan, [incomeLines, exampleCounty]);

/** One engine per plan rule, loaded from the exported JSON only (as a foreign system would). */
function engines(target: Plan): Map<string, Engine> {
  const json = JSON.parse(JSON.stringify(exportEngineRules(target))) as EngineRule[];
  const byRule = new Map<string, Engine>();
  for (const rule of json) {
    const id = rule.event.params.ruleId;
    let engine = byRule.get(id);
    if (!engine) {
      engine = new Engine([], { allowUndefinedFacts: false });
      const operators = { ...customOperators, ...(isResolvedPlan(target) ? target.operators : {}) };
      for (const [name, operator] of Object.entries(operators)) engine.addOperator(name, operator);
      byRule.set(id, engine);
    }
    engine.addRule(rule as never);
  }
  return byRule;
}

/** The statuses json-rules-engine gives, by `subject/rule`: the status of each fired event. */
async function engineStatuses(target: Plan, input: EvaluationInput, asOf: string): Promise<Map<string, string[]>> {
  const byRule = engines(target);
  const statuses = new Map<string, string[]>();
  for (const { subject, ruleId, facts } of engineFacts(target, input, { asOf })) {
    const { events } = await byRule.get(ruleId)!.run(facts);
    statuses.set(
      `${subject.id}/${ruleId}`,
      events.filter((e) => e.type === ENGINE_EVENT).map((e) => e.params!.status as string),
    );
  }
  return statuses;
}

const AS_OF = ['2021-06-30', '2022-12-31', '2023-07-01', '2024-03-15', '2025-12-31', '2026-06-30'];

describe('exportEngineRules', () => {
  for (const [label, target] of [
    ['the plan', plan],
    ['the plan with the example county plugins', county],
  ] as const) {
    it(`gives evaluate's statuses in json-rules-engine on the example data: ${label}`, async () => {
      const seen = new Set<string>();
      for (const asOf of AS_OF) {
        const report = evaluate(target, example, { asOf });
        const statuses = await engineStatuses(target, example, asOf);
        expect(statuses.size).toBe(report.results.length);
        for (const result of report.results) {
          const key = `${result.subject.id}/${result.ruleId}`;
          expect(statuses.get(key), `${key} at ${asOf}`).toEqual([result.status]);
          seen.add(result.status);
        }
      }
      // The example data reaches every status, so every kind of exported rule was checked.
      expect([...seen].sort()).toEqual(['met', 'missing-data', 'not-applicable', 'not-met', 'pending']);
    });
  }

  it("gives evaluate's statuses on data with gaps: missing years, zero bases, no completion date", async () => {
    const village = (indicators: Record<string, Record<string, unknown>>, id = 'liuyang') => ({
      id,
      attributes: { needsExpressPoint: false, hasEcommerceConditions: true },
      indicators,
    });
    const input = {
      villages: [
        village({ '2023': { tapWaterRate: 0.95, collectiveIncomeCny: 0 }, '2024': { collectiveIncomeCny: 100000 } }),
        // An approval date after the due date, recorded before it: late, so not met (not pending).
        village({ '2021': { villagePlanApprovedOn: '2023-02-01' } }, 'jianglian'),
      ],
    } as EvaluationInput;
    for (const asOf of ['2021-12-31', '2023-12-31', '2024-12-31', '2025-12-31']) {
      const report = evaluate(plan, input, { asOf });
      const statuses = await engineStatuses(plan, input, asOf);
      for (const result of report.results) {
        expect(statuses.get(`${result.subject.id}/${result.ruleId}`), `${result.ruleId} at ${asOf}`).toEqual([
          result.status,
        ]);
      }
    }
  });

  it('writes rules json-rules-engine loads: event with the rule id and status, priority, plain JSON', () => {
    const rules = exportEngineRules(plan);
    const tapWater = rules.filter((r) => r.event.params.ruleId === 'infrastructure.tap-water');
    expect(tapWater.map((r) => r.name).sort()).toEqual(
      ['met', 'missing-data', 'not-met', 'pending'].map((s) => `infrastructure.tap-water:${s}`),
    );
    for (const rule of rules) {
      expect(rule.priority).toBe(1);
      expect(rule.event).toEqual({
        type: ENGINE_EVENT,
        params: { ruleId: expect.any(String), status: expect.any(String) },
      });
      expect(JSON.parse(JSON.stringify(rule))).toEqual(rule);
      expect(Object.isFrozen(rule.conditions.all[0])).toBe(false);
    }
  });
});

describe('engineFacts', () => {
  it('gives every fact the rule reads, null when unknown, with the as-of and due dates', () => {
    const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
    const input = { villages: [{ id: 'liuyang', attributes, indicators: { '2025': { tapWaterRate: 0.87 } } }] };
    const facts = engineFacts(plan, input, { asOf: '2025-06-30' });
    const tapWater = facts.find((f) => f.ruleId === 'infrastructure.tap-water')!;
    expect(tapWater.subject.id).toBe('liuyang');
    expect(tapWater.facts).toEqual({
      [AS_OF_FACT]: '2025-06-30',
      [DUE_FACT]: '2025-12-31',
      tapWaterRate: 0.87,
      'infrastructure.tapWaterMinRate': 0.9,
    });
    const growth = facts.find((f) => Object.values(plan.rules.find((r) => r.id === f.ruleId)!.derived).length > 0)!;
    expect(Object.values(growth.facts)).toContain(null);
  });

  it('refuses invalid input as evaluate does', () => {
    expect(() =>
      engineFacts(plan, { villages: [{ id: 5 }] } as unknown as EvaluationInput, { asOf: '2025-12-31' }),
    ).toThrow();
    expect(() => engineFacts(plan, {}, { asOf: '2025-02-30' })).toThrow(/not a real date/);
  });
});
