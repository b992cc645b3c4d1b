// Helpers of the relay tests: brokers from the environment, a webhook receiver on a real
// socket that checks signatures, domain events to relay, and the check of what arrived.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DomainEvent, WorkflowStore } from '@ruralkit/core';
import { Webhook } from 'standardwebhooks';

/**
 * A broker's URL from the environment, or why its tests are skipped. With CI=true a missing
 * variable fails: CI starts the brokers.
 */
export function brokerUrl(variable: 'AMQP_URL' | 'NATS_URL'): { url?: string; skip?: string } {
  const url = process.env[variable];
  if (url) return { url };
  if (process.env.CI === 'true') throw new Error(`${variable} is not set: CI must start the broker and set it`);
  const skip = `${variable} is not set: broker tests skipped (CI sets it)`;
  console.warn(`NOTE: ${skip}`);
  return { skip };
}

export const SECRET = `whsec_${Buffer.from('ruralkit relay test secret 32 b!').toString('base64')}`;

/** A CloudEvent as received. */
export interface Received {
  id: string;
  type: string;
  subject: string;
  source: string;
  time: string;
  specversion: string;
  data: Record<string, unknown>;
}

/**
 * A webhook receiver: verifies each request's signature (refusing a bad one with 401) and
 * answers with what `answer` says for it: a status, or `'hang'` (never answers).
 */
export async function webhookReceiver(answer: (n: number, event: Received) => number | 'hang' = () => 204) {
  const received: Received[] = [];
  const verifier = new Webhook(SECRET);
  let requests = 0;
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let event: Received;
      try {
        event = verifier.verify(body, req.headers as Record<string, string>) as Received;
      } catch {
        res.writeHead(401).end();
        return;
      }
      requests += 1;
      const reply = answer(requests, event);
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      if (reply < 300) received.push(event);
      res.writeHead(reply).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ruralkit`,
    received,
    requests: () => requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A domain event of `instance`, numbered `n` in its `data`. */
export function event(
  instance: string,
  n: number,
  data: Record<string, unknown> = {},
  tenant = 'changjiang',
): DomainEvent {
  return {
    type: 'transitioned',
    instanceId: instance,
    workflow: 'poverty-monitoring',
    tenant,
    subject: { township: 'nianyushan', village: 'liuyang', household: `hh-${instance}` },
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    data: { n, ...data },
  };
}

/** Commit `perInstance` events for each of `instances` (of `tenant`), interleaved, one commit per round. */
export async function commitEvents(
  store: WorkflowStore,
  instances: string[],
  perInstance: number,
  tenant?: string,
): Promise<number> {
  for (let n = 1; n <= perInstance; n += 1) {
    await store.record({ audit: [], outbox: instances.map((i) => event(i, n, {}, tenant)) });
  }
  return instances.length * perInstance;
}

/**
 * What arrived, against what was committed: events never seen, duplicates (seen more than once),
 * and instances whose events were first seen out of order.
 */
export function deliveryReport(received: readonly { id: string; subject: string; data: Record<string, unknown> }[]) {
  const seen = new Set<string>();
  let duplicates = 0;
  const lastN = new Map<string, number>();
  const outOfOrder = new Set<string>();
  for (const e of received) {
    if (seen.has(e.id)) {
      duplicates += 1;
      continue;
    }
    seen.add(e.id);
    const n = e.data.n as number;
    if ((lastN.get(e.subject) ?? 0) + 1 !== n) outOfOrder.add(e.subject);
    lastN.set(e.subject, n);
  }
  return { distinct: seen.size, duplicates, outOfOrder: [...outOfOrder] };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until `done` holds, up to `ms`. */
export async function waitFor(done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`not done within ${ms} ms`);
    await sleep(50);
  }
}

/** A tenant of its own for one test, so its routing keys and subjects are its own. */
export const ownTenant = (label: string) => `t${label}${process.pid}${Math.floor(Math.random() * 1e6)}`;

/**
 * Run `work` holding this machine's RabbitMQ alone among the relay's test files (they run in
 * parallel): the fault test stops and starts the broker, which the others must not meet. A lock
 * left by a killed run lapses after two minutes.
 */
export async function withRabbitMq<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'ruralkit-relay-tests-rabbitmq.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
