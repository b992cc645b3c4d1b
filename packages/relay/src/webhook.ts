/**
 * HTTP webhooks signed per the Standard Webhooks specification: each event is POSTed with
 * `webhook-id` (the event's id), `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 with
 * the subscription's secret). A try that fails (no answer in time, or not a 2xx) is retried
 * with exponential backoff and jitter; after the last try the event becomes a dead letter.
 * Events go one at a time, in order.
 */
import { Webhook } from 'standardwebhooks';
import { relayMessage } from './locales/index.js';
import { RelayError, withoutCredentials, type Outcome, type Transport, type TransportOptions } from './transport.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The delay before retry `n` (1, 2, …): `base · 2^(n-1)`, between half and all of it. */
export function backoff(base: number, n: number): number {
  const full = base * 2 ** (n - 1);
  return full / 2 + Math.random() * (full / 2);
}

export function webhookTransport(url: URL, options: TransportOptions): Transport {
  if (!options.secret) {
    throw new RelayError('relay-webhook-secret', relayMessage('webhook.secret-required', {}));
  }
  let signer: Webhook;
  try {
    signer = new Webhook(options.secret);
  } catch {
    throw new RelayError('relay-webhook-secret', relayMessage('webhook.secret-invalid', {}));
  }
  const attempts = options.attempts ?? 5;
  const base = options.backoffMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 5000;

  /** One try: resolves to nothing when the receiver took it, else to why not. */
  async function post(id: string, body: string): Promise<string | undefined> {
    const now = new Date();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signer.sign(id, now, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const { name } = error as Error;
      return name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `request failed: ${(error as Error).message}`;
    }
  }

  return {
    destination: withoutCredentials(url),
    // one event a batch: its tries (up to attempts × timeout plus the backoff) stay within a lease
    maxBatch: 1,
    async send(events) {
      const outcomes: Outcome[] = [];
      for (const event of events) {
        let error: string | undefined;
        for (let n = 1; n <= attempts; n += 1) {
          if (n > 1) await sleep(backoff(base, n - 1));
          error = await post(event.id, event.body);
          if (error === undefined) break;
        }
        outcomes.push(error === undefined ? { delivered: true } : { delivered: false, attempts, error });
      }
      return outcomes;
    },
    async close() {},
  };
}
