/**
 * The store interface (存储接口) the runtime writes through, and an in-memory store for tests
 * and embedding. A store commits an instance change, its audit entries and its domain events
 * in one transaction, or nothing.
 */
import { chainAuditEntry } from './audit.js';
import { ConflictError } from './errors.js';
import type { AuditEntry, Commit, InstanceRecord, OutboxEntry } from './types.js';

/** Persistence for workflow instances, the audit log and the outbox. */
export interface WorkflowStore {
  /** Insert a new instance (version 1) with its commit; a taken `exclusiveKey` is a conflict. */
  create(instance: InstanceRecord, commit: Commit): Promise<AuditEntry[]>;
  /** Replace an instance if it is still at `expectedVersion`, else throw `ConflictError`. */
  save(instance: InstanceRecord, expectedVersion: number, commit: Commit): Promise<AuditEntry[]>;
  /** Write audit entries and domain events that change no instance (refusals). */
  record(commit: Commit): Promise<AuditEntry[]>;
  load(id: string): Promise<InstanceRecord | undefined>;
  /** Instances of a subject, open ones (not in a final state) only when `open`. */
  findBySubject(query: { type: string; tenant: string; subjectKey: string; open?: boolean }): Promise<InstanceRecord[]>;
  /** Instances with a deadline passed at `now` and not yet marked overdue. */
  findDue(now: string, limit?: number): Promise<InstanceRecord[]>;
  /** The first result stored under an idempotency key, if any. */
  findIdempotent(scope: string, key: string): Promise<unknown>;
  /** Audit entries in chain order, of one instance or all. */
  readAudit(query?: { instanceId?: string }): Promise<AuditEntry[]>;
  /** The last entry's seq and hash as recorded when it was written. */
  auditHead(): Promise<{ seq: number; hash: string } | undefined>;
  /** Domain events not yet delivered, oldest first. */
  pendingOutbox(limit?: number): Promise<OutboxEntry[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
  close(): Promise<void>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** A store held in memory: for tests, and for embedding where durability is not needed. */
export function createMemoryStore(): WorkflowStore {
  const instances = new Map<string, InstanceRecord>();
  const audit: AuditEntry[] = [];
  const outbox: (OutboxEntry & { delivered: boolean })[] = [];
  const idempotency = new Map<string, unknown>();

  /** Everything is checked before anything is written: that is the transaction. */
  function apply(commit: Commit, write?: () => void): AuditEntry[] {
    const idempotencyKey = commit.idempotency && `${commit.idempotency.scope}\u0000${commit.idempotency.key}`;
    if (idempotencyKey && idempotency.has(idempotencyKey)) {
      throw new ConflictError(commit.idempotency!.scope, 0);
    }
    const entries: AuditEntry[] = [];
    let prev = audit.at(-1);
    for (const record of commit.audit) {
      const entry = chainAuditEntry(prev, clone(record));
      entries.push(entry);
      prev = entry;
    }
    write?.();
    audit.push(...entries);
    for (const event of commit.outbox) outbox.push({ ...clone(event), id: outbox.length + 1, delivered: false });
    if (idempotencyKey) idempotency.set(idempotencyKey, clone(commit.idempotency!.result));
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
      return apply(commit, () => instances.set(instance.id, clone(instance)));
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
    async findDue(now, limit = 100) {
      return [...instances.values()]
        .filter((i) => i.nextDeadlineAt !== null && i.nextDeadlineAt <= now)
        .slice(0, limit)
        .map(clone);
    },
    async findIdempotent(scope, key) {
      return clone(idempotency.get(`${scope}\u0000${key}`));
    },
    async readAudit(query = {}) {
      return clone(query.instanceId ? audit.filter((e) => e.instanceId === query.instanceId) : audit);
    },
    async auditHead() {
      const last = audit.at(-1);
      return last && { seq: last.seq, hash: last.hash };
    },
    async pendingOutbox(limit = 100) {
      return outbox
        .filter((e) => !e.delivered)
        .slice(0, limit)
        .map(({ delivered: _d, ...event }) => clone(event));
    },
    async markDelivered(ids) {
      for (const entry of outbox) if (ids.includes(entry.id)) entry.delivered = true;
    },
    async close() {},
  };
}
