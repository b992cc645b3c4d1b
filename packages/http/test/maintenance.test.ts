// Maintenance is scoped to the caller's tenant: a supervisor verifies its own tenant's audit
// chain, ticks its own tenant's deadlines, and reads metrics of its own tenant's requests only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@ruralkit/core';
import { json, startService, who, type TestService } from './helpers.js';

let service: TestService;
const otherSupervisor: Principal = { id: 'elsewhere-supervisor', roles: ['supervisor'], tenant: 'elsewhere' };
const otherHousehold: Principal = { ...who.household, id: 'lh-001', household: 'lh-001', tenant: 'elsewhere' };

const call = async (principal: Principal, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}${path}`, { ...init, headers: { ...(await service.auth(principal)), ...init.headers } });

/** A poverty-monitoring case flagged by `household`: its identification deadline runs from now. */
async function flag(household: Principal): Promise<string> {
  const response = await call(household, '/plans/changjiang-2021/workflows/poverty-monitoring', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: { village: 'liuyang', household: household.household },
      event: { type: 'FLAG', payload: { channel: 'self-declaration', riskTypes: ['income'], note: 'n' } },
    }),
  });
  const body = await json(response);
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.instanceId;
}

beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

describe('maintenance of one tenant', () => {
  it('verifies the caller’s tenant’s audit chain only', async () => {
    await flag(who.household);
    await flag(otherHousehold);
    const response = await call(who.supervisor, '/audit/verify');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('elsewhere');
    const verified = JSON.parse(text);
    expect(verified.ok).toBe(true);
    expect(Object.keys(verified.tenants ?? { changjiang: null })).toEqual(['changjiang']);
    const other = await json(await call(otherSupervisor, '/audit/verify'));
    expect(verified.entries + other.entries).toBeGreaterThanOrEqual(2);
    expect(verified.headHash).not.toBe(other.headHash);
  });

  it('ticks the caller’s tenant’s deadlines only', async () => {
    const own = await flag({ ...who.household, id: 'lh-003', household: 'lh-003' });
    const theirs = await flag({ ...otherHousehold, id: 'lh-003', household: 'lh-003' });
    service.clock.advanceDays(400);
    const ticked = await json(await call(who.supervisor, '/workflows/tick', { method: 'POST' }));
    expect(ticked.overdue.map((n: { instanceId: string }) => n.instanceId)).toContain(own);
    const overdue = async (principal: Principal, id: string) =>
      (await json(await call(principal, `/instances/${id}`))).overdue;
    expect(await overdue(who.supervisor, own)).toBe(true);
    expect(await overdue(otherSupervisor, theirs)).toBe(false);
    const theirTick = await json(await call(otherSupervisor, '/workflows/tick', { method: 'POST' }));
    expect(theirTick.overdue.map((n: { instanceId: string }) => n.instanceId)).toContain(theirs);
    expect(await overdue(otherSupervisor, theirs)).toBe(true);
  });

  it('counts the caller’s tenant’s requests only in /metrics', async () => {
    // Only the other tenant asks for an input schema.
    expect((await call(otherSupervisor, '/plans/changjiang-2021/input-schema')).status).toBe(200);
    const route = 'route="/plans/:plan/input-schema"';
    expect(await (await call(who.supervisor, '/metrics')).text()).not.toContain(route);
    expect(await (await call(otherSupervisor, '/metrics')).text()).toContain(route);
  });
});
