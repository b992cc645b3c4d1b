// The `ticker` option: the service fires passed deadlines by itself, one tenant's figures in
// /metrics, and the `overdue` audit entry and domain event name the units to escalate to.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Principal } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { json, startService, who, type TestService } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startService({ ticker: { everyMs: 50 } });
});
afterAll(() => service.close());

const call = async (path: string, init: RequestInit = {}, principal: Principal = who.supervisor) =>
  fetch(`${service.url}${path}`, { ...init, headers: { ...(await service.auth(principal)), ...init.headers } });

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

it('fires a passed deadline by itself and names the units to escalate to', async () => {
  const started = await call(
    '/plans/changjiang-2021/workflows/poverty-monitoring',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: { village: 'liuyang', household: 'lh-001' },
        event: { type: 'FLAG', payload: { channel: 'self-declaration', riskTypes: ['income'], note: 'n' } },
      }),
    },
    who.household,
  );
  expect(started.status).toBe(201);
  const { instanceId } = await json(started);
  const instance = async () => json(await call(`/instances/${instanceId}`));
  const [deadline] = (await instance()).deadlines;
  expect(deadline.escalateTo.length).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 150)); // beats pass: nothing is due yet
  expect((await instance()).overdue).toBe(false);

  service.clock.advanceDays(400);
  await until(async () => (await instance()).overdue === true);
  const history = await json(await call(`/instances/${instanceId}/history`));
  const passed = history.entries.filter((e: { event: string }) => e.event === 'DEADLINE_PASSED');
  expect(passed).toHaveLength(1);
  expect(passed[0].payload).toMatchObject({ deadline: deadline.id, escalateTo: deadline.escalateTo });

  const metrics = await (await call('/metrics')).text();
  expect(metrics).toMatch(/^ruralkit_ticker_overdue_total 1$/m);
  expect(metrics).toMatch(/^ruralkit_ticker_failures_total 0$/m);
  expect(metrics).toMatch(/^ruralkit_ticker_beats_total [1-9]\d*$/m);
  const other: Principal = { id: 'elsewhere-supervisor', roles: ['supervisor'], tenant: 'elsewhere' };
  expect(await (await call('/metrics', {}, other)).text()).toMatch(/^ruralkit_ticker_overdue_total 0$/m);

  // the domain event, as the relay would send it on
  const store = openSqliteStore(service.file);
  try {
    const events = (await store.pendingOutbox(1000)).filter((e) => e.type === 'overdue');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      instanceId,
      tenant: 'changjiang',
      data: { deadline: deadline.id, escalateTo: deadline.escalateTo },
    });
  } finally {
    await store.close();
  }
});
