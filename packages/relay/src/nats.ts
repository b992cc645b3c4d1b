/**
 * NATS JetStream: each event to the subject `ruralkit.<tenant>.<workflow type>.<event>` of a
 * stream (`RURALKIT` by default, created over `ruralkit.>` when missing), with `Nats-Msg-Id` set
 * to the event's id so the server drops a redelivery within its duplicate window. A batch is
 * published in order on one connection and counts as delivered once every publish is acked.
 */
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { withoutCredentials, type Transport, type TransportOptions } from './transport.js';

export function natsTransport(url: URL, options: TransportOptions): Transport {
  const stream = options.stream ?? url.searchParams.get('stream') ?? 'RURALKIT';
  let open: Promise<{ connection: NatsConnection; js: JetStreamClient }> | undefined;

  async function connectOnce() {
    const connection = await connect({
      servers: `${url.hostname}:${url.port || 4222}`,
      ...(url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    const manager = await jetstreamManager(connection);
    await manager.streams.info(stream).catch(async () => {
      await manager.streams.add({ name: stream, subjects: ['ruralkit.>'] });
    });
    return { connection, js: jetstream(connection) };
  }

  return {
    destination: withoutCredentials(url),
    async send(events) {
      const opened = (open ??= connectOnce());
      try {
        const { js } = await opened;
        const acks = events.map((event) =>
          js.publish(`ruralkit.${event.route.join('.')}`, event.body, { msgID: event.id, timeout: 5000 }),
        );
        await Promise.all(acks);
      } catch (error) {
        if (open === opened) open = undefined;
        void opened.then(({ connection }) => connection.close()).catch(() => undefined);
        throw error;
      }
      return events.map(() => ({ delivered: true as const }));
    },
    async close() {
      const was = open;
      open = undefined;
      await was?.then(({ connection }) => connection.drain()).catch(() => undefined);
    },
  };
}
