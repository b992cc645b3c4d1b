// Workflows as a source of facts (issue 20, point 7): the indicators the procedures settle, as of
// a date, with their instances; merged into evaluation; a failed binding target opens a case.
import { describe, expect, it } from 'vitest';
import { deriveWorkflowFacts, evaluate, type EvaluationInput } from '../../src/index.js';
import { harness, official, PATHS, plan, reporter, START_AT, supervisor, TENANT, walk, assignee } from './fixtures.js';

const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
const jianglian = (indicators: Record<string, Record<string, unknown>> = {}): EvaluationInput => ({
  villages: [{ id: 'jianglian', attributes, indicators }],
});

describe('deriveWorkflowFacts', () => {
  it("gives the village plan's approval date from the day it is approved, never before", async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'approved');
    const approvedOn = (await h.runtime.history(id)).find((e) => e.stateAfter === 'approved')!.at.slice(0, 10);
    const facts = (asOf: string) => deriveWorkflowFacts(h.store, { plan, tenant: TENANT, asOf, firstYear: 2021 });
    const dayBefore = new Date(Date.parse(approvedOn) - 86_400_000).toISOString().slice(0, 10);
    expect(await facts(dayBefore)).toEqual([]);
    const [fact] = await facts(approvedOn);
    expect(fact).toMatchObject({
      village: 'jianglian',
      year: Number(approvedOn.slice(0, 4)),
      key: 'villagePlanApprovedOn',
      value: approvedOn,
      source: { workflow: 'village-plan', instances: [{ id, version: expect.any(Number) }] },
    });
    // Merged into evaluation: the rule reads it and names the instance; a typed date that differs is noted.
    const typed = jianglian({ '2021': { villagePlanApprovedOn: '2021-01-05' } });
    const report = evaluate(plan, typed, { asOf: approvedOn, workflowFacts: [fact!] });
    const result = report.results.find((r) => r.subject.id === 'jianglian' && r.ruleId === 'planning.village-plan')!;
    expect(result.status).toBe('met');
    expect(result.actual.villagePlanApprovedOn!.value).toBe(approvedOn);
    expect(result.sources).toEqual([
      { key: 'villagePlanApprovedOn', year: fact!.year, workflow: 'village-plan', instances: fact!.source.instances },
    ]);
    expect(report.notes).toEqual([
      expect.objectContaining({
        code: 'typed-differs-from-workflow',
        key: 'villagePlanApprovedOn',
        value: '2021-01-05',
      }),
    ]);
  });

  it('counts open problem-toilet cases at each year end, and whether each technical one has its roadmap', async () => {
    const h = harness(START_AT.rectification);
    const quality = await h.runtime.start('rectification', {
      tenant: TENANT,
      subject: { village: 'jianglian' },
      event: {
        type: 'REPORT',
        actor: reporter,
        payload: { source: 'survey', category: 'toilet-quality', description: '渗漏' },
      },
    });
    const technical = await walk(h, PATHS.rectification, 'roadmap');
    const asOf = '2021-12-31';
    const facts = await deriveWorkflowFacts(h.store, { plan, tenant: TENANT, asOf, firstYear: 2021 });
    const value = (key: string) => facts.find((f) => f.key === key && f.year === 2021)?.value;
    expect(value('qualityProblemToiletsOpen')).toBe(1);
    expect(value('technicalProblemToiletsOpen')).toBe(1);
    expect(value('technicalToiletRoadmap')).toBe(false);
    expect(facts.find((f) => f.key === 'qualityProblemToiletsOpen')!.source.instances).toEqual([
      { id: quality.instanceId, version: 1 },
    ]);
    const report = evaluate(plan, jianglian(), { asOf, workflowFacts: facts });
    const rule = report.results.find((r) => r.ruleId === 'environment.quality-problem-toilets')!;
    expect(rule.status).toBe('not-met');
    // Closing the quality case settles it: the next year's end counts none open.
    h.clock.set('2022-03-01T01:00:00Z');
    await h.runtime.send(quality.instanceId, { type: 'DISMISS', actor: official(), payload: { reason: '已自行修复' } });
    await h.runtime.send(technical, {
      type: 'SUBMIT_ROADMAP',
      actor: assignee,
      payload: { milestones: [{ name: '改造方案', dueOn: '2022-06-30' }], finalDueOn: '2022-09-30' },
    });
    const later = await deriveWorkflowFacts(h.store, { plan, tenant: TENANT, asOf: '2022-12-31', firstYear: 2021 });
    const at2022 = (key: string) => later.find((f) => f.key === key && f.year === 2022)?.value;
    expect(at2022('qualityProblemToiletsOpen')).toBe(0);
    expect(at2022('technicalToiletRoadmap')).toBe(true);
    expect(later.find((f) => f.key === 'qualityProblemToiletsOpen' && f.year === 2021)?.value).toBe(1);
  });

  it('marks monitoring active in the years its cases moved, and says nothing of other years or other tenants', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    await walk(h, PATHS['poverty-monitoring'], 'democraticReview');
    const facts = await deriveWorkflowFacts(h.store, { plan, tenant: TENANT, asOf: '2023-06-30', firstYear: 2021 });
    const active = facts.filter((f) => f.key === 'povertyMonitoringActive');
    expect(active.map((f) => [f.village, f.year, f.value])).toEqual([['liuyang', 2022, true]]);
    expect(
      await deriveWorkflowFacts(h.store, { plan, tenant: 'other-county', asOf: '2023-06-30', firstYear: 2021 }),
    ).toEqual([]);
  });
});

describe('openRectifications', () => {
  it('opens one case per village, binding rule and year, and nothing twice', async () => {
    const h = harness('2025-12-31T02:00:00Z');
    const report = evaluate(plan, jianglian({ '2025': { tapWaterRate: 0.8 } }), { asOf: '2025-12-31' });
    const failing = report.results.filter((r) => r.strength === 'binding' && r.status === 'not-met');
    expect(failing.length).toBeGreaterThan(0);
    const first = await h.runtime.openRectifications(report, { tenant: TENANT, actor: supervisor });
    expect(first.map((o) => o.outcome)).toEqual(failing.map(() => 'started'));
    const tap = first.find((o) => o.ruleId === 'infrastructure.tap-water')!;
    expect(tap).toMatchObject({ village: 'jianglian', year: 2025 });
    const view = await h.runtime.get(tap.instanceId);
    expect(view.state).toBe('reported');
    expect(view.context).toMatchObject({ target: { ruleId: 'infrastructure.tap-water', clause: '3.3', year: 2025 } });
    const again = await h.runtime.openRectifications(report, { tenant: TENANT, actor: supervisor });
    expect(again.map((o) => o.outcome)).toEqual(failing.map(() => 'duplicate'));
    expect(again.map((o) => o.instanceId)).toEqual(first.map((o) => o.instanceId));
  });
});
