/**
 * The in-memory store (内存存储): a `WorkflowStore` held in one process's memory, for tests and
 * for embedding where durability is not needed. Everything a commit writes is checked before
 * anything is written, so a commit is all or nothing as in the durable stores.
 */
import type { AuditHead } from './audit.js';
import { auditEntryOf, sealCommit, type AuditRow, type InstanceRow } from './audit-rows.js';
import { checkpointText } from './checkpoint.js';
import { ConflictError } from './errors.js';
import { keyBefore, matchesSearch, searchKeyOf } from './search-index.js';
import type { DeadLetter, WorkflowStore } from './store.js';
import type { AuditEntry, Commit, InstanceRecord, OutboxEntry } from './types.js';

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
