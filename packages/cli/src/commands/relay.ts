/**
 * `ruralkit relay`: domain events out (领域事件外发). `relay STORE --to URL` delivers the
 * outbox's events to RabbitMQ (`amqp://`), NATS JetStream (`nats://`) or a signed webhook
 * (`https://`; `http://` on loopback) and, without `--once`, keeps delivering as events commit
 * until stopped. `relay status STORE` shows where delivery stands and the dead letters;
 * `relay replay STORE --from N` delivers again from outbox position N. STORE is `--db FILE` or
 * `--database-url URL` [`--schema NAME`], as for `workflow`.
 */
import { RuralkitError, type WorkflowStore } from '@ruralkit/core';
import { parseOptions, secondsOption, UsageError, type Command, type Io } from '../io.js';
import { cliMessage, inBoth, label } from '../locales/index.js';
import { loadOptional } from '../optional.js';
import { checkStoreOptions, openWorkflowStore, storeOptions } from '../workflow-store.js';

const NAME = 'ruralkit relay';

/** The relay package: `relay`. */
const loadRelay = () =>
  loadOptional('@ruralkit/relay', cliMessage('needed-for.relay', {}), () => import('@ruralkit/relay'));

/** Open the transport to `url` (a webhook's secret from RURALKIT_WEBHOOK_SECRET); a bad URL is a usage error. */
async function openTransport(command: string, url: string, options: { exchange?: string; stream?: string } = {}) {
  const secret = process.env.RURALKIT_WEBHOOK_SECRET;
  return (await loadRelay()).openTransport(url, { ...options, ...(secret ? { secret } : {}) }).catch((error: Error) => {
    if (!(error instanceof RuralkitError)) throw error;
    throw new UsageError(command, cliMessage('usage.passed-on', error.text));
  });
}

/**
 * A relay running inside another command (`serve --relay URL`) until `stop`, and its figures
 * for `/metrics`.
 */
export async function startRelay(command: string, url: string, store: WorkflowStore) {
  const relay = await loadRelay();
  const transport = await openTransport(command, url);
  const running = relay.createRelay({ store, transport });
  const controller = new AbortController();
  const done = running.run(controller.signal);
  return {
    destination: transport.destination,
    metrics: (tenant: string) => relay.relayMetrics(store, running.stats, tenant),
    async stop() {
      controller.abort();
      await done;
      await transport.close();
    },
  };
}

/** Where delivery stands, one fact a line, then the dead letters. */
async function status(store: WorkflowStore, io: Io): Promise<void> {
  const s = await store.outboxStatus();
  io.stdout(
    `${label('relay.delivered-through')}: ${s.position} (last ${s.last})\n` +
      `${label('relay.pending')}: ${s.pending} (claimed ${s.claimed})\n` +
      `${label('relay.dead-letters')}: ${s.deadLetters}\n`,
  );
  for (const l of await store.deadLetters(20)) {
    io.stdout(`  #${l.outboxId} ${l.at} ${l.destination} (${l.attempts} tries): ${l.error}\n`);
  }
}

export const relayCommand: Command = {
  summary: '把领域事件投递到 RabbitMQ、NATS 或 Webhook / deliver domain events to RabbitMQ, NATS or webhooks',
  usage: `ruralkit relay STORE --to URL [--once] [--exchange NAME] [--stream NAME]
  ruralkit relay status STORE
  ruralkit relay replay STORE --from N
  (STORE: --db FILE | --database-url URL [--schema NAME])`,
  options: `  --db        the SQLite workflow database (must exist)
  --database-url  the PostgreSQL store instead (--schema: its schema)
  --to        amqp://USER:PASS@HOST:PORT, nats://HOST:PORT, or https://… (a webhook; http:// on
              loopback only); a webhook's signing secret (whsec_…) comes from RURALKIT_WEBHOOK_SECRET
  --once      deliver what is pending, then stop (default: keep delivering until stopped)
  --exchange  RabbitMQ: the topic exchange (default ruralkit)
  --stream    NATS: the JetStream stream (default RURALKIT)
  --lease     seconds a relay's claim holds: after a relay dies, its events go out again that much later (default 120)
  --from      replay: deliver again from this outbox position on`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      ...storeOptions,
      to: { type: 'string' },
      once: { type: 'boolean' },
      exchange: { type: 'string' },
      stream: { type: 'string' },
      from: { type: 'string' },
      lease: { type: 'string' },
    });
    const [first, second] = positionals;
    const action = first === 'status' || first === 'replay' ? first : 'deliver';
    const stray = action === 'deliver' ? first : second;
    if (stray !== undefined) throw new UsageError(NAME, cliMessage('usage.unexpected-argument', { argument: stray }));
    const command = action === 'deliver' ? NAME : `${NAME} ${action}`;
    const from = values.from as string | undefined;
    if (action === 'replay' && !/^[1-9]\d{0,15}$/.test(from ?? '')) {
      throw new UsageError(command, cliMessage('relay.replay-from', { value: from ?? '' }));
    }
    const lease = secondsOption(command, 'lease', values.lease);
    const to = values.to as string | undefined;
    if (action === 'deliver' && !to) {
      throw new UsageError(command, cliMessage('relay.to-required', {}));
    }
    const relay = action === 'deliver' ? await loadRelay() : undefined;
    const use = { action: 'relay', create: false };
    checkStoreOptions(command, values, use);
    const transport = relay
      ? await openTransport(command, to!, {
          ...(values.exchange ? { exchange: values.exchange as string } : {}),
          ...(values.stream ? { stream: values.stream as string } : {}),
        })
      : undefined;
    const store = await openWorkflowStore(command, values, use, io);
    try {
      if (action === 'status') return (await status(store, io), 0);
      if (action === 'replay') {
        const count = await store.replayOutbox(Number(from));
        io.stdout(`${label('relay.queued-again')}: ${count}\n`);
        return 0;
      }
      const running = relay!.createRelay({
        store,
        transport: transport!,
        ...(lease ? { lease: { ms: lease * 1000 } } : {}),
      });
      if (values.once) {
        await running.deliverPending().catch((error: Error) => {
          const problem = { destination: transport!.destination, problem: error.message };
          io.stderr(`${inBoth(cliMessage('relay.cannot-deliver', problem))}\n`);
        });
      } else {
        io.stderr(`relay → ${transport!.destination}\n`);
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await running.run(controller.signal);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      const { delivered, deadLettered, failures } = running.stats;
      io.stdout(
        `${label('relay.delivered')}: ${delivered}；${label('relay.dead-letters')}: ${deadLettered}；${label('relay.failed-batches')}: ${failures}\n`,
      );
      return failures > 0 && values.once ? 1 : 0;
    } finally {
      await transport?.close();
      await store.close();
    }
  },
};
