// Search and task lists over HTTP on a real socket: `GET /instances` within what the caller's
// roles cover, filtered and paged with counts by state, never a personal value; `GET /tasks` with
// the events allowed now and the items escalated to the caller's unit; bad query parameters
// answered as problems naming the parameter, in Chinese or English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@ruralkit/core';
import { json, startService, who, type TestService } from './helpers.js';

let service: TestService;
const cadre: Principal = {
  id: 'liuyang-cadre',
  roles: ['village-cadre'],
  tenant: 'changjiang',
  township: 'nianyushan',
  village: 'liuyang',
};
const department: Principal = {
  id: 'civil-affairs-office',
  roles: ['department'],
  tenant: 'changjiang',
  unit: 'water',
};
const ids: Record<string, string> = {};

const call = async (principal: Principal, path: string, init: RequestInit = {}, lang = 'en') =>
  fetch(`${service.url}${path}`, {
    ...init,
    headers: { ...(await service.auth(principal)), 'accept-language': lang, ...init.headers },
  });
const start = async (principal: Principal, type: string, body: unknown) => {
  const response = await call(principal, `/plans/changjiang-2021/workflows/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await json(response)).instanceId as string;
};

beforeAll(async () => {
  service = await startService();
  ids.case = await start(who.household, 'poverty-monitoring', {
    subject: { village: 'liuyang', household: 'lh-001' },
    event: {
      type: 'FLAG',
      payload: { channel: 'self-declaration', riskTypes: ['income'], note: '收入骤减', householdHead: '李建华' },
    },
  });
  ids.plan = await start(who.liyang, 'village-plan', { subject: { village: 'jianglian' }, event: { type: 'START' } });
  ids.toilet = await start(cadre, 'rectification', {
    subject: { village: 'liuyang' },
    event: { type: 'REPORT', payload: { source: 'survey', category: 'toilet-quality', description: '厕所渗漏' } },
  });
});
afterAll(() => service.close());

describe('GET /instances', () => {
  it('shows each principal what its roles cover, sorted by due date, with counts by state', async () => {
    const all = await json(await call(who.supervisor, '/instances?counts=true'));
    expect(all.instances.map((i: { id: string }) => i.id).sort()).toEqual(Object.values(ids).sort());
    expect(all.counts).toEqual({ verifying: 1, drafting: 1, reported: 1 });
    const dues = all.instances.map((i: { due: string | null }) => i.due ?? '~');
    expect(dues).toEqual([...dues].sort());
    const township = await json(await call(who.liyang, '/instances'));
    expect(township.instances.map((i: { id: string }) => i.id)).toEqual([ids.plan]);
    const village = await json(await call(cadre, '/instances?type=poverty-monitoring,rectification'));
    expect(village.instances.map((i: { id: string }) => i.id).sort()).toEqual([ids.case, ids.toilet].sort());
    const household = await json(await call(who.household, '/instances'));
    expect(household.instances.map((i: { id: string }) => i.id)).toEqual([ids.case]);
    expect((await json(await call(who.stranger, '/instances'))).instances).toEqual([]);
  });

  it('answers summaries without personal values, filtered and paged', async () => {
    const response = await call(who.supervisor, '/instances?household=lh-001');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain('李建华');
    expect(text).not.toContain('收入骤减');
    const [summary] = JSON.parse(text).instances;
    expect(summary).toMatchObject({ id: ids.case, type: 'poverty-monitoring', state: 'verifying', overdue: false });
    expect(summary).not.toHaveProperty('context');
    const first = await json(await call(who.supervisor, '/instances?limit=2'));
    expect(first.instances).toHaveLength(2);
    const second = await json(await call(who.supervisor, `/instances?limit=2&cursor=${first.next}`));
    expect(second).toMatchObject({ next: null });
    expect(second).not.toHaveProperty('counts'); // not asked for
    expect([...first.instances, ...second.instances].map((i: { id: string }) => i.id).sort()).toEqual(
      Object.values(ids).sort(),
    );
  });

  it('refuses a bad query parameter with a problem naming it, in Chinese or English', async () => {
    const cases: [string, RegExp][] = [
      ['type=village-plans', /type.*unknown workflow type "village-plans"/],
      ['limit=0', /limit.*1 to 500/],
      ['dueBefore=2022-02-30', /dueBefore.*YYYY-MM-DD/],
      ['overdue=yes', /overdue.*true or false/],
      ['cursor=abc', /cursor.*next/],
    ];
    for (const [query, detail] of cases) {
      const response = await call(who.supervisor, `/instances?${query}`);
      expect(response.status, query).toBe(400);
      const problem = await json(response);
      expect(problem.code, query).toBe('invalid-query');
      expect(problem.detail, query).toMatch(detail);
    }
    const zh = await json(await call(who.supervisor, '/instances?limit=9999', {}, 'zh'));
    expect(zh.detail).toMatch(/查询参数 limit 有误/);
    const unknown = await call(who.supervisor, '/instances?stat=reported');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await json(unknown))).toContain('stat');
  });
});

describe('GET /tasks', () => {
  it('lists what each principal may send now, and what is escalated to its unit once overdue', async () => {
    const tasks = async (p: Principal) =>
      (await json(await call(p, '/tasks'))).tasks.map((t: { id: string; events: string[]; escalated: boolean }) => [
        t.id,
        t.events,
        t.escalated,
      ]);
    expect(await tasks(who.liyang)).toEqual([[ids.plan, ['SUBMIT_DRAFT'], false]]);
    expect(await tasks(cadre)).toEqual([[ids.case, ['FLAG', 'CONFIRM_RISK', 'REJECT_RISK'], false]]);
    const officer = { ...cadre, id: 'nianyushan-official', roles: ['township-official' as const], village: undefined };
    expect(await tasks(officer)).toEqual([[ids.toilet, ['ACCEPT', 'DISMISS'], false]]);
    // the report's accept deadline passes: the case escalates to the lead unit of its clause
    const toilet = await json(await call(who.supervisor, `/instances/${ids.toilet}`));
    const [deadline] = toilet.deadlines;
    service.clock.set(new Date(Date.parse(deadline.firesAt) + 1000));
    expect((await call(who.supervisor, '/workflows/tick', { method: 'POST' })).status).toBe(200);
    const lead = { ...department, unit: deadline.escalateTo[0] };
    const escalated = await json(await call(lead, '/tasks'));
    expect(escalated.tasks).toContainEqual(
      expect.objectContaining({ id: ids.toilet, events: [], escalated: true, overdue: true }),
    );
    const overdue = await json(await call(officer, '/instances?overdue=true'));
    expect(overdue.instances.map((i: { id: string }) => i.id)).toContain(ids.toilet);
    expect(overdue.instances.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
  });

  it('refuses a bad query parameter', async () => {
    const response = await call(cadre, '/tasks?limit=abc');
    expect(response.status).toBe(400);
    expect((await json(response)).detail).toMatch(/limit/);
  });
});
