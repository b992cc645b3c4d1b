// The relay against this machine's real RabbitMQ and NATS JetStream (AMQP_URL, NATS_URL):
// the exchange or stream layout, persistence and the ids consumers de-duplicate by.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as amqpConnect } from 'amqplib';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect as natsConnect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { createRelay, openTransport } from '../src/index.js';
import { brokerUrl, commitEvents, deliveryReport, ownTenant, type Received, waitFor, withRabbitMq } from './support.js';

const amqp = brokerUrl('AMQP_URL');
const nats = brokerUrl('NATS_URL');

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

function store() {
  const s = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-relay-')), 'workflows.db'));
  cleanup.push(() => s.close());
  return s;
}

describe.skipIf(amqp.skip)('relay to RabbitMQ', () => {
  it('publishes persistent CloudEvents to the topic exchange under <tenant>.<workflow>.<event>, confirmed', () =>
    withRabbitMq(async () => {
      const tenant = ownTenant('amqp');
      const exchange = `ruralkit-test-${tenant}`;
      const connection = await amqpConnect(amqp.url!);
      cleanup.push(() => connection.close());
      const channel = await connection.createChannel();
      await channel.assertExchange(exchange, 'topic', { durable: true });
      cleanup.push(() => channel.deleteExchange(exchange));
      const { queue } = await channel.assertQueue('', { exclusive: true });
      await channel.bindQueue(queue, exchange, `${tenant}.poverty-monitoring.*`);
      const got: { key: string; persistent: boolean; messageId: string; event: Received }[] = [];
      await channel.consume(queue, (m) => {
        if (!m) return;
        got.push({
          key: m.fields.routingKey,
          persistent: m.properties.deliveryMode === 2,
          messageId: m.properties.messageId as string,
          event: JSON.parse(m.content.toString('utf8')) as Received,
        });
      });

      const s = store();
      const count = await commitEvents(s, ['a', 'b'], 5, tenant);
      const transport = await openTransport(amqp.url!, { exchange });
      cleanup.push(() => transport.close());
      expect(transport.destination).not.toContain('guest:guest');
      await createRelay({ store: s, transport, batch: 4 }).deliverPending();
      await waitFor(() => got.length >= count);
      expect(deliveryReport(got.map((g) => g.event))).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
      expect(new Set(got.map((g) => g.key))).toEqual(new Set([`${tenant}.poverty-monitoring.transitioned`]));
      expect(got.every((g) => g.persistent && g.messageId === g.event.id)).toBe(true);
      expect(await s.outboxStatus()).toMatchObject({ pending: 0, position: count });
    }));
});

describe.skipIf(nats.skip)('relay to NATS JetStream', () => {
  it('publishes to ruralkit.<tenant>.<workflow>.<event> with Nats-Msg-Id; a replay is de-duplicated by the server', async () => {
    const tenant = ownTenant('nats');
    const s = store();
    // Instances of this run alone: the server drops a Nats-Msg-Id it saw in the last two minutes,
    // and a store of another run numbers its events from 1 too (real instance ids are random).
    const count = await commitEvents(s, [`${tenant}-a`, `${tenant}-b`], 5, tenant);
    const transport = await openTransport(nats.url!);
    cleanup.push(() => transport.close());
    const relay = createRelay({ store: s, transport, batch: 4 });
    await relay.deliverPending();
    expect(await s.replayOutbox(1)).toBe(count);
    await relay.deliverPending(); // the same ids again, within the duplicate window

    const url = new URL(nats.url!);
    const connection = await natsConnect({ servers: `${url.hostname}:${url.port}` });
    cleanup.push(() => connection.close());
    const subject = `ruralkit.${tenant}.poverty-monitoring.transitioned`;
    const info = await (await jetstreamManager(connection)).streams.info('RURALKIT', { subjects_filter: subject });
    expect(info.state.subjects).toEqual({ [subject]: count });
    const consumer = await jetstream(connection).consumers.get('RURALKIT', { filter_subjects: subject });
    const got: Received[] = [];
    const ids: string[] = [];
    for await (const m of await consumer.fetch({ max_messages: count, expires: 3000 })) {
      got.push(m.json<Received>());
      ids.push(m.headers?.get('Nats-Msg-Id') ?? '');
      if (got.length === count) break;
    }
    expect(deliveryReport(got)).toEqual({ distinct: count, duplicates: 0, outOfOrder: [] });
    expect(ids).toEqual(got.map((e) => e.id));
  });
});
