// The ticker over the in-memory store and a real SQLite file: it fires a passed deadline on its
// own once the (manual) clock is past it, names the units to escalate to in the audit entry and
// the `overdue` event, keeps beating after a failure, fires only the tenants it is given, and
// gives its lease up when stopped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createMaintenance,
  createTicker,
  type OutboxEntry,
  type OverdueNotice,
  type TickerOptions,
  type WorkflowStore,
} from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { harness, PATHS, START_AT, walk, type Harness } from '../packages/core/test/workflows/fixtures.js';

const stores: [string, () => WorkflowStore][] = [
  ['in-memory', createMemoryStore],
  ['SQLite', () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-ticker-')), 'workflows.db'))],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error('timed out');
}

/** A ticker running over `h` every 10 ms, with what it fired and the errors it heard. */
function running(h: Harness, options: Partial<TickerOptions> = {}) {
  const fired: OverdueNotice[] = [];
  const errors: [string, string | undefined][] = [];
  const ticker = createTicker({
    maintenance: options.maintenance ?? createMaintenance({ store: h.store, clock: h.clock }),
    store: h.store,
    clock: h.clock,
    everyMs: 10,
    lease: { owner: 'ticker-a', ms: 60_000 },
    onFired: (_tenant, batch) => fired.push(...batch),
    onError: (error, tenant) => errors.push([(error as Error).message, tenant]),
    ...options,
  });
  const controller = new AbortController();
  const done = ticker.run(controller.signal);
  return { ticker, fired, errors, stop: () => (controller.abort(), done) };
}

describe.each(stores)('the ticker over the %s store', (_name, open) => {
  it('fires a passed deadline on its own, naming the units to escalate to, and gives its lease up when stopped', async () => {
    const h = harness(START_AT['village-plan'], open());
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    const events: OutboxEntry[] = [];
    // the ticker's maintenance delivers what it fires to its subscribers
    const maintenance = createMaintenance({ store: h.store, clock: h.clock });
    maintenance.subscribe((e) => void events.push(e));
    const t = running(h, { maintenance });
    try {
      await until(() => t.ticker.stats.beats >= 3);
      expect(t.fired).toEqual([]); // approval is due 2022-12-31: not yet passed
      h.clock.set('2023-01-01T00:00:00+08:00');
      await until(() => t.fired.length > 0);
      expect(t.fired).toEqual([
        { instanceId: id, deadline: expect.objectContaining({ id: 'approval', escalateTo: ['natural-resources'] }) },
      ]);
      const passed = (await h.runtime.history(id)).filter((e) => e.event === 'DEADLINE_PASSED');
      expect(passed).toHaveLength(1);
      expect(passed[0]).toMatchObject({
        outcome: 'overdue',
        actor: { id: 'system' },
        payload: { deadline: 'approval', due: '2022-12-31', escalateTo: ['natural-resources'] },
      });
      await until(() => events.some((e) => e.type === 'overdue'));
      expect(events.find((e) => e.type === 'overdue')).toMatchObject({
        instanceId: id,
        tenant: 'changjiang',
        data: { deadline: 'approval', due: '2022-12-31', state: 'consultation', escalateTo: ['natural-resources'] },
      });
      expect(t.ticker.stats.fired.get('changjiang')).toBe(1);
      expect([...t.ticker.stats.holding]).toEqual(['changjiang']);
      // held while nothing is due: another ticker is refused the tenant
      await until(() => t.ticker.stats.beats >= 8);
      expect(await h.store.claimTicker('changjiang', { owner: 'ticker-b', ms: 60_000 })).toBe(false);
    } finally {
      await t.stop();
    }
    expect(t.ticker.stats.holding.size).toBe(0);
    expect(await h.store.claimTicker('changjiang', { owner: 'ticker-b', ms: 60_000 })).toBe(true);
    expect(t.errors).toEqual([]);
    await h.store.close();
  });

  it('fires only the tenants it is given', async () => {
    const h = harness(START_AT['village-plan'], open());
    const own = await walk(h, PATHS['village-plan'], 'drafting');
    const start = PATHS['village-plan'].steps[0]!;
    const actor = { ...start.actor, tenant: 'fuliang' };
    const theirs = await h.runtime.start('village-plan', {
      tenant: 'fuliang',
      subject: PATHS['village-plan'].subject,
      event: { type: start.event, actor },
    });
    h.clock.set('2023-01-01T00:00:00+08:00');
    const t = running(h, { tenants: ['fuliang'] });
    try {
      await until(() => t.fired.length > 0);
      await until(() => t.ticker.stats.beats >= 3);
    } finally {
      await t.stop();
    }
    expect(t.fired.map((f) => f.instanceId)).toEqual([theirs.instanceId]);
    expect((await h.runtime.get(own)).overdue).toBe(false);
    await h.store.close();
  });
});

it('reports a failed beat without its data and keeps beating', async () => {
  const h = harness(START_AT['village-plan']);
  const id = await walk(h, PATHS['village-plan'], 'drafting');
  h.clock.set('2023-01-01T00:00:00+08:00');
  let failures = 1;
  const flaky: WorkflowStore = {
    ...h.store,
    async dueTenants(now) {
      if (failures-- > 0) throw new Error('connection lost');
      return h.store.dueTenants(now);
    },
  };
  const t = running({ ...h, store: flaky });
  try {
    await until(() => t.fired.length > 0);
  } finally {
    await t.stop();
  }
  expect(t.errors).toEqual([['connection lost', undefined]]);
  expect(t.ticker.stats.failures).toBe(1);
  expect(t.fired.map((f) => f.instanceId)).toEqual([id]);
});

it('refuses a beat or a lease that is not a whole number of milliseconds above 0, naming it', () => {
  const h = harness(START_AT['village-plan']);
  for (const everyMs of [0, -5, 1.5, Number.NaN]) {
    expect(() => createTicker({ maintenance: createMaintenance({ store: h.store }), store: h.store, everyMs })).toThrow(
      `定时器的 everyMs 应为正整数毫秒（得到 ${everyMs}） / the ticker's everyMs must be a whole number of milliseconds above 0 (got ${everyMs})`,
    );
  }
  expect(() =>
    createTicker({ maintenance: createMaintenance({ store: h.store }), store: h.store, lease: { ms: 0 } }),
  ).toThrow("the ticker's lease.ms must be");
});
