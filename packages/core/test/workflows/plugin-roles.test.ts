// A county plugin's workflow roles change who may send an event; unknown names are refused, and
// a household acts for its own household only, whatever roles a plugin grants.
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  createRuntime,
  PluginError,
  resolvePlan,
  type PluginInput,
} from '../../src/index.js';
import { cadre, committee, countyApprover, department, official, plan, principal, TENANT } from './fixtures.js';

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

  it('lets no household approve another household’s case, even with a declared relax', async () => {
    const resolved = resolvePlan(plan, [
      {
        ...county({
          'poverty-monitoring': {
            COUNTY_APPROVE: ['county-approver', 'household'],
            NOTICE_COMPLETED: ['village-committee', 'household'],
          },
        }),
        parameters: [{ id: 'monitoring.noticeMinDays', values: [{ from: '2021-01-01', value: 0 }] }],
        relax: [
          { id: 'poverty-monitoring.COUNTY_APPROVE', reason: '试点' },
          { id: 'poverty-monitoring.NOTICE_COMPLETED', reason: '试点' },
          { id: 'monitoring.noticeMinDays', reason: '试点' },
        ],
      },
    ]);
    const runtime = createRuntime({
      plan: resolved,
      store: createMemoryStore(),
      clock: createManualClock('2024-03-01T09:00:00+08:00'),
    });
    const stranger = principal('household', 'liuyang', { id: 'stranger', household: 'zz-999' });
    const own = principal('household', 'liuyang', { id: 'owner', household: 'lh-004' });
    const { instanceId } = await runtime.start('poverty-monitoring', flag(department));
    const send = (type: string, actor: typeof department, payload?: unknown) =>
      runtime.send(instanceId, { type, actor, ...(payload ? { payload } : {}) });
    await send('CONFIRM_RISK', cadre('liuyang'), {
      perCapitaIncomeCny: 4800,
      riskTypes: ['income'],
      hasLaborCapacity: true,
      consentSigned: true,
    });
    await send('REVIEW_PASSED', committee('liuyang'), { meetingOn: '2024-03-01', attendees: 23 });
    await expect(send('NOTICE_COMPLETED', stranger)).rejects.toThrow(/stranger .*may not send NOTICE_COMPLETED/);
    await send('NOTICE_COMPLETED', committee('liuyang'));
    await send('TOWNSHIP_APPROVE', official('liuyang'));
    // another household's case is not there for the stranger at all
    await expect(runtime.allowedEvents(instanceId, stranger)).rejects.toThrow(/no instance/);
    await expect(send('COUNTY_APPROVE', stranger, { category: 'marginal' })).rejects.toThrow(
      /stranger .*may not send COUNTY_APPROVE/,
    );
    expect((await runtime.get(instanceId)).state).toBe('countyApproval');
    // the plugin's grant holds for the case's own household, as declared
    expect(await runtime.allowedEvents(instanceId, own)).toContain('COUNTY_APPROVE');
    expect(await runtime.allowedEvents(instanceId, countyApprover)).toContain('COUNTY_APPROVE');
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
