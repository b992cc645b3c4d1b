// The relay to signed webhooks over a real socket, from a SQLite store (and several relays on
// one PostgreSQL store): CloudEvents, signatures, order per instance, retries, dead letters,
// replay, and no personal value in what goes out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WorkflowStore } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { dropTestSchemas, openTestStore, SKIP_POSTGRES, testSchema } from '../../../test/support/postgres.js';
import { createRelay, openTransport, type Transport } from '../src/index.js';
import { commitEvents, deliveryReport, event, SECRET, webhookReceiver, waitFor } from './support.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

function sqliteStore(): WorkflowStore {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-relay-')), 'workflows.db'));
  cleanup.push(() => store.close());
  return store;
}

async function receiver(answer?: Parameters<typeof webhookReceiver>[0]) {
  const r = await webhookReceiver(answer);
  cleanup.push(() => r.close());
  return r;
}

async function webhook(url: string, options = {}): Promise<Transport> {
  const transport = await openTransport(url, { secret: SECRET, backoffMs: 20, timeoutMs: 300, ...options });
  cleanup.push(() => transport.close());
  return transport;
}

describe('relay to a webhook', () => {
  it('delivers every pending event once, signed, as a CloudEvent, in order per instance', async () => {
    const store = sqliteStore();
    const count = await commitEvents(store, ['a', 'b', 'c'], 4);
    const hook = await receiver();
    const relay = createRelay({ store, transport: await webhook(hook.url), batch: 5 });
    expect(await relay.deliverPending()).toBe(count);
    expect(deliveryReport(hook.received)).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
    const [first] = hook.received;
    expect(first).toMatchObject({
      specversion: '1.0',
      id: 'a/1',
      source: 'urn:ruralkit:changjiang:poverty-monitoring',
      type: 'ruralkit.poverty-monitoring.transitioned',
      subject: 'a',
      time: '2025-01-01T00:00:01.000Z',
      data: { instanceId: 'a', tenant: 'changjiang', workflow: 'poverty-monitoring', n: 1 },
    });
    expect(await store.outboxStatus()).toMatchObject({ position: count, pending: 0, deadLetters: 0 });
    expect(relay.stats).toMatchObject({ delivered: count, deadLettered: 0, failures: 0 });
  });

  it('retries a receiver that answers 500 until it takes the event', async () => {
    const store = sqliteStore();
    const count = await commitEvents(store, ['a', 'b'], 3);
    const hook = await receiver((n) => (n % 3 === 0 ? 204 : 500));
    const relay = createRelay({ store, transport: await webhook(hook.url, { attempts: 5 }) });
    await relay.deliverPending();
    expect(deliveryReport(hook.received)).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
    expect(hook.requests()).toBe(count * 3);
    expect((await store.outboxStatus()).deadLetters).toBe(0);
  });

  it('records a dead letter after the last try at a receiver that never answers, then replays from a position', async () => {
    const store = sqliteStore();
    await commitEvents(store, ['a'], 2);
    let hang = true;
    const hook = await receiver(() => (hang ? 'hang' : 204));
    const relay = createRelay({ store, transport: await webhook(hook.url, { attempts: 2 }) });
    expect(await relay.deliverPending()).toBe(2);
    expect(hook.received).toEqual([]);
    const letters = await store.deadLetters();
    expect(letters.map((l) => [l.attempts, l.error, l.destination])).toEqual([
      [2, 'no answer within 300 ms', hook.url],
      [2, 'no answer within 300 ms', hook.url],
    ]);
    expect(await store.outboxStatus()).toMatchObject({ position: 2, pending: 0, deadLetters: 2 });
    hang = false;
    expect(await store.replayOutbox(letters[0]!.outboxId)).toBe(2);
    await relay.deliverPending();
    expect(deliveryReport(hook.received)).toEqual({ distinct: 2, duplicates: 0, outOfOrder: [] });
  });

  it('sends ids and codes only: names, free text and personal numbers are withheld', async () => {
    const store = sqliteStore();
    await store.record({
      audit: [],
      outbox: [
        event('a', 1, {
          to: '张三',
          reason: 'not eligible after review',
          phone: '13800138000',
          household: 'hh-17',
          risks: ['income', '因病致贫 王五'],
          on: '2025-03-01',
        }),
      ],
    });
    const hook = await receiver();
    await createRelay({ store, transport: await webhook(hook.url) }).deliverPending();
    const [received] = hook.received;
    expect(received!.data).toEqual({
      n: 1,
      household: 'hh-17',
      risks: ['income'],
      on: '2025-03-01',
      subject: { township: 'nianyushan', village: 'liuyang', household: 'hh-a' },
      instanceId: 'a',
      tenant: 'changjiang',
      workflow: 'poverty-monitoring',
      withheld: ['phone', 'reason', 'risks[1]', 'to'],
    });
    expect(JSON.stringify(received)).not.toMatch(/张三|13800138000|王五|eligible/);
  });

  it('refuses a destination it cannot deliver to, naming it', async () => {
    await expect(openTransport('ftp://127.0.0.1/x')).rejects.toThrow(/unsupported scheme/);
    await expect(openTransport('http://example.org/hook', { secret: SECRET })).rejects.toThrow(/only on loopback/);
    await expect(openTransport('https://example.org/hook')).rejects.toThrow(/signing secret/);
    await expect(openTransport('not a url')).rejects.toThrow(/不是有效的 URL/);
  });
});

describe.skipIf(SKIP_POSTGRES !== undefined)('several relays on one PostgreSQL store', () => {
  afterAll(dropTestSchemas);
  it('share the outbox by claims: each event once, in order per instance', async () => {
    const schema = testSchema('relay');
    const open = async () => {
      const store = await openTestStore(schema);
      cleanup.push(() => store.close());
      return store;
    };
    const first = await open();
    const instances = 'abcdefghijkl'.split('');
    const count = await commitEvents(first, instances, 20);
    const hook = await receiver();
    const relays = await Promise.all(
      [0, 1, 2].map(async () => createRelay({ store: await open(), transport: await webhook(hook.url), batch: 3 })),
    );
    const controller = new AbortController();
    const running = relays.map((r) => r.run(controller.signal));
    await waitFor(() => hook.received.length >= count);
    controller.abort();
    await Promise.all(running);
    expect(deliveryReport(hook.received)).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
    expect(relays.filter((r) => r.stats.delivered > 0).length).toBeGreaterThan(1);
  });

  it('is woken by LISTEN/NOTIFY as events commit, without waiting for its poll', async () => {
    const store = await openTestStore(testSchema('relay'));
    cleanup.push(() => store.close());
    const hook = await receiver();
    const relay = createRelay({ store, transport: await webhook(hook.url), pollMs: 60_000 });
    const controller = new AbortController();
    const running = relay.run(controller.signal);
    cleanup.push(async () => {
      controller.abort();
      await running;
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // listening, nothing pending
    const count = await commitEvents(store, ['a', 'b'], 3);
    await waitFor(() => hook.received.length >= count, 5000);
    expect(deliveryReport(hook.received)).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
  });
});
