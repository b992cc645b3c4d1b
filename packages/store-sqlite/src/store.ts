/**
 * The SQLite store (SQLite 存储): instances, the hash-chained audit log, the outbox and
 * idempotency keys in one database file, in WAL mode. Every write is one immediate
 * transaction, so several processes can share the file safely.
 */
import Database from 'better-sqlite3';
import {
  chainAuditEntry,
  ConflictError,
  type AuditEntry,
  type Commit,
  type InstanceRecord,
  type OutboxEntry,
  type WorkflowStore,
} from '@ruralkit/core';
import { migrateSchema } from './migrations.js';

export interface SqliteStoreOptions {
  /** How long to wait for another writer's lock, in milliseconds (default 5000). */
  busyTimeoutMs?: number;
}

/** A workflow store over a SQLite file (or `:memory:`). */
export interface SqliteStore extends WorkflowStore {
  /** The underlying connection, for inspection and backups. */
  readonly db: Database.Database;
}

/** Open (and create or migrate) a store in the SQLite file `filename`. */
export function openSqliteStore(filename: string, options: SqliteStoreOptions = {}): SqliteStore {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrateSchema(db);

  const sql = {
    insert: db.prepare(
      `INSERT INTO instances (id, tenant, type, subject_key, exclusive_key, state, status, version, next_deadline_at, record)
       VALUES (@id, @tenant, @type, @subjectKey, @exclusiveKey, @state, @status, @version, @nextDeadlineAt, @record)`,
    ),
    update: db.prepare(
      `UPDATE instances SET exclusive_key = @exclusiveKey, state = @state, status = @status, version = @version,
       next_deadline_at = @nextDeadlineAt, record = @record WHERE id = @id AND version = @expectedVersion`,
    ),
    load: db.prepare(`SELECT record FROM instances WHERE id = ?`),
    bySubject: db.prepare(
      `SELECT record FROM instances WHERE type = ? AND tenant = ? AND subject_key = ? ORDER BY rowid`,
    ),
    openBySubject: db.prepare(
      `SELECT record FROM instances WHERE type = ? AND tenant = ? AND subject_key = ? AND status = 'active' ORDER BY rowid`,
    ),
    due: db.prepare(
      `SELECT record FROM instances WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ? ORDER BY next_deadline_at LIMIT ?`,
    ),
    head: db.prepare(`SELECT seq, hash FROM audit_head WHERE id = 1`),
    setHead: db.prepare(
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT (id) DO UPDATE SET seq = @seq, hash = @hash`,
    ),
    appendAudit: db.prepare(`INSERT INTO audit (seq, instance_id, prev_hash, hash, entry) VALUES (?, ?, ?, ?, ?)`),
    allAudit: db.prepare(`SELECT seq, prev_hash, hash, entry FROM audit ORDER BY seq`),
    instanceAudit: db.prepare(`SELECT seq, prev_hash, hash, entry FROM audit WHERE instance_id = ? ORDER BY seq`),
    appendOutbox: db.prepare(`INSERT INTO outbox (event) VALUES (?)`),
    pending: db.prepare(`SELECT id, event FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?`),
    delivered: db.prepare(`UPDATE outbox SET delivered_at = ? WHERE id = ?`),
    findKey: db.prepare(`SELECT result FROM idempotency WHERE scope = ? AND key = ?`),
    insertKey: db.prepare(`INSERT INTO idempotency (scope, key, result) VALUES (?, ?, ?)`),
  };

  const row = (instance: InstanceRecord) => ({
    id: instance.id,
    tenant: instance.tenant,
    type: instance.type,
    subjectKey: instance.subjectKey,
    exclusiveKey: instance.exclusiveKey,
    state: instance.state,
    status: instance.status,
    version: instance.version,
    nextDeadlineAt: instance.nextDeadlineAt,
    record: JSON.stringify(instance),
  });

  /** Audit entries, outbox events and the idempotency key of a commit; inside a transaction. */
  function writeCommit(commit: Commit): AuditEntry[] {
    let prev = sql.head.get() as { seq: number; hash: string } | undefined;
    const entries: AuditEntry[] = [];
    for (const record of commit.audit) {
      const entry = chainAuditEntry(prev, record);
      sql.appendAudit.run(entry.seq, entry.instanceId, entry.prevHash, entry.hash, JSON.stringify(entry));
      entries.push(entry);
      prev = entry;
    }
    if (prev && entries.length) sql.setHead.run({ seq: prev.seq, hash: prev.hash });
    for (const event of commit.outbox) sql.appendOutbox.run(JSON.stringify(event));
    if (commit.idempotency) {
      const { scope, key, result } = commit.idempotency;
      sql.insertKey.run(scope, key, JSON.stringify(result));
    }
    return entries;
  }

  /** Run `write` in one immediate transaction; constraint violations become conflicts. */
  function transact(write: () => AuditEntry[], conflict: () => ConflictError): AuditEntry[] {
    try {
      return db.transaction(write).immediate();
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw conflict();
      throw error;
    }
  }

  const parse = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as { record: string }).record) as T);
  const entry = (r: unknown): AuditEntry => JSON.parse((r as { entry: string }).entry) as AuditEntry;

  return {
    db,
    async create(instance, commit) {
      return transact(
        () => {
          sql.insert.run(row(instance));
          return writeCommit(commit);
        },
        () => new ConflictError(instance.id, 0),
      );
    },
    async save(instance, expectedVersion, commit) {
      return transact(
        () => {
          if (sql.update.run({ ...row(instance), expectedVersion }).changes !== 1) {
            throw new ConflictError(instance.id, expectedVersion);
          }
          return writeCommit(commit);
        },
        () => new ConflictError(instance.id, expectedVersion),
      );
    },
    async record(commit) {
      return transact(
        () => writeCommit(commit),
        () => new ConflictError(commit.audit[0]?.instanceId ?? '-', 0),
      );
    },
    async load(id) {
      return parse<InstanceRecord>([sql.load.get(id)].filter(Boolean))[0];
    },
    async findBySubject({ type, tenant, subjectKey, open }) {
      return parse<InstanceRecord>((open ? sql.openBySubject : sql.bySubject).all(type, tenant, subjectKey));
    },
    async findDue(now, limit = 100) {
      return parse<InstanceRecord>(sql.due.all(now, limit));
    },
    async findIdempotent(scope, key) {
      const found = sql.findKey.get(scope, key) as { result: string } | undefined;
      return found ? JSON.parse(found.result) : undefined;
    },
    async readAudit(query = {}) {
      return (query.instanceId ? sql.instanceAudit.all(query.instanceId) : sql.allAudit.all()).map(entry);
    },
    async auditHead() {
      return sql.head.get() as { seq: number; hash: string } | undefined;
    },
    async pendingOutbox(limit = 100) {
      return sql.pending.all(limit).map((r) => {
        const { id, event } = r as { id: number; event: string };
        return { ...(JSON.parse(event) as Omit<OutboxEntry, 'id'>), id };
      });
    },
    async markDelivered(ids) {
      const at = new Date().toISOString();
      db.transaction(() => ids.forEach((id) => sql.delivered.run(at, id)))();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
