/**
 * The ticker (到期定时器): fires passed deadlines on a schedule, without anyone calling `tick`.
 * Each beat it visits the tenants with a deadline due (or only the tenants it is given) and the
 * tenants it holds, takes or renews each tenant's ticker lease in the store, and fires the
 * deadlines of those it holds, a batch at a time. Across every process sharing a store, one
 * ticker per tenant fires: the holder keeps the lease while it beats, and another takes it over
 * once the holder stops (and gives it up) or dies (and the lease runs out). The maintenance's claim on
 * each instance still guards every deadline: two tickers never fire one twice.
 */
import { randomUUID } from 'node:crypto';
import { RuralkitError } from '../model/errors.js';
import { systemClock, type Clock } from './calendar.js';
import type { Maintenance } from './maintenance.js';
import type { InstanceStore, Lease } from './store.js';
import type { OverdueNotice } from './tick.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

export interface TickerOptions {
  /** The maintenance that fires the deadlines (its audit key signs the `overdue` entries). */
  maintenance: Pick<Maintenance, 'tick' | 'tenant'>;
  /** The maintenance's store: the ticker leases and the due tenants are kept there. */
  store: InstanceStore;
  /** The maintenance's clock: which deadlines have passed (default: the system's). */
  clock?: Clock;
  /** Milliseconds between beats (default 60 000). */
  everyMs?: number;
  /** Fire only these tenants' deadlines (default: the maintenance's tenant, else every tenant's). */
  tenants?: readonly string[];
  /** Who holds the tenants' leases (default: a random owner), and how long a lease lasts without a beat (default three beats). */
  lease?: Partial<Lease>;
  /** Hears each batch of deadlines fired, with its tenant. */
  onFired?: (tenant: string, fired: OverdueNotice[]) => void;
  /** Hears a failure, with its tenant when it was one tenant's; the next beat comes on schedule. */
  onError?: (error: unknown, tenant?: string) => void;
}

/** What the ticker did since it started: for `/metrics` and logs. */
export interface TickerStats {
  beats: number;
  /** When the last beat finished (ISO timestamp of the system clock). */
  lastBeatAt?: string;
  /** Deadlines this ticker marked overdue, by tenant. */
  fired: Map<string, number>;
  /** Beats (or one tenant's part of a beat) that failed. */
  failures: number;
  /** The tenants whose lease this ticker held at its last beat. */
  holding: Set<string>;
}

export interface Ticker {
  readonly stats: TickerStats;
  /** One beat now, after a beat in progress; resolves to the deadlines it fired. */
  beat(): Promise<OverdueNotice[]>;
  /** Beat every `everyMs` until `signal` aborts; then finish the beat in progress and give up the leases. */
  run(signal: AbortSignal): Promise<void>;
  /** Give up the leases held, so another ticker takes the tenants at once. */
  release(): Promise<void>;
}

/** A ticker over `maintenance` and its store. */
export function createTicker(options: TickerOptions): Ticker {
  const { maintenance, store } = options;
  const clock = options.clock ?? systemClock;
  const everyMs = options.everyMs ?? 60_000;
  const lease: Lease = {
    owner: options.lease?.owner ?? `ticker-${randomUUID()}`,
    ms: options.lease?.ms ?? 3 * everyMs,
  };
  for (const [name, value] of [
    ['everyMs', everyMs],
    ['lease.ms', lease.ms],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RuralkitError('invalid-ticker', workflowText(workflowMessage('ticker.invalid-ms', { name, value })));
    }
  }
  const tenants = options.tenants ?? (maintenance.tenant === undefined ? undefined : [maintenance.tenant]);
  const only = tenants && new Set(tenants);
  const onError = options.onError ?? (() => undefined);
  const stats: TickerStats = { beats: 0, fired: new Map(), failures: 0, holding: new Set() };
  let stopping = false;

  const failed = (error: unknown, tenant?: string) => {
    stats.failures += 1;
    onError(error, tenant);
  };

  /** Fire `tenant`'s deadlines passed at `now` while this ticker holds its lease, a batch at a time. */
  async function fireTenant(tenant: string, now: Date, due: boolean): Promise<OverdueNotice[]> {
    const fired: OverdueNotice[] = [];
    // the lease is renewed before each batch: a long backlog never outlasts it
    while (!stopping) {
      if (!(await store.claimTicker(tenant, lease))) {
        stats.holding.delete(tenant);
        break;
      }
      stats.holding.add(tenant);
      if (!due) break;
      const batch = await maintenance.tick(now, { tenant });
      if (batch.length === 0) break;
      fired.push(...batch);
      stats.fired.set(tenant, (stats.fired.get(tenant) ?? 0) + batch.length);
      options.onFired?.(tenant, batch);
    }
    return fired;
  }

  async function beatOnce(): Promise<OverdueNotice[]> {
    const now = clock.now();
    const fired: OverdueNotice[] = [];
    try {
      const due = new Set(await store.dueTenants(now.toISOString()));
      // the tenants held are visited too, to keep their leases while nothing is due
      const visit = [...new Set([...due, ...stats.holding])].filter((t) => !only || only.has(t)).sort();
      for (const tenant of visit) {
        if (stopping) break;
        try {
          fired.push(...(await fireTenant(tenant, now, due.has(tenant))));
        } catch (error) {
          failed(error, tenant);
        }
      }
    } catch (error) {
      failed(error);
    }
    stats.beats += 1;
    stats.lastBeatAt = new Date().toISOString();
    return fired;
  }

  /** The beat in progress (settled): beats run one at a time. */
  let current: Promise<unknown> = Promise.resolve();
  const beat = () => {
    const next = current.then(beatOnce);
    current = next.catch(() => undefined);
    return next;
  };

  async function release(): Promise<void> {
    await current;
    for (const tenant of [...stats.holding]) {
      try {
        await store.releaseTicker(tenant, lease.owner);
        stats.holding.delete(tenant);
      } catch (error) {
        failed(error, tenant);
      }
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    let wake: (() => void) | undefined;
    const onAbort = () => {
      stopping = true;
      wake?.();
    };
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        await beat().catch(() => undefined); // only a throwing onFired or onError gets here
        if (signal.aborted) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, everyMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
      await release();
    } finally {
      signal.removeEventListener('abort', onAbort);
      stopping = false;
    }
  }

  return { stats, beat, run, release };
}
