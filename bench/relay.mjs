// Benchmark (基准测试): relay throughput — domain events claimed from a SQLite outbox, sent as
// CloudEvents and marked delivered — against the floor measured in the same run: the same
// messages published straight with amqplib (confirm channel) and with the NATS JetStream client,
// in the same batches. Target: the relay reaches at least 0.5 of each floor. Needs AMQP_URL
// and/or NATS_URL; prints one `BENCH {json}` line per measurement. Run after `pnpm build`:
// `pnpm bench:relay [events]`.
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect as natsConnect } from '@nats-io/transport-node';
import { createRelay, openTransport, toCloudEvent } from '@ruralkit/relay';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { connect as amqpConnect } from 'amqplib';

const EVENTS = Number(process.argv[2] ?? 5000);
const BATCH = 100;
const INSTANCES = 50;
const ROUNDS = 3;
const tenant = `bench${process.pid}`;
const line = (o) => console.log(`BENCH ${JSON.stringify(o)}`);
const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-relay-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let stores = 0;

/** A fresh SQLite store holding `EVENTS` undelivered domain events over `INSTANCES` instances. */
async function filledStore() {
  stores += 1;
  const store = openSqliteStore(join(dir, `bench-${stores}.db`));
  for (let n = 0; n < EVENTS / INSTANCES; n += 1) {
    await store.record({
      audit: [],
      outbox: Array.from({ length: INSTANCES }, (_, i) => ({
        type: 'transitioned',
        instanceId: `bench-${i}`,
        workflow: 'poverty-monitoring',
        tenant,
        subject: { township: 'nianyushan', village: 'liuyang', household: `hh-${i}` },
        at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
        data: { event: 'RECORD_INCOME', from: 'assisting', to: 'assisting', n },
      })),
    });
  }
  return store;
}

/** Events per second of the relay delivering a filled store to `url`. */
async function relayRate(url, options) {
  const store = await filledStore();
  const transport = await openTransport(url, options);
  await transport.send([toCloudEvent((await store.pendingOutbox(1))[0])]); // connect first
  const relay = createRelay({ store, transport, batch: BATCH });
  const start = process.hrtime.bigint();
  const count = await relay.deliverPending();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await transport.close();
  await store.close();
  if (count !== EVENTS) throw new Error(`the relay delivered ${count} of ${EVENTS}`);
  return EVENTS / seconds;
}

/** The same messages, as the relay would send them, in outbox order. */
async function messages() {
  const store = await filledStore();
  const list = (await store.pendingOutbox(EVENTS)).map(toCloudEvent);
  await store.close();
  return list;
}

async function amqpFloor(url, exchange, list) {
  const connection = await amqpConnect(url);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const start = process.hrtime.bigint();
  for (let i = 0; i < list.length; i += BATCH) {
    for (const m of list.slice(i, i + BATCH)) {
      channel.publish(exchange, m.route.join('.'), Buffer.from(m.body), { persistent: true, messageId: m.id });
    }
    await channel.waitForConfirms();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await connection.close();
  return list.length / seconds;
}

async function natsFloor(url, list) {
  const u = new URL(url);
  const connection = await natsConnect({ servers: `${u.hostname}:${u.port || 4222}` });
  const js = jetstream(connection);
  const start = process.hrtime.bigint();
  for (let i = 0; i < list.length; i += BATCH) {
    await Promise.all(
      list
        .slice(i, i + BATCH)
        .map((m) => js.publish(`ruralkit.${m.route.join('.')}`, m.body, { msgID: `floor-${m.id}` })),
    );
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await connection.close();
  return list.length / seconds;
}

const best = async (fn) => {
  let max = 0;
  for (let r = 0; r < ROUNDS; r += 1) max = Math.max(max, await fn(r));
  return max;
};

function compare(name, relayPerSecond, floorPerSecond, impl) {
  const ratio = Math.round((relayPerSecond / floorPerSecond) * 100) / 100;
  line({ name: `${name}-floor`, impl, eventsPerSecond: Math.round(floorPerSecond), events: EVENTS, ratio: 1 });
  line({
    name,
    impl: 'ruralkit-relay+store-sqlite',
    eventsPerSecond: Math.round(relayPerSecond),
    events: EVENTS,
    ratio,
    target: 0.5,
    withinTarget: ratio >= 0.5,
  });
}

const [load] = loadavg();
if (load > 1) console.log(`NOTE: load average ${load.toFixed(2)} > 1: not measured at rest`);
const list = await messages();

if (!process.env.AMQP_URL) console.log('NOTE: AMQP_URL is not set: the RabbitMQ measurements are skipped');
else {
  const url = process.env.AMQP_URL;
  const exchange = `ruralkit-bench-${process.pid}`;
  const setup = await amqpConnect(url);
  const channel = await setup.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  await channel.assertQueue(exchange, { durable: true });
  await channel.bindQueue(exchange, exchange, '#');
  try {
    const floor = await best(() => amqpFloor(url, exchange, list));
    const relay = await best(() => relayRate(url, { exchange }));
    compare('relay-rabbitmq', relay, floor, 'amqplib-confirm-channel');
  } finally {
    await channel.deleteQueue(exchange);
    await channel.deleteExchange(exchange);
    await setup.close();
  }
}

if (!process.env.NATS_URL) console.log('NOTE: NATS_URL is not set: the NATS measurements are skipped');
else {
  const url = process.env.NATS_URL;
  const u = new URL(url);
  const connection = await natsConnect({ servers: `${u.hostname}:${u.port || 4222}` });
  const manager = await jetstreamManager(connection);
  // the relay creates its stream over ruralkit.> when missing: make sure one exists
  await manager.streams
    .info('RURALKIT')
    .catch(() => manager.streams.add({ name: 'RURALKIT', subjects: ['ruralkit.>'] }));
  try {
    const floor = await best(() => natsFloor(url, list));
    const relay = await best(() => relayRate(url));
    compare('relay-nats', relay, floor, 'nats-jetstream-publish');
  } finally {
    await manager.streams.purge('RURALKIT', { filter: `ruralkit.${tenant}.>` }).catch(() => undefined);
    await connection.close();
  }
}
