// A county plugin's workflow roles change who may send an event; unknown names are refused.
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  createRuntime,
  PluginError,
  resolvePlan,
  type PluginInput,
} from '../../src/index.js';
import { department, official, plan, TENANT } from './fixtures.js';

const county = (workflowRoles: PluginInput['workflowRoles']): PluginInput => ({
  id: 'county-roles',
  name: { zh: '甲县', en: 'County A' },
  version: '1.0.0',
  core: '^0.1.0',
  plan: 'changjiang-2021',
  workflowRoles,
});

const flag = (actor: typeof department) => ({
  tenant: TENANT,
  subject: { village: 'liuyang', household: 'lh-004' },
  event: { type: 'FLAG', actor, payload: { channel: 'cadre-screening', riskTypes: ['income'], note: '' } },
});

describe('workflow roles from plugins', () => {
  it('lets a listed role send the event and refuses a role the plugin leaves out', async () => {
    const resolved = resolvePlan(plan, [
      county({ 'poverty-monitoring': { FLAG: ['village-cadre', 'township-official'] } }),
    ]);
    const runtime = createRuntime({
      plan: resolved,
      store: createMemoryStore(),
      clock: createManualClock('2024-03-01T09:00:00+08:00'),
    });
    const started = await runtime.start('poverty-monitoring', flag(official('liuyang')));
    expect(started.to).toBe('verifying');
    await expect(
      runtime.start('poverty-monitoring', {
        ...flag(department),
        subject: { village: 'liuyang', household: 'lh-005' },
      }),
    ).rejects.toThrow(/may not send FLAG/);
  });

  it('leaves the base plan’s roles as they are', async () => {
    const runtime = createRuntime({
      plan,
      store: createMemoryStore(),
      clock: createManualClock('2024-03-01T09:00:00+08:00'),
    });
    await expect(runtime.start('poverty-monitoring', flag(official('liuyang')))).rejects.toThrow(/may not send FLAG/);
  });

  it('refuses an unknown workflow, event or role, naming the path', () => {
    const refused = (roles: PluginInput['workflowRoles']) => {
      try {
        resolvePlan(plan, [county(roles)]);
      } catch (error) {
        return (error as PluginError).path;
      }
      return 'accepted';
    };
    expect(refused({ 'poverty-watch': { FLAG: ['department'] } })).toBe('workflowRoles.poverty-watch');
    expect(refused({ 'poverty-monitoring': { FLAGG: ['department'] } })).toBe('workflowRoles.poverty-monitoring.FLAGG');
    expect(refused({ 'poverty-monitoring': { FLAG: ['mayor'] } })).toBe('workflowRoles.poverty-monitoring.FLAG[0]');
  });
});
