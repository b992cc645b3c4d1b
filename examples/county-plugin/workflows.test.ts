// The county's vocabulary reaches the workflows: its own risk type starts monitoring.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  createRuntime,
  diffPlan,
  diffToMarkdown,
  evaluate,
  getPlan,
  memoryKeys,
  resolvePlan,
} from '@ruralkit/core';
import { loadPlugins } from '@ruralkit/core/node';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const plugins = await loadPlugins([here('./income-lines.plugin.yaml'), here('./example-county.plugin.ts')]);
const plan = resolvePlan(getPlan('changjiang-2021'), plugins);
const household = {
  id: 'ex-003',
  villageId: 'liuyang',
  size: 4,
  annualNetIncomeCny: 60000,
  formerlyPoor: false,
  rigidExpenditureCny: 30000,
};
const cadre = {
  id: 'cadre@liuyang',
  roles: ['village-cadre' as const],
  tenant: 'example-county',
  township: 'nianyushan',
  village: 'liuyang',
};

describe('Example County workflows', () => {
  it('starts poverty-monitoring for its rigid-expenditure household from screening', async () => {
    const report = evaluate(plan, { households: [household] }, { asOf: '2025-06-30' });
    expect(report.households[0]).toMatchObject({ risks: ['rigid-expenditure'], category: 'sudden-hardship' });
    const runtime = createRuntime({
      plan,
      store: createMemoryStore(),
      clock: createManualClock('2025-07-01T09:00:00+08:00'),
      keys: memoryKeys(), // the screening's note is personal data
    });
    const actor = { id: 'civil-affairs', roles: ['department' as const], tenant: 'example-county' };
    const [started] = await runtime.startFromScreening(report, { tenant: 'example-county', actor });
    expect(started).toMatchObject({ household: 'ex-003', outcome: 'started' });
    const view = await runtime.get(started!.instanceId);
    expect(view.context).toMatchObject({ flaggedRisks: ['rigid-expenditure'], suggestedCategory: 'sudden-hardship' });
    // the county's risk type is confirmed and assisted like the plan's own
    await runtime.send(started!.instanceId, {
      type: 'CONFIRM_RISK',
      actor: cadre,
      payload: {
        perCapitaIncomeCny: 15000,
        riskTypes: ['rigid-expenditure'],
        hasLaborCapacity: true,
        consentSigned: true,
      },
    });
    expect((await runtime.get(started!.instanceId)).state).toBe('democraticReview');
  });

  it('still refuses a risk type neither the plan nor a plugin defines, naming the ones it knows', async () => {
    const runtime = createRuntime({ plan, store: createMemoryStore() });
    const flag = runtime.start('poverty-monitoring', {
      tenant: 'example-county',
      subject: { village: 'liuyang', household: 'ex-009' },
      event: { type: 'FLAG', actor: cadre, payload: { channel: 'cadre-screening', riskTypes: ['gambling'], note: '' } },
    });
    await expect(flag).rejects.toThrow(/payload\.riskTypes\.0.*rigid-expenditure/s);
  });

  it('keeps the base plan’s vocabulary without the plugin', async () => {
    const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store: createMemoryStore() });
    const flag = runtime.start('poverty-monitoring', {
      tenant: 'example-county',
      subject: { village: 'liuyang', household: 'ex-003' },
      event: {
        type: 'FLAG',
        actor: cadre,
        payload: { channel: 'cadre-screening', riskTypes: ['rigid-expenditure'], note: '' },
      },
    });
    await expect(flag).rejects.toThrow(/invalid payload of FLAG/);
  });
});

describe('Example County’s own procedure: the industry project application (产业项目申报)', () => {
  const tenant = 'example-county';
  const committee = { ...cadre, id: 'committee@liuyang', roles: ['village-committee' as const] };
  const township = { id: 'official@nianyushan', roles: ['township-official' as const], tenant, township: 'nianyushan' };
  const county = { id: 'county-approver', roles: ['county-approver' as const], tenant };
  const submit = {
    type: 'SUBMIT',
    actor: committee,
    payload: { project: '留阳村茶叶加工厂', budgetCny: 800000 },
  };

  it('is registered after the plan’s workflows and shown in the plan diff', () => {
    const runtime = createRuntime({ plan, store: createMemoryStore() });
    expect(runtime.workflows.types).toEqual([
      'village-plan',
      'rectification',
      'poverty-monitoring',
      'industry-project',
    ]);
    const diff = diffPlan(getPlan('changjiang-2021'), plan);
    expect(diff.changes).toContainEqual({
      kind: 'workflow',
      id: 'industry-project',
      change: 'added',
      by: 'plugin:example-county@1.0.0',
      after: { name: { zh: '产业项目申报', en: 'Industry project application' }, version: 1 },
    });
    expect(diffToMarkdown(diff)).toContain('| 流程 workflow | `industry-project` | added |');
    expect(
      createRuntime({ plan: getPlan('changjiang-2021'), store: createMemoryStore() }).workflows.types,
    ).not.toContain('industry-project');
  });

  it('goes from submitted through the township’s review to the county’s approval, each step by its role', async () => {
    const runtime = createRuntime({ plan, store: createMemoryStore() });
    const { instanceId, to } = await runtime.start('industry-project', {
      tenant,
      subject: { village: 'liuyang' },
      event: submit,
    });
    expect(to).toBe('submitted');
    // only the township reviews, and the county decides after the review
    await expect(runtime.send(instanceId, { type: 'APPROVE', actor: county, payload: {} })).rejects.toMatchObject({
      code: 'not-allowed-in-state',
    });
    await expect(
      runtime.send(instanceId, { type: 'TOWNSHIP_REVIEW', actor: committee, payload: { opinion: '同意' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await runtime.send(instanceId, { type: 'TOWNSHIP_REVIEW', actor: township, payload: { opinion: '同意上报' } });
    const approved = await runtime.send(instanceId, { type: 'APPROVE', actor: county, payload: {} });
    expect(approved.to).toBe('approved');
    const view = await runtime.get(instanceId);
    expect(view).toMatchObject({ type: 'industry-project', state: 'approved', done: true });
    expect(view.context).toMatchObject({ project: '留阳村茶叶加工厂', budgetCny: 800000, townshipOpinion: '同意上报' });
  });

  it('ends rejected with the county’s reason', async () => {
    const runtime = createRuntime({ plan, store: createMemoryStore() });
    const { instanceId } = await runtime.start('industry-project', {
      tenant,
      subject: { village: 'liuyang' },
      event: submit,
    });
    await runtime.send(instanceId, { type: 'TOWNSHIP_REVIEW', actor: township, payload: { opinion: '同意上报' } });
    const rejected = await runtime.send(instanceId, {
      type: 'REJECT',
      actor: county,
      payload: { reason: '预算超出年度计划' },
    });
    expect(rejected.to).toBe('rejected');
    expect((await runtime.get(instanceId)).context).toMatchObject({ reason: '预算超出年度计划' });
  });
});
