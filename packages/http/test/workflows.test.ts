// Workflows over HTTP: a village plan walked from start to a refused and then accepted event,
// ETag and If-Match, Idempotency-Key, history, allowed events, tick, audit, public notice; and
// the races: two clients, one winner, no lost and no doubled event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startService, who, type TestService } from './helpers.js';
import type { Principal } from '@ruralkit/core';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

async function call(
  principal: Principal,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${service.url}${path}`, {
    method,
    headers: {
      ...(await service.auth(principal)),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'accept-language': 'en',
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const startPlan = async () => {
  const response = await call(who.liyang, 'POST', '/plans/changjiang-2021/workflows/village-plan', {
    subject: { village: 'jianglian' },
    event: { type: 'START' },
  });
  expect(response.status).toBe(201);
  return (await json(response)).instanceId as string;
};

describe('a village plan over HTTP', () => {
  it('walks start, send, state, allowed events, refusal, history', async () => {
    const start = await call(who.liyang, 'POST', '/plans/changjiang-2021/workflows/village-plan', {
      subject: { village: 'jianglian' },
      event: { type: 'START', payload: { note: 'kick-off' } },
    });
    expect(start.status).toBe(201);
    const started = await json(start);
    expect(started).toMatchObject({ event: 'START', from: null, to: 'drafting', version: 1 });
    expect(start.headers.get('etag')).toBe('"1"');
    expect(start.headers.get('location')).toBe(`instances/${started.instanceId}`);
    const id = started.instanceId as string;

    const draft = await call(who.liyang, 'POST', `/instances/${id}/events`, {
      type: 'SUBMIT_DRAFT',
      payload: { draft: '江联村村庄规划（2022—2035年）征求意见稿' },
    });
    expect(draft.status).toBe(200);
    expect(await json(draft)).toMatchObject({ from: 'drafting', to: 'consultation', version: 2 });

    const state = await call(who.liyang, 'GET', `/instances/${id}`);
    expect(state.headers.get('etag')).toBe('"2"');
    expect(await json(state)).toMatchObject({ id, state: 'consultation', tenant: 'changjiang', version: 2 });

    const allowed = await json(await call(who.liyang, 'GET', `/instances/${id}/allowed-events`));
    expect(allowed).toEqual({ instanceId: id, state: 'consultation', events: ['CLOSE_CONSULTATION'] });
    const committee = await json(await call(who.jianglian, 'GET', `/instances/${id}/allowed-events`));
    expect(committee.events).toEqual([]);

    // Too early: refused with the reason and what is allowed now; nothing changes.
    const early = await call(who.liyang, 'POST', `/instances/${id}/events`, { type: 'CLOSE_CONSULTATION' });
    expect(early.status).toBe(409);
    const problem = await json(early);
    expect(problem).toMatchObject({ code: 'guard', state: 'consultation', allowedNow: ['CLOSE_CONSULTATION'] });
    expect(problem.reasons.join(' ')).toMatch(/days/);
    expect((await json(await call(who.liyang, 'GET', `/instances/${id}`))).version).toBe(2);

    service.clock.advanceDays(31);
    const closed = await call(who.liyang, 'POST', `/instances/${id}/events`, { type: 'CLOSE_CONSULTATION' });
    expect(await json(closed)).toMatchObject({ to: 'villagerVote', version: 3 });

    const wrongState = await call(who.liyang, 'POST', `/instances/${id}/events`, {
      type: 'PUBLISH',
      payload: { where: 'x' },
    });
    expect(wrongState.status).toBe(409);
    expect(await json(wrongState)).toMatchObject({ code: 'not-allowed-in-state', allowedNow: [] });

    const badPayload = await call(who.jianglian, 'POST', `/instances/${id}/events`, {
      type: 'RECORD_VOTE',
      payload: { attendees: 'many' },
    });
    expect(badPayload.status).toBe(422);
    expect((await json(badPayload)).code).toBe('invalid-payload');

    const history = await json(await call(who.liyang, 'GET', `/instances/${id}/history`));
    expect(history.entries.map((e: { event: string; outcome: string }) => `${e.event}:${e.outcome}`)).toEqual([
      'START:started',
      'SUBMIT_DRAFT:accepted',
      'CLOSE_CONSULTATION:refused',
      'CLOSE_CONSULTATION:accepted',
      'PUBLISH:refused',
      'RECORD_VOTE:refused',
    ]);
  });

  it('answers a stale If-Match with 412 and the current version, and applies nothing', async () => {
    const id = await startPlan();
    const stale = await call(
      who.liyang,
      'POST',
      `/instances/${id}/events`,
      { type: 'SUBMIT_DRAFT', payload: { draft: 'd' } },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);
    expect(await json(stale)).toMatchObject({ code: 'precondition-failed', currentVersion: 1 });
    const fresh = await call(
      who.liyang,
      'POST',
      `/instances/${id}/events`,
      { type: 'SUBMIT_DRAFT', payload: { draft: 'd' } },
      { 'if-match': '"1"' },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"2"');
    const bad = await call(
      who.liyang,
      'POST',
      `/instances/${id}/events`,
      { type: 'CLOSE_CONSULTATION' },
      { 'if-match': 'yesterday' },
    );
    expect(bad.status).toBe(400);
  });
});

describe('races', () => {
  it('If-Match: two clients on the same version, one wins, the other gets 412', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await startPlan();
      const send = (draft: string) =>
        call(
          who.liyang,
          'POST',
          `/instances/${id}/events`,
          { type: 'SUBMIT_DRAFT', payload: { draft } },
          { 'if-match': '"1"' },
        );
      const statuses = (await Promise.all([send('a'), send('b')])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const history = await json(await call(who.liyang, 'GET', `/instances/${id}/history`));
      expect(history.entries.filter((e: { outcome: string }) => e.outcome === 'accepted')).toHaveLength(1);
      const view = await json(await call(who.liyang, 'GET', `/instances/${id}`));
      expect(view.version).toBe(2);
    }
  });

  it('Idempotency-Key: the same send twice at once is applied once, both get its result', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await startPlan();
      const send = () =>
        call(
          who.liyang,
          'POST',
          `/instances/${id}/events`,
          { type: 'SUBMIT_DRAFT', payload: { draft: 'd' } },
          { 'idempotency-key': `draft-${round}` },
        );
      const responses = await Promise.all([send(), send(), send()]);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      const results = await Promise.all(responses.map((r) => json(r)));
      expect(new Set(results.map((r) => r.version))).toEqual(new Set([2]));
      expect(results.filter((r) => r.duplicate)).toHaveLength(2);
      const history = await json(await call(who.liyang, 'GET', `/instances/${id}/history`));
      expect(history.entries.filter((e: { event: string }) => e.event === 'SUBMIT_DRAFT')).toHaveLength(1);
    }
  });

  it('without If-Match, two events at once are both applied, none lost', async () => {
    const household = { ...who.household, id: 'lh-002', household: 'lh-002' };
    const flag = (note: string) => ({
      type: 'FLAG',
      payload: { channel: 'self-declaration', riskTypes: ['income'], note },
    });
    const start = await call(household, 'POST', '/plans/changjiang-2021/workflows/poverty-monitoring', {
      subject: { village: 'liuyang', household: 'lh-002' },
      event: flag('first'),
    });
    const { instanceId } = await json(start);
    const sends = await Promise.all(
      ['second', 'third', 'fourth'].map((note) =>
        call(household, 'POST', `/instances/${instanceId}/events`, flag(note)),
      ),
    );
    expect(sends.map((r) => r.status)).toEqual([200, 200, 200]);
    const view = await json(await call(household, 'GET', `/instances/${instanceId}`));
    expect(view.version).toBe(4);
    expect(view.context.flags.map((f: { note: string }) => f.note).sort()).toEqual([
      'first',
      'fourth',
      'second',
      'third',
    ]);
  });
});

describe('deadlines, audit and notices', () => {
  it('ticks deadlines for a supervisor only, and verifies the audit chain', async () => {
    const refused = await call(who.liyang, 'POST', '/workflows/tick');
    expect(refused.status).toBe(403);
    expect((await json(refused)).code).toBe('forbidden');
    const tick = await call(who.supervisor, 'POST', '/workflows/tick');
    expect(tick.status).toBe(200);
    expect(Array.isArray((await json(tick)).overdue)).toBe(true);
    const verified = await json(await call(who.supervisor, 'GET', '/audit/verify'));
    expect(verified).toMatchObject({ ok: true });
    expect(verified.entries).toBeGreaterThan(5);
  });

  it('shows a household’s public notice with the head’s name masked', async () => {
    const flag = await call(who.household, 'POST', '/plans/changjiang-2021/workflows/poverty-monitoring', {
      subject: { village: 'liuyang', household: 'lh-001' },
      event: {
        type: 'FLAG',
        payload: { channel: 'self-declaration', riskTypes: ['income'], note: '收入骤减', householdHead: '李建华' },
      },
    });
    expect(flag.status).toBe(201);
    const { instanceId } = await json(flag);
    const notice = await json(await call(who.liyang, 'GET', `/instances/${instanceId}/public-notice`));
    expect(notice.householdHead).toBe('李**');
    expect(JSON.stringify(notice)).not.toContain('建华');
  });

  it('shows personal fields of an instance only to the household and the roles handling it', async () => {
    const flag = await call(who.household, 'POST', '/plans/changjiang-2021/workflows/poverty-monitoring', {
      subject: { village: 'liuyang', household: 'lh-001' },
      event: {
        type: 'FLAG',
        payload: { channel: 'self-declaration', riskTypes: ['medical'], note: '住院', householdHead: '李建华' },
      },
    });
    const { instanceId } = await json(flag);
    const cadre = {
      id: 'liuyang-cadre',
      roles: ['village-cadre'],
      tenant: 'changjiang',
      township: 'nianyushan',
      village: 'liuyang',
    };
    for (const reader of [who.household, cadre] as Principal[]) {
      const view = await json(await call(reader, 'GET', `/instances/${instanceId}`));
      expect(view.context.householdHead, reader.id).toBe('李建华');
    }
    for (const other of [who.liyang, who.supervisor] as Principal[]) {
      const response = await call(other, 'GET', `/instances/${instanceId}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text, other.id).not.toContain('李建华');
      expect(text).not.toContain('住院');
      expect(JSON.parse(text).context.householdHead).toBe('[个人信息 personal data]');
    }
    // Another household does not see the case at all (visibility.test.ts).
    expect(
      (await call({ ...who.household, id: 'lh-009', household: 'lh-009' }, 'GET', `/instances/${instanceId}`)).status,
    ).toBe(404);
    const history = await (await call(who.supervisor, 'GET', `/instances/${instanceId}/history`)).text();
    expect(history).not.toContain('李建华');
  });

  it('refuses free text holding a phone number with 422, without echoing it', async () => {
    const response = await call(who.household, 'POST', '/plans/changjiang-2021/workflows/poverty-monitoring', {
      subject: { village: 'liuyang', household: 'lh-001' },
      event: {
        type: 'FLAG',
        payload: { channel: 'self-declaration', riskTypes: ['income'], note: '请打 13812345678' },
      },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(JSON.parse(text).code).toBe('invalid-payload');
    expect(text).toContain('payload.note holds a phone number');
    expect(text).not.toContain('13812345678');
  });
});
