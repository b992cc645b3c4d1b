/**
 * The deliver step (投递): hands committed domain events from the outbox to subscribers, at
 * least once. Events are claimed with the runtime's lease, so processes sharing a store never
 * hand out one event at once; a store that announces commits (`watchOutbox`) wakes delivery.
 */
import type { Lease, Outbox } from './store.js';
import type { DomainEvent, InstanceRecord, OutboxEntry } from './types.js';

export type DomainEventHandler = (event: OutboxEntry) => void | Promise<void>;

/** The one domain event builder: what happened to an instance, for the outbox of its commit. */
export function domainEvent(
  record: InstanceRecord,
  type: string,
  at: string,
  data: Record<string, unknown>,
): DomainEvent {
  return {
    type,
    instanceId: record.id,
    workflow: record.type,
    tenant: record.tenant,
    subject: record.subject,
    at,
    data,
  };
}

export interface Delivery {
  subscribe(handler: DomainEventHandler): () => void;
  /** Deliver now, or once more after the delivery under way: a wake-up is never lost. */
  deliverSoon(): Promise<number>;
}

export function createDelivery(store: Outbox, lease: Lease): Delivery {
  const handlers = new Set<DomainEventHandler>();
  let delivering: Promise<number> | undefined;
  let again = false;
  let unwatch: (() => void) | undefined;

  /**
   * Deliver claimed domain events to the subscribers until none is left. Events delivered are
   * marked; when a handler fails, the rest of the batch is given back for another try.
   */
  async function deliver(): Promise<number> {
    if (handlers.size === 0) return 0;
    let delivered = 0;
    for (;;) {
      const batch = await store.claimOutbox(lease, 100);
      if (batch.length === 0) return delivered;
      const done: number[] = [];
      try {
        for (const event of batch) {
          for (const handler of handlers) await handler(event);
          done.push(event.id);
        }
      } finally {
        await store.markDelivered(done);
        const left = batch.filter((e) => !done.includes(e.id)).map((e) => e.id);
        if (left.length) await store.releaseOutbox(left);
      }
      delivered += done.length;
    }
  }

  function deliverSoon(): Promise<number> {
    if (delivering) {
      again = true;
      return delivering;
    }
    delivering = deliver()
      .catch(() => 0)
      .then(async (count) => {
        delivering = undefined;
        if (!again) return count;
        again = false;
        return count + (await deliverSoon());
      });
    return delivering;
  }

  return {
    subscribe(handler) {
      handlers.add(handler);
      unwatch ??= store.watchOutbox?.(() => void deliverSoon());
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) {
          unwatch?.();
          unwatch = undefined;
        }
      };
    },
    deliverSoon,
  };
}
