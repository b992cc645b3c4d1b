// The county's vocabulary reaches the workflows: its own risk type starts monitoring.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  createRuntime,
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
