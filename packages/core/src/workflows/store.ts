/**
 * The store interface (存储接口) the runtime writes through, and an in-memory store for tests
 * and embedding. A store commits an instance change, its audit entries, its domain events and
 * its idempotency key in one transaction, or nothing. Work several processes share — passed
 * deadlines and undelivered events — is claimed with a lease (租约): a claimed item is invisible
 * to other claimers until it is done or its lease expires.
 */
import { auditTenants, chainAudit, type AuditHead } from './audit.js';
import { ConflictError } from './errors.js';
import type { AuditEntry, Commit, InstanceRecord, OutboxEntry } from './types.js';

/** Who claims work, and for how long (milliseconds of the store's clock). */
export interface Lease {
  owner: string;
  ms: number;
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
   * Claim instances with a deadline passed at `now` (not yet marked overdue) and not claimed
   * by another lease still running, earliest first.
   */
  claimDue(now: string, lease: Lease, limit?: number): Promise<InstanceRecord[]>;
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
   * Entries (all, or one tenant's) and the heads, read at one moment — one read transaction —
   * so commits made meanwhile by other processes cannot look like a tampered chain.
   */
  auditSnapshot(query?: { tenant?: string }): Promise<{ entries: AuditEntry[]; heads: Record<string, AuditHead> }>;
  /** Domain events not yet delivered, oldest first, claimed or not: for inspection. */
  pendingOutbox(limit?: number): Promise<OutboxEntry[]>;
  /** Claim undelivered domain events not claimed by another running lease, oldest first. */
  claimOutbox(lease: Lease, limit?: number): Promise<OutboxEntry[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
  /** Give claimed events back (a handler failed): they can be claimed again at once. */
  releaseOutbox(ids: readonly number[]): Promise<void>;
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
  const instances = new Map<string, InstanceRecord>();
  const audit: AuditEntry[] = [];
  const heads = new Map<string, AuditHead>();
  const outbox: (OutboxEntry & { delivered: boolean; claim?: Claim })[] = [];
  const dueClaims = new Map<string, Claim>();
  const idempotency = new Map<string, unknown>();
  const wakers = new Set<() => void>();

  /** Everything is checked before anything is written: that is the transaction. */
  function apply(commit: Commit, write?: () => void): AuditEntry[] {
    const idempotencyKey = commit.idempotency && `${commit.idempotency.scope}\u0000${commit.idempotency.key}`;
    if (idempotencyKey && idempotency.has(idempotencyKey)) {
      throw new ConflictError(commit.idempotency!.scope, 0);
    }
    const touched = new Map(auditTenants(commit.audit).map((t) => [t, heads.get(t)]));
    const { entries, heads: next } = chainAudit(clone(commit.audit), (tenant) => touched.get(tenant));
    write?.();
    audit.push(...entries);
    for (const [tenant, head] of next) heads.set(tenant, head);
    for (const event of commit.outbox) outbox.push({ ...clone(event), id: outbox.length + 1, delivered: false });
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
      return apply(commit, () => instances.set(instance.id, clone(instance)));
    },
    async save(instance, expectedVersion, commit) {
      const current = instances.get(instance.id);
      if (!current || current.version !== expectedVersion || exclusiveTaken(instance)) {
        throw new ConflictError(instance.id, expectedVersion);
      }
      return apply(commit, () => {
        instances.set(instance.id, clone(instance));
        dueClaims.delete(instance.id);
      });
    },
    async record(commit) {
      return apply(commit);
    },
    async load(id) {
      const found = instances.get(id);
      return found && clone(found);
    },
    async findBySubject({ type, tenant, subjectKey, open }) {
      return [...instances.values()]
        .filter(
          (i) =>
            i.type === type && i.tenant === tenant && i.subjectKey === subjectKey && (!open || i.status === 'active'),
        )
        .map(clone);
    },
    async claimDue(now, lease, limit = 100) {
      const at = Date.now();
      const due = [...instances.values()]
        .filter((i) => i.nextDeadlineAt !== null && i.nextDeadlineAt <= now && free(dueClaims.get(i.id), at))
        .sort((a, b) => (a.nextDeadlineAt! < b.nextDeadlineAt! ? -1 : a.nextDeadlineAt! > b.nextDeadlineAt! ? 1 : 0))
        .slice(0, limit);
      for (const i of due) dueClaims.set(i.id, { owner: lease.owner, until: at + lease.ms });
      return due.map(clone);
    },
    async findIdempotent(scope, key) {
      return clone(idempotency.get(`${scope}\u0000${key}`));
    },
    async readAudit(query = {}) {
      const chosen = audit.filter(
        (e) => (!query.instanceId || e.instanceId === query.instanceId) && (!query.tenant || e.tenant === query.tenant),
      );
      return clone(chosen.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.seq - b.seq)));
    },
    async auditHeads() {
      return Object.fromEntries([...heads].map(([tenant, head]) => [tenant, { ...head }]));
    },
    async auditSnapshot(query = {}) {
      const entries = clone(audit.filter((e) => query.tenant === undefined || e.tenant === query.tenant));
      entries.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : a.seq - b.seq));
      const chosen = [...heads].filter(([tenant]) => query.tenant === undefined || tenant === query.tenant);
      return { entries, heads: Object.fromEntries(chosen.map(([tenant, head]) => [tenant, { ...head }])) };
    },
    async pendingOutbox(limit = 100) {
      return outbox
        .filter((e) => !e.delivered)
        .slice(0, limit)
        .map(({ delivered: _d, claim: _c, ...event }) => clone(event));
    },
    async claimOutbox(lease, limit = 100) {
      const at = Date.now();
      const claimed = outbox.filter((e) => !e.delivered && free(e.claim, at)).slice(0, limit);
      for (const e of claimed) e.claim = { owner: lease.owner, until: at + lease.ms };
      return claimed.map(({ delivered: _d, claim: _c, ...event }) => clone(event));
    },
    async markDelivered(ids) {
      for (const entry of outbox) if (ids.includes(entry.id)) entry.delivered = true;
    },
    async releaseOutbox(ids) {
      for (const entry of outbox) if (ids.includes(entry.id)) delete entry.claim;
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
