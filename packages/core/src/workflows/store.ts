/**
 * The store interface (存储接口) the runtime and the maintenance write through, in three parts:
 * the instances (`InstanceStore`), the audit log (`AuditLog`) and the outbox (`Outbox`); a
 * `WorkflowStore` is all three over one database. A store commits an instance change, its audit
 * entries, its domain events and its idempotency key in one transaction, or nothing. Work
 * several processes share — passed deadlines and undelivered events — is claimed with a lease
 * (租约): a claimed item is invisible to other claimers until it is done or its lease expires.
 * The in-memory store is `memory-store.ts`.
 */
import type { AuditHead } from './audit.js';
import type { AuditEvidence } from './audit-rows.js';
import type { AuditCheckpoint } from './checkpoint.js';
import type { StoreSearch, StoreSearchResult } from './search-index.js';
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

/**
 * The instances (实例存储): their commits — each with its audit entries, domain events and
 * idempotency key, in one transaction — reads, search, passed deadlines and ticker leases.
 */
export interface InstanceStore {
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
}

/** The audit log (审计日志): the hash-chained entries, each tenant's head, and signed checkpoints. */
export interface AuditLog {
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
}

/** The outbox (发件箱) of domain events: claimed, delivered or dead-lettered, replayed, watched. */
export interface Outbox {
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
}

/** Persistence for workflow instances, the audit log and the outbox, over one database. */
export interface WorkflowStore extends InstanceStore, AuditLog, Outbox {
  close(): Promise<void>;
}
