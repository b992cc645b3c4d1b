/**
 * RabbitMQ (amqplib): each event to a topic exchange (durable, `ruralkit` by default) with the
 * routing key `<tenant>.<workflow type>.<event>`, persistent, under publisher confirms. A batch
 * counts as delivered once the broker has confirmed all of it; a lost connection is opened
 * again at the next batch.
 */
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { withoutCredentials, type Transport, type TransportOptions } from './transport.js';

interface Connected {
  connection: ChannelModel;
  channel: ConfirmChannel;
}

export function amqpTransport(url: URL, options: TransportOptions): Transport {
  const exchange = options.exchange ?? url.searchParams.get('exchange') ?? 'ruralkit';
  const address = new URL(url.href);
  address.searchParams.delete('exchange');
  let open: Promise<Connected> | undefined;

  /** Forget `attempt` (its connection failed or closed) and close what is left of it. */
  const drop = (attempt: Promise<Connected>) => {
    if (open === attempt) open = undefined;
    void attempt.then(({ connection }) => connection.close()).catch(() => undefined);
  };

  async function connectOnce(): Promise<Connected> {
    const connection = await connect(address.href);
    connection.on('error', () => undefined); // 'close' follows
    const channel = await connection.createConfirmChannel();
    channel.on('error', () => undefined);
    await channel.assertExchange(exchange, 'topic', { durable: true });
    return { connection, channel };
  }

  function connected(): Promise<Connected> {
    if (open) return open;
    const attempt = connectOnce();
    open = attempt;
    attempt.then(
      ({ connection }) => connection.on('close', () => drop(attempt)),
      () => drop(attempt),
    );
    return attempt;
  }

  return {
    destination: withoutCredentials(url),
    async send(events) {
      const attempt = connected();
      try {
        const { channel } = await attempt;
        for (const event of events) {
          const ready = channel.publish(exchange, event.route.join('.'), Buffer.from(event.body), {
            persistent: true,
            messageId: event.id,
            contentType: 'application/cloudevents+json; charset=utf-8',
          });
          if (!ready) await new Promise((resolve) => channel.once('drain', resolve));
        }
        await channel.waitForConfirms();
      } catch (error) {
        drop(attempt);
        throw error;
      }
      return events.map(() => ({ delivered: true as const }));
    },
    async close() {
      const was = open;
      open = undefined;
      await was?.then(({ connection }) => connection.close()).catch(() => undefined);
    },
  };
}
