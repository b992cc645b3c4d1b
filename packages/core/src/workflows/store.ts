/**
 * The store interface (存储接口) the runtime writes through, and an in-memory store for tests
 * and embedding. A store commits an instance change, its audit entries, its domain events and
 * its idempotency key in one transaction, or nothing. Work several processes share — passed
 * deadlines and undelivered events — is claimed with a lease (租约): a claimed item is invisible
 * to other claimers until it is done or its lease expires.
 */
import type { AuditHead } from './audit.js';
import { auditEntryOf, sealCommit, type AuditEvidence, type AuditRow, type InstanceRow } from './audit-rows.js';
import { checkpointText, type AuditCheckpoint } from './checkpoint.js';
import { ConflictError } from './errors.js';
import { keyBefore, matchesSearch, searchKeyOf, type StoreSearch, type StoreSearchResult } from './search-index.js';
import type { AuditEntry, Commit, InstanceRecord, OutboxEntry } from './types.js';

/** Who claims work, and for how long (milliseconds of the store's clock). */
export interface Lease {
  owner: string;
  ms: number;
}

/** An event given up after its last try (死信), with the destination and the last error. */
export interface DeadLetter {
  outboxId: number;
  destination: string;
  attempts: number;
  error: string;
  at: string;
}

/** Where delivery of the outbox stands. */
export interface OutboxStatus {
  /** Every event up to this outbox position is delivered (or dead-lettered). */
  position: number;
  /** The last outbox position written. */
  last: number;
  pending: number;
  /** Pending events claimed by a running lease. */
  claimed: number;
  deadLetters: number;
}

/** Persistence for workflow instances, the audit log and the outbox. */
export interface WorkflowStore {
  /** Insert a new instance (version 1) with its commit; a taken `exclusiveKey` is a conflict. */
  create(instance: InstanceRecord, commit: Commit): Promise<AuditEntry[]>;
  /**
   * Replace an instance if it is still at `expectedVersion`, else throw `ConflictError`.
   * Saving ends the instance's deadline claim.
   */
  save(instance: InstanceRecord, expectedVersion: number, commit: Commit): Promise<AuditEntry[]>;
  /** Write audit entries and domain events that change no instance (refusals). */
  record(commit: Commit): Promise<AuditEntry[]>;
  load(id: string): Promise<InstanceRecord | undefined>;
  /** Instances of a subject, open ones (not in a final state) only when `open`. */
  findBySubject(query: { type: string; tenant: string; subjectKey: string; open?: boolean }): Promise<InstanceRecord[]>;
  /**
   * One tenant's instances by the search index (检索, `search-index.ts`): those passing every
   * filter and matching one of the scopes, after `after`, by due instant then id; counted by
   * state (every page) when asked.
   */
  searchInstances(search: StoreSearch): Promise<StoreSearchResult>;
  /**
   * Claim instances with a deadline passed at `now` (not yet marked overdue) and not claimed
   * by another lease still running, earliest first; only `tenant`'s when given.
   */
  claimDue(now: string, lease: Lease, limit?: number, tenant?: string): Promise<InstanceRecord[]>;
  /** The tenants with an instance whose deadline has passed at `now` (not yet marked overdue), claimed or not. */
  dueTenants(now: string): Promise<string[]>;
  /**
   * Take or renew `tenant`'s ticker lease (定时器租约): true when it is free, expired or already
   * `lease.owner`'s (then it runs `lease.ms` from now), false while another owner holds it. One
   * ticker per tenant fires deadlines, across every process sharing the store.
   */
  claimTicker(tenant: string, lease: Lease): Promise<boolean>;
  /** Give `tenant`'s ticker lease up, if `owner` holds it: another ticker may take it at once. */
  releaseTicker(tenant: string, owner: string): Promise<void>;
  /**
   * The first result stored under an idempotency key, if any. A commit carrying a key that is
   * already stored fails with `ConflictError`, checked inside its transaction.
   */
  findIdempotent(scope: string, key: string): Promise<unknown>;
  /** Audit entries in chain order (by tenant, then seq): of one instance, one tenant or all. */
  readAudit(query?: { instanceId?: string; tenant?: string }): Promise<AuditEntry[]>;
  /** Each tenant's last entry, as recorded when it was written. */
  auditHeads(): Promise<Record<string, AuditHead>>;
  /**
   * What the audit covers, as stored — audit rows, heads, instance rows, outbox rows and
   * checkpoints (all, or one tenant's) — read at one moment (one read transaction), so commits
   * made meanwhile by other processes cannot look like tampering.
   */
  auditEvidence(query?: { tenant?: string }): Promise<AuditEvidence>;
  /** Store signed checkpoints of the chain heads (one already stored is kept). */
  addCheckpoints(checkpoints: readonly AuditCheckpoint[]): Promise<void>;
  /** Domain events not yet delivered, oldest first, claimed or not: for inspection. */
  pendingOutbox(limit?: number): Promise<OutboxEntry[]>;
  /**
   * Claim undelivered domain events not claimed by another running lease, oldest first, in
   * order per instance: an event is claimed only with every earlier undelivered event of its
   * instance, so no two claimers ever hold events of one instance at once.
   */
  claimOutbox(lease: Lease, limit?: number): Promise<OutboxEntry[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
  /** Give claimed events back (a handler failed): they can be claimed again at once. */
  releaseOutbox(ids: readonly number[]): Promise<void>;
  /** Give up on an event after its last try: it counts as delivered and a dead letter records why. */
  deadLetterOutbox(letter: Omit<DeadLetter, 'at'>): Promise<void>;
  /** Dead letters, oldest first. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Deliver again every event from outbox position `from` on; returns how many were queued again. */
  replayOutbox(from: number): Promise<number>;
  /** Where delivery stands: for `relay status` and metrics; of one tenant's events when given. */
  outboxStatus(tenant?: string): Promise<OutboxStatus>;
  /**
   * Call `wake` when another process commits domain events (PostgreSQL: LISTEN/NOTIFY);
   * returns the function that stops it. Stores of one process need not have it.
   */
  watchOutbox?(wake: () => void): () => void;
  close(): Promise<void>;
}

const clone = <T>(value: T): T => structuredClone(value);

interface Claim {
  owner: string;
  until: number;
}

const free = (claim: Claim | undefined, now: number) => !claim || claim.until <= now;

/** A store held in memory: for tests, and for embedding where durability is not needed. */
export function createMemoryStore(): WorkflowStore {
  const instances = new Map<string, InstanceRow>();
  const audit: AuditRow[] = [];
  const heads = new Map<string, AuditHead>();
  const outbox: { id: number; event: string; instanceId: string; tenant: string; delivered: boolean; claim?: Claim }[] =
    [];
  const deadLetters: DeadLetter[] = [];
  const checkpoints = new Map<string, string>();
  const dueClaims = new Map<string, Claim>();
  const tickers = new Map<string, Claim>();
  const idempotency = new Map<string, unknown>();
  const wakers = new Set<() => void>();

  const recordOf = (row: InstanceRow) => JSON.parse(row.record) as InstanceRecord;
  const byChain = (a: AuditRow, b: AuditRow) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.seq - b.seq);
  const lastSeq = (tenant: string) => audit.reduce((max, r) => (r.tenant === tenant && r.seq > max ? r.seq : max), 0);
  const eventOf = ({ id, event }: { id: number; event: string }): OutboxEntry => ({ ...JSON.parse(event), id });

  /** Everything is checked before anything is written: that is the transaction. */
  function apply(commit: Commit, instance?: InstanceRecord, write?: () => void): AuditEntry[] {
    const idempotencyKey = commit.idempotency && `${commit.idempotency.scope}\u0000${commit.idempotency.key}`;
    if (idempotencyKey && idempotency.has(idempotencyKey)) {
      throw new ConflictError(commit.idempotency!.scope, 0);
    }
    const sealed = sealCommit(commit, instance);
    const {
      rows,
      entries,
      heads: next,
    } = sealed.chain((tenant) => ({
      head: heads.get(tenant),
      lastSeq: lastSeq(tenant),
    }));
    if (sealed.instance) instances.set(sealed.instance.id, sealed.instance);
    write?.();
    audit.push(...rows);
    for (const [tenant, head] of next) heads.set(tenant, head);
    for (const event of sealed.outbox) {
      const { instanceId, tenant } = JSON.parse(event) as OutboxEntry;
      outbox.push({ id: outbox.length + 1, event, instanceId, tenant, delivered: false });
    }
    if (idempotencyKey) idempotency.set(idempotencyKey, clone(commit.idempotency!.result));
    if (commit.outbox.length) for (const wake of wakers) wake();
    return clone(entries);
  }

  function exclusiveTaken(instance: InstanceRecord): boolean {
    if (!instance.exclusiveKey) return false;
    return [...instances.values()].some(
      (i) =>
        i.id !== instance.id &&
        i.type === instance.type &&
        i.tenant === instance.tenant &&
        i.exclusiveKey === instance.exclusiveKey,
    );
  }

  return {
    async create(instance, commit) {
      if (instances.has(instance.id) || exclusiveTaken(instance)) throw new ConflictError(instance.id, 0);
      return apply(commit, instance);
    },
    async save(instance, expectedVersion, commit) {
      const current = instances.get(instance.id);
      if (!current || current.version !== expectedVersion || exclusiveTaken(instance)) {
        throw new ConflictError(instance.id, expectedVersion);
      }
      return apply(commit, instance, () => dueClaims.delete(instance.id));
    },
    async record(commit) {
      return apply(commit);
    },
    async load(id) {
      const found = instances.get(id);
      return found && recordOf(found);
    },
    async findBySubject({ type, tenant, subjectKey, open }) {
      return [...instances.values()]
        .filter(
          (i) =>
            i.type === type && i.tenant === tenant && i.subjectKey === subjectKey && (!open || i.status === 'active'),
        )
        .map(recordOf);
    },
    async searchInstances(search) {
      const found = [...instances.values()].map(recordOf).filter((r) => matchesSearch(r, search));
      const keyed = found
        .map((record) => ({ record, key: searchKeyOf(record) }))
        .sort((a, b) => (keyBefore(a.key, b.key) ? -1 : keyBefore(b.key, a.key) ? 1 : 0))
        .filter(({ key }) => !search.after || keyBefore(search.after, key));
      const counts: Record<string, number> = {};
      for (const r of found) counts[r.state] = (counts[r.state] ?? 0) + 1;
      return {
        records: keyed.slice(0, search.limit).map(({ record }) => record),
        more: keyed.length > search.limit,
        ...(search.counts ? { counts } : {}),
      };
    },
    async claimDue(now, lease, limit = 100, tenant) {
      const at = Date.now();
      const due = [...instances.values()]
        .filter(
          (i) =>
            i.nextDeadlineAt !== null &&
            i.nextDeadlineAt <= now &&
            (tenant === undefined || i.tenant === tenant) &&
            free(dueClaims.get(i.id), at),
        )
        .sort((a, b) => (a.nextDeadlineAt! < b.nextDeadlineAt! ? -1 : a.nextDeadlineAt! > b.nextDeadlineAt! ? 1 : 0))
        .slice(0, limit);
      for (const i of due) dueClaims.set(i.id, { owner: lease.owner, until: at + lease.ms });
      return due.map(recordOf);
    },
    async dueTenants(now) {
      const due = [...instances.values()].filter((i) => i.nextDeadlineAt !== null && i.nextDeadlineAt <= now);
      return [...new Set(due.map((i) => i.tenant))].sort();
    },
    async claimTicker(tenant, lease) {
      const at = Date.now();
      const held = tickers.get(tenant);
      if (held && held.owner !== lease.owner && !free(held, at)) return false;
      tickers.set(tenant, { owner: lease.owner, until: at + lease.ms });
      return true;
    },
    async releaseTicker(tenant, owner) {
      if (tickers.get(tenant)?.owner === owner) tickers.delete(tenant);
    },
    async findIdempotent(scope, key) {
      return clone(idempotency.get(`${scope}\u0000${key}`));
    },
    async readAudit(query = {}) {
      return audit
        .filter(
          (r) =>
            (!query.instanceId || r.instanceId === query.instanceId) && (!query.tenant || r.tenant === query.tenant),
        )
        .sort(byChain)
        .map(auditEntryOf);
    },
    async auditHeads() {
      return Object.fromEntries([...heads].map(([tenant, head]) => [tenant, { ...head }]));
    },
    async auditEvidence(query = {}) {
      const mine = (tenant: string) => query.tenant === undefined || tenant === query.tenant;
      return {
        audit: audit
          .filter((r) => mine(r.tenant))
          .sort(byChain)
          .map(clone),
        heads: Object.fromEntries([...heads].filter(([tenant]) => mine(tenant)).map(([t, head]) => [t, { ...head }])),
        instances: [...instances.values()].filter((r) => mine(r.tenant)).map(clone),
        outbox: outbox.map(({ id, event }) => ({ id, event })),
        checkpoints: [...checkpoints.values()],
      };
    },
    async addCheckpoints(list) {
      for (const c of list) {
        const key = `${c.tenant}\u0000${c.seq}\u0000${c.keyId}`;
        if (!checkpoints.has(key)) checkpoints.set(key, checkpointText(c));
      }
    },
    async pendingOutbox(limit = 100) {
      return outbox
        .filter((e) => !e.delivered)
        .slice(0, limit)
        .map(eventOf);
    },
    async claimOutbox(lease, limit = 100) {
      const at = Date.now();
      const held = new Set<string>(); // instances with an earlier event claimed by another lease
      const claimed: typeof outbox = [];
      for (const e of outbox) {
        if (claimed.length >= limit) break;
        if (e.delivered) continue;
        if (held.has(e.instanceId) || !free(e.claim, at)) held.add(e.instanceId);
        else claimed.push(e);
      }
      for (const e of claimed) e.claim = { owner: lease.owner, until: at + lease.ms };
      return claimed.map(eventOf);
    },
    async markDelivered(ids) {
      for (const entry of outbox) if (ids.includes(entry.id)) entry.delivered = true;
    },
    async releaseOutbox(ids) {
      for (const entry of outbox) if (ids.includes(entry.id)) delete entry.claim;
    },
    async deadLetterOutbox(letter) {
      const entry = outbox.find((e) => e.id === letter.outboxId);
      if (!entry) return;
      entry.delivered = true;
      delete entry.claim;
      deadLetters.push({ ...letter, at: new Date().toISOString() });
    },
    async deadLetters(limit = 100) {
      return deadLetters.slice(0, limit).map(clone);
    },
    async replayOutbox(from) {
      const again = outbox.filter((e) => e.id >= from && e.delivered);
      for (const e of again) {
        e.delivered = false;
        delete e.claim;
      }
      return again.length;
    },
    async outboxStatus(tenant) {
      const at = Date.now();
      const events = outbox.filter((e) => tenant === undefined || e.tenant === tenant);
      const pending = events.filter((e) => !e.delivered);
      const last = events.at(-1)?.id ?? 0;
      return {
        position: pending[0] ? pending[0].id - 1 : last,
        last,
        pending: pending.length,
        claimed: pending.filter((e) => !free(e.claim, at)).length,
        deadLetters: deadLetters.filter((l) => events.some((e) => e.id === l.outboxId)).length,
      };
    },
    watchOutbox(wake) {
      wakers.add(wake);
      return () => wakers.delete(wake);
    },
    async close() {
      wakers.clear();
    },
  };
}
