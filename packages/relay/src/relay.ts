/**
 * The relay (事件转发): delivers the outbox's domain events to one destination, at least once
 * and in order per instance. It claims a batch with its lease (relays sharing a store never
 * hold events of one instance at once), sends it, marks what was delivered and records dead
 * letters; a batch that fails is given back and tried again after a backoff. `run` keeps going
 * as events commit: woken by the store where it announces commits, and polling as well.
 */
import { randomUUID } from 'node:crypto';
import type { Lease, WorkflowStore } from '@ruralkit/core';
import { toCloudEvent } from './cloud-event.js';
import type { Transport } from './transport.js';

export interface RelayOptions {
  store: WorkflowStore;
  transport: Transport;
  /** Who claims, and for how long: longer than a batch can take (default 120 s). */
  lease?: Partial<Lease>;
  /** Events claimed at once (default 100, at most the transport's `maxBatch`). */
  batch?: number;
  /** How often to look for events when not woken, in milliseconds (default 1000). */
  pollMs?: number;
}

/** What the relay did since it started: for `/metrics` and logs. */
export interface RelayStats {
  delivered: number;
  deadLettered: number;
  /** The same two counts per tenant. */
  tenants: Map<string, { delivered: number; deadLettered: number }>;
  /** Batches that failed and were given back. */
  failures: number;
  lastError?: string;
}

export interface Relay {
  readonly stats: RelayStats;
  /** Deliver what is pending now; resolves to how many events were delivered or dead-lettered. */
  deliverPending(): Promise<number>;
  /** Deliver until `signal` aborts, waking as events commit. */
  run(signal: AbortSignal): Promise<void>;
}

export function createRelay(options: RelayOptions): Relay {
  const { store, transport } = options;
  const lease: Lease = { owner: options.lease?.owner ?? `relay-${randomUUID()}`, ms: options.lease?.ms ?? 120_000 };
  const size = Math.min(options.batch ?? 100, transport.maxBatch ?? Infinity);
  const stats: RelayStats = { delivered: 0, deadLettered: 0, failures: 0, tenants: new Map() };
  /** Count one settled event of `tenant`. */
  const count = (tenant: string, outcome: 'delivered' | 'deadLettered') => {
    stats[outcome] += 1;
    let of = stats.tenants.get(tenant);
    if (!of) stats.tenants.set(tenant, (of = { delivered: 0, deadLettered: 0 }));
    of[outcome] += 1;
  };

  /** One batch: claimed, sent, settled. Resolves to how many events it settled. */
  async function deliverBatch(): Promise<number> {
    const batch = await store.claimOutbox(lease, size);
    if (batch.length === 0) return 0;
    let outcomes;
    try {
      outcomes = await transport.send(batch.map(toCloudEvent));
    } catch (error) {
      stats.failures += 1;
      stats.lastError = (error as Error).message;
      await store.releaseOutbox(batch.map((e) => e.id));
      throw error;
    }
    const delivered: number[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const { id, tenant } = batch[i]!;
      if (outcome.delivered) delivered.push(id);
      else {
        await store.deadLetterOutbox({
          outboxId: id,
          destination: transport.destination,
          attempts: outcome.attempts,
          error: outcome.error,
        });
        count(tenant, 'deadLettered');
        stats.lastError = outcome.error;
      }
    }
    await store.markDelivered(delivered);
    for (const [i, outcome] of outcomes.entries()) if (outcome.delivered) count(batch[i]!.tenant, 'delivered');
    return batch.length;
  }

  async function deliverPending(): Promise<number> {
    let settled = 0;
    for (;;) {
      const count = await deliverBatch();
      if (count === 0) return settled;
      settled += count;
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    let wake: (() => void) | undefined;
    let woken = false;
    let retry = 0;
    // a commit wakes the relay, except while it waits out a failure
    const unwatch = store.watchOutbox?.(() => {
      woken = true;
      if (retry === 0) wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        woken = false;
        let pause = options.pollMs ?? 1000;
        try {
          await deliverPending();
          retry = 0;
        } catch {
          retry += 1;
          pause = Math.min(30_000, 250 * 2 ** Math.min(retry, 7));
        }
        if (signal.aborted || (woken && retry === 0)) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      unwatch?.();
    }
  }

  return { stats, deliverPending, run };
}
