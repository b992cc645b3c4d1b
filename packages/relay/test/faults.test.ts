// Faults while events stream (slow; run on their own): RabbitMQ stopped and started, a private
// NATS server killed and restarted, the relay process killed with SIGKILL, a webhook receiver
// that answers 500 or never answers. Every committed event arrives at least once, in order per
// instance; the duplicates seen are reported.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as amqpConnect } from 'amqplib';
import { jetstream } from '@nats-io/jetstream';
import { connect as natsConnect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowStore } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { createRelay, openTransport, type Transport } from '../src/index.js';
import {
  brokerUrl,
  event,
  deliveryReport,
  ownTenant,
  SECRET,
  sleep,
  waitFor,
  webhookReceiver,
  withRabbitMq,
  type Received,
} from './support.js';

const amqp = brokerUrl('AMQP_URL');
const nats = brokerUrl('NATS_URL');
const NATS_SERVER = '/usr/sbin/nats-server';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close().catch(() => undefined);
});

function sqliteStore(): { store: WorkflowStore; db: string } {
  const db = join(mkdtempSync(join(tmpdir(), 'ruralkit-faults-')), 'workflows.db');
  const store = openSqliteStore(db);
  cleanup.push(() => store.close());
  return { store, db };
}

/** Run a relay in this process until the test ends. */
function runRelay(store: WorkflowStore, transport: Transport) {
  const controller = new AbortController();
  const relay = createRelay({ store, transport, batch: 20, pollMs: 100, lease: { ms: 10_000 } });
  const running = relay.run(controller.signal);
  cleanup.push(async () => {
    controller.abort();
    await running;
    await transport.close();
  });
  return relay;
}

/** Report what arrived, for the log: the duplicates are expected, lost or reordered events are not. */
function report(name: string, received: Received[], committed: number) {
  const r = deliveryReport(received);
  console.log(`FAULT ${name}: committed ${committed}, distinct ${r.distinct}, duplicates ${r.duplicates}`);
  return r;
}

describe.skipIf(amqp.skip)('RabbitMQ stopped and started mid-stream', () => {
  it('delivers every event at least once, in order per instance', { timeout: 120_000 }, () =>
    withRabbitMq(async () => {
      const tenant = ownTenant('fault');
      const exchange = `ruralkit-fault-${tenant}`;
      const queue = `ruralkit-fault-${tenant}`;
      const setup = await amqpConnect(amqp.url!);
      const channel = await setup.createChannel();
      await channel.assertExchange(exchange, 'topic', { durable: true });
      await channel.assertQueue(queue, { durable: true });
      await channel.bindQueue(queue, exchange, '#');
      await setup.close();
      cleanup.push(async () => {
        const c = await amqpConnect(amqp.url!);
        const ch = await c.createChannel();
        await ch.deleteQueue(queue);
        await ch.deleteExchange(exchange);
        await c.close();
      });

      const { store } = sqliteStore();
      const relay = runRelay(store, await openTransport(amqp.url!, { exchange }));
      const instances = ['a', 'b', 'c', 'd'];
      const producing = streamRounds(store, instances, 40, tenant);
      await sleep(400);
      let restarted = false;
      try {
        expect(spawnSync('rabbitmqctl', ['stop_app'], { encoding: 'utf8' }).status).toBe(0);
        await sleep(1500);
      } finally {
        restarted = spawnSync('rabbitmqctl', ['start_app'], { encoding: 'utf8' }).status === 0;
      }
      expect(restarted).toBe(true);
      const committed = await producing;
      await waitFor(async () => (await store.outboxStatus()).pending === 0, 60_000);

      const c = await amqpConnect(amqp.url!);
      cleanup.push(() => c.close());
      const ch = await c.createChannel();
      const received: Received[] = [];
      for (;;) {
        const m = await ch.get(queue, { noAck: true });
        if (!m) break;
        received.push(JSON.parse(m.content.toString('utf8')) as Received);
      }
      expect(report('rabbitmq restart', received, committed)).toMatchObject({ distinct: committed, outOfOrder: [] });
      expect(relay.stats.failures).toBeGreaterThan(0); // the stop was seen mid-stream
    }),
  );
});

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A private NATS server with JetStream, in a folder of its own, that can be killed and restarted. */
function privateNats(port: number, dir: string) {
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
    await waitFor(async () => {
      try {
        const c = await natsConnect({ servers: `127.0.0.1:${port}`, reconnect: false });
        await c.close();
        return true;
      } catch {
        return false;
      }
    }, 10_000);
  };
  const kill = () => {
    child?.kill('SIGKILL');
    child = undefined;
  };
  cleanup.push(async () => kill());
  return { start, kill };
}

describe.skipIf(nats.skip)('NATS JetStream server killed and restarted mid-stream', () => {
  it('delivers every event at least once, in order per instance', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const server = privateNats(port, mkdtempSync(join(tmpdir(), 'ruralkit-nats-')));
    await server.start();
    const { store } = sqliteStore();
    const relay = runRelay(store, await openTransport(`nats://127.0.0.1:${port}`));
    const instances = ['a', 'b', 'c', 'd'];
    const producing = streamRounds(store, instances, 40);
    await sleep(400);
    server.kill();
    await sleep(1500);
    await server.start();
    const committed = await producing;
    await waitFor(async () => (await store.outboxStatus()).pending === 0, 60_000);

    const connection = await natsConnect({ servers: `127.0.0.1:${port}` });
    cleanup.push(() => connection.close());
    const consumer = await jetstream(connection).consumers.get('RURALKIT');
    const received: Received[] = [];
    const info = await consumer.info();
    const total = info.num_pending;
    for await (const m of await consumer.fetch({ max_messages: total, expires: 3000 })) {
      received.push(m.json<Received>());
      if (received.length === total) break;
    }
    expect(report('nats restart', received, committed)).toMatchObject({ distinct: committed, outOfOrder: [] });
    expect(relay.stats.failures).toBeGreaterThan(0); // the kill was seen mid-stream
  });
});

const bin = fileURLToPath(new URL('../../cli/bin/ruralkit.js', import.meta.url));

describe('relay process killed with SIGKILL mid-stream', () => {
  it(
    'another relay delivers the rest once the claim lapses: nothing lost, order kept',
    { timeout: 120_000 },
    async () => {
      const { store, db } = sqliteStore();
      const hook = await webhookReceiver();
      cleanup.push(() => hook.close());
      const relay = () => {
        const child = spawn('node', [bin, 'relay', '--db', db, '--to', hook.url, '--lease', '2'], {
          env: { ...process.env, RURALKIT_WEBHOOK_SECRET: SECRET },
          stdio: 'ignore',
        });
        cleanup.push(async () => child.kill('SIGKILL'));
        return child;
      };
      const first = relay();
      const producing = streamRounds(store, ['a', 'b', 'c', 'd'], 40);
      await waitFor(() => hook.received.length > 20);
      first.kill('SIGKILL');
      await sleep(300);
      relay();
      const committed = await producing;
      await waitFor(async () => (await store.outboxStatus()).pending === 0, 60_000);
      expect(report('relay SIGKILL', hook.received, committed)).toMatchObject({ distinct: committed, outOfOrder: [] });
    },
  );
});

describe('webhook receiver that answers 500, then never answers, then recovers', () => {
  it(
    'retries with backoff until the receiver takes each event: nothing lost, order kept',
    { timeout: 120_000 },
    async () => {
      const { store } = sqliteStore();
      let phase: 500 | 'hang' | 204 = 500;
      const hook = await webhookReceiver(() => phase);
      cleanup.push(() => hook.close());
      const transport = await openTransport(hook.url, { secret: SECRET, attempts: 30, backoffMs: 50, timeoutMs: 300 });
      runRelay(store, transport);
      const producing = streamRounds(store, ['a', 'b', 'c'], 30);
      await sleep(700);
      phase = 'hang';
      await sleep(1000);
      phase = 204;
      const committed = await producing;
      await waitFor(async () => (await store.outboxStatus()).pending === 0, 60_000);
      expect((await store.outboxStatus()).deadLetters).toBe(0);
      expect(hook.requests()).toBeGreaterThan(hook.received.length); // answered 500 to some
      expect(report('webhook 500 and silence', hook.received, committed)).toMatchObject({
        distinct: committed,
        outOfOrder: [],
      });
    },
  );
});

/** Commit `rounds` rounds (event n of every instance in round n), one every 20 ms; resolves to the count. */
async function streamRounds(store: WorkflowStore, instances: string[], rounds: number, tenant?: string) {
  for (let n = 1; n <= rounds; n += 1) {
    await store.record({ audit: [], outbox: instances.map((i) => event(i, n, {}, tenant)) });
    await sleep(20);
  }
  return instances.length * rounds;
}
