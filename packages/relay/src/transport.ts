/**
 * A destination of domain events (投递目标): RabbitMQ, NATS JetStream or an HTTP webhook, chosen
 * by the URL's scheme. A transport sends a batch in order and says, per event, whether it was
 * delivered or given up after its last try; a failure that a later try may mend (the broker is
 * down) rejects, and the whole batch is tried again later.
 */
import { RuralkitError, type Message } from '@ruralkit/core';
import { relayMessage, said } from './locales/index.js';
import type { Outgoing } from './cloud-event.js';

/** What became of one event of a batch. */
export type Outcome = { delivered: true } | { delivered: false; attempts: number; error: string };

export interface Transport {
  /** The destination, without credentials: for dead letters, status and logs. */
  readonly destination: string;
  /**
   * The most events one batch may hold, when the transport's tries can take long (a webhook's
   * retries): a batch must be sent within the relay's lease.
   */
  readonly maxBatch?: number;
  send(events: readonly Outgoing[]): Promise<Outcome[]>;
  close(): Promise<void>;
}

/** Options of the transports; each takes what it needs. */
export interface TransportOptions {
  /** RabbitMQ: the topic exchange (default `ruralkit`, or `?exchange=` in the URL). */
  exchange?: string;
  /** NATS: the JetStream stream (default `RURALKIT`, or `?stream=` in the URL). */
  stream?: string;
  /** Webhook: the subscription's signing secret (`whsec_…`, base64). */
  secret?: string;
  /** Webhook: tries per event before a dead letter (default 5). */
  attempts?: number;
  /** Webhook: the first retry's delay in milliseconds, doubled each time, with jitter (default 500). */
  backoffMs?: number;
  /** Webhook: how long one request may take, in milliseconds (default 5000). */
  timeoutMs?: number;
}

/** A URL without its user and password. */
export function withoutCredentials(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

/** A destination or secret the relay cannot use; its text said from `what`, a relay message. */
export class RelayError extends RuralkitError {
  override readonly name = 'RelayError';
  constructor(
    code: string,
    readonly what: Message,
  ) {
    super(code, said(what));
  }
}

/** Parse a destination URL, or a `RelayError` naming what is wrong with it. */
export function destinationUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RelayError('relay-destination', relayMessage('destination.not-a-url', { destination: text }));
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const ok = ['amqp:', 'amqps:', 'nats:', 'https:'].includes(url.protocol) || (url.protocol === 'http:' && loopback);
  if (!ok) {
    const destination = withoutCredentials(url);
    throw new RelayError('relay-destination', relayMessage('destination.scheme', { destination }));
  }
  return url;
}

/** Open the transport a destination URL names. */
export async function openTransport(text: string, options: TransportOptions = {}): Promise<Transport> {
  const url = destinationUrl(text);
  if (url.protocol === 'amqp:' || url.protocol === 'amqps:') {
    return (await import('./amqp.js')).amqpTransport(url, options);
  }
  if (url.protocol === 'nats:') return (await import('./nats.js')).natsTransport(url, options);
  return (await import('./webhook.js')).webhookTransport(url, options);
}
