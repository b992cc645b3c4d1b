/**
 * The SQLite store (SQLite 存储): instances, the hash-chained audit log (one chain per tenant),
 * the outbox and idempotency keys in one database file, in WAL mode. Every write is one
 * immediate transaction, so several processes can share the file safely; claims on passed
 * deadlines and undelivered events, and each tenant's ticker lease, are leases in milliseconds
 * of this machine's clock.
 */
import Database from 'better-sqlite3';
import {
  checkpointText,
  ConflictError,
  type AuditHead,
  type AuditEntry,
  type Commit,
  type InstanceRecord,
  type DeadLetter,
  type OutboxEntry,
  type OutboxStatus,
  type WorkflowStore,
} from '@ruralkit/core';
import {
  auditEntryOf,
  sealCommit,
  searchColumns,
  searchSql,
  type AuditRow,
  type InstanceRow,
  type OutboxRow,
  type SearchDialect,
} from '@ruralkit/core/store';
import { instanceSaver, type StoredRow } from './instance-update.js';
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

const AUDIT_COLUMNS = 'tenant, seq, instance_id AS instanceId, prev_hash AS prevHash, hash, entry';
const INSTANCE_COLUMNS = `id, tenant, type, subject_key AS subjectKey, exclusive_key AS exclusiveKey, state, status,
  version, next_deadline_at AS nextDeadlineAt, record`;

const SQLITE_SEARCH: SearchDialect = { instances: 'instances', parties: 'instance_parties', binary: '' };

/** Open (and create or migrate) a store in the SQLite file `filename`. */
export function openSqliteStore(filename: string, options: SqliteStoreOptions = {}): SqliteStore {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrateSchema(db);

  const sql = {
    insert: db.prepare(
      `INSERT INTO instances (id, tenant, type, subject_key, exclusive_key, state, status, version, next_deadline_at, record,
         township, village, household, due_sort, overdue, updated_at)
       VALUES (@id, @tenant, @type, @subjectKey, @exclusiveKey, @state, @status, @version, @nextDeadlineAt, @record,
         @township, @village, @household, @dueSort, @overdue, @updatedAt)`,
    ),
    load: db.prepare(`SELECT record FROM instances WHERE id = ?`),
    bySubject: db.prepare(
      `SELECT record FROM instances WHERE type = ? AND tenant = ? AND subject_key = ? ORDER BY rowid`,
    ),
    openBySubject: db.prepare(
      `SELECT record FROM instances WHERE type = ? AND tenant = ? AND subject_key = ? AND status = 'active' ORDER BY rowid`,
    ),
    due: db.prepare(
      `SELECT id, record FROM instances WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ?
       AND (claimed_until IS NULL OR claimed_until <= ?) AND (? IS NULL OR tenant = ?)
       ORDER BY next_deadline_at LIMIT ?`,
    ),
    claimInstance: db.prepare(`UPDATE instances SET claimed_by = ?, claimed_until = ? WHERE id = ?`),
    dueTenants: db.prepare(
      `SELECT DISTINCT tenant FROM instances WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ? ORDER BY tenant`,
    ),
    // taken when free, expired or already the owner's; refused (no change) while another holds it
    claimTicker: db.prepare(
      `INSERT INTO ticker_leases (tenant, owner, held_until) VALUES (@tenant, @owner, @until)
       ON CONFLICT (tenant) DO UPDATE SET owner = excluded.owner, held_until = excluded.held_until
       WHERE ticker_leases.owner = excluded.owner OR ticker_leases.held_until <= @at`,
    ),
    releaseTicker: db.prepare(`DELETE FROM ticker_leases WHERE tenant = ? AND owner = ?`),
    head: db.prepare(`SELECT seq, hash FROM audit_heads WHERE tenant = ?`),
    lastSeq: db.prepare(`SELECT coalesce(max(seq), 0) AS last FROM audit WHERE tenant = ?`),
    heads: db.prepare(`SELECT tenant, seq, hash FROM audit_heads ORDER BY tenant`),
    setHead: db.prepare(
      `INSERT INTO audit_heads (tenant, seq, hash) VALUES (@tenant, @seq, @hash)
       ON CONFLICT (tenant) DO UPDATE SET seq = @seq, hash = @hash`,
    ),
    appendAudit: db.prepare(
      `INSERT INTO audit (tenant, seq, instance_id, prev_hash, hash, entry) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    allAudit: db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY tenant, seq`),
    tenantAudit: db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE tenant = ? ORDER BY seq`),
    instanceAudit: db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE instance_id = ? ORDER BY tenant, seq`),
    allInstances: db.prepare(`SELECT ${INSTANCE_COLUMNS} FROM instances ORDER BY rowid`),
    tenantInstances: db.prepare(`SELECT ${INSTANCE_COLUMNS} FROM instances WHERE tenant = ? ORDER BY rowid`),
    allOutbox: db.prepare(`SELECT id, event FROM outbox ORDER BY id`),
    checkpointsTable: db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'`),
    appendOutbox: db.prepare(`INSERT INTO outbox (event) VALUES (?)`),
    pending: db.prepare(`SELECT id, event FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?`),
    // free events whose instance has no earlier undelivered event held by a running lease
    claimable: db.prepare(
      `SELECT id, event FROM outbox o WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @at)
       AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.instance_id = o.instance_id AND e.id < o.id
         AND e.delivered_at IS NULL AND e.claimed_until > @at)
       ORDER BY id LIMIT @limit`,
    ),
    deadLetter: db.prepare(
      `INSERT INTO outbox_dead_letters (outbox_id, destination, attempts, error, at) VALUES (?, ?, ?, ?, ?)`,
    ),
    deadLetters: db.prepare(
      `SELECT outbox_id AS outboxId, destination, attempts, error, at FROM outbox_dead_letters ORDER BY id LIMIT ?`,
    ),
    replay: db.prepare(
      `UPDATE outbox SET delivered_at = NULL, claimed_by = NULL, claimed_until = NULL
       WHERE id >= ? AND delivered_at IS NOT NULL`,
    ),
    status: db.prepare(outboxStatusSql('TRUE', 'TRUE')),
    tenantStatus: db.prepare(
      outboxStatusSql('tenant = @tenant', 'outbox_id IN (SELECT id FROM outbox WHERE tenant = @tenant)'),
    ),
    claimEvent: db.prepare(`UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?`),
    releaseEvent: db.prepare(`UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ?`),
    delivered: db.prepare(`UPDATE outbox SET delivered_at = ? WHERE id = ?`),
    findKey: db.prepare(`SELECT result FROM idempotency WHERE scope = ? AND key = ?`),
    insertKey: db.prepare(`INSERT INTO idempotency (scope, key, result) VALUES (?, ?, ?)`),
  };

  /**
   * A commit — its instance row (through `writeInstance`), audit rows, outbox rows and
   * idempotency key — in the stored form core seals it into; inside a transaction.
   */
  function writeCommit(
    commit: Commit,
    instance?: InstanceRecord,
    writeInstance?: (row: InstanceRow) => void,
  ): AuditEntry[] {
    const sealed = sealCommit(commit, instance);
    if (sealed.instance) writeInstance?.(sealed.instance);
    const { rows, entries, heads } = sealed.chain((tenant) => ({
      head: sql.head.get(tenant) as AuditHead | undefined,
      lastSeq: (sql.lastSeq.get(tenant) as { last: number }).last,
    }));
    for (const r of rows) sql.appendAudit.run(r.tenant, r.seq, r.instanceId, r.prevHash, r.hash, r.entry);
    for (const [tenant, head] of heads) sql.setHead.run({ tenant, ...head });
    for (const event of sealed.outbox) sql.appendOutbox.run(event);
    if (commit.idempotency) {
      const { scope, key, result } = commit.idempotency;
      sql.insertKey.run(scope, key, JSON.stringify(result));
    }
    return entries;
  }

  /** One immediate transaction around a write (made once: making it is not free). */
  const immediately = db.transaction((write: () => AuditEntry[]) => write()).immediate;

  /** Run `write` in one immediate transaction; constraint violations become conflicts. */
  function transact(write: () => AuditEntry[], conflict: () => ConflictError): AuditEntry[] {
    try {
      return immediately(write);
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw conflict();
      throw error;
    }
  }

  const rows = instanceSaver(db);

  /** The instance row with its search columns, and its parties. */
  const indexed = (row: InstanceRow, instance: InstanceRecord): { row: StoredRow; parties: string[] } => {
    const { parties, overdue, ...columns } = searchColumns(instance);
    return { row: { ...row, ...columns, overdue: overdue ? 1 : 0 }, parties };
  };

  const parse = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as { record: string }).record) as T);
  const entry = (r: unknown): AuditEntry => auditEntryOf(r as AuditRow);
  const outboxEntry = (r: unknown): OutboxEntry => {
    const { id, event } = r as { id: number; event: string };
    return { ...(JSON.parse(event) as Omit<OutboxEntry, 'id'>), id };
  };

  return {
    db,
    async create(instance, commit) {
      return transact(
        () =>
          writeCommit(commit, instance, (plain) => {
            const { row, parties } = indexed(plain, instance);
            sql.insert.run(row);
            rows.addParties(row, parties);
          }),
        () => new ConflictError(instance.id, 0),
      );
    },
    async save(instance, expectedVersion, commit) {
      return transact(
        () =>
          writeCommit(commit, instance, (plain) => {
            const { row, parties } = indexed(plain, instance);
            if (!rows.save(row, expectedVersion, parties)) throw new ConflictError(instance.id, expectedVersion);
          }),
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
    async searchInstances(search) {
      const { page, counts } = searchSql(search, SQLITE_SEARCH);
      // one read transaction: the page and its counts as of one moment
      return db.transaction(() => {
        const rows = db.prepare(page.text).all(...page.params) as { record: string }[];
        return {
          records: parse<InstanceRecord>(rows.slice(0, search.limit)),
          more: rows.length > search.limit,
          ...(counts
            ? {
                counts: Object.fromEntries(
                  (db.prepare(counts.text).all(...counts.params) as { state: string; n: number }[]).map((r) => [
                    r.state,
                    r.n,
                  ]),
                ),
              }
            : {}),
        };
      })();
    },
    async claimDue(now, lease, limit = 100, tenant) {
      return db
        .transaction(() => {
          const at = Date.now();
          const rows = sql.due.all(now, at, tenant ?? null, tenant ?? null, limit) as { id: string; record: string }[];
          for (const r of rows) sql.claimInstance.run(lease.owner, at + lease.ms, r.id);
          return parse<InstanceRecord>(rows);
        })
        .immediate();
    },
    async dueTenants(now) {
      return (sql.dueTenants.all(now) as { tenant: string }[]).map((r) => r.tenant);
    },
    async claimTicker(tenant, lease) {
      const at = Date.now();
      return sql.claimTicker.run({ tenant, owner: lease.owner, until: at + lease.ms, at }).changes === 1;
    },
    async releaseTicker(tenant, owner) {
      sql.releaseTicker.run(tenant, owner);
    },
    async findIdempotent(scope, key) {
      const found = sql.findKey.get(scope, key) as { result: string } | undefined;
      return found ? JSON.parse(found.result) : undefined;
    },
    async readAudit(query = {}) {
      const rows = query.instanceId
        ? sql.instanceAudit.all(query.instanceId)
        : query.tenant !== undefined
          ? sql.tenantAudit.all(query.tenant)
          : sql.allAudit.all();
      const entries = rows.map(entry);
      return query.instanceId && query.tenant !== undefined
        ? entries.filter((e) => e.tenant === query.tenant)
        : entries;
    },
    async auditHeads() {
      const rows = sql.heads.all() as ({ tenant: string } & AuditHead)[];
      return Object.fromEntries(rows.map(({ tenant, seq, hash }) => [tenant, { seq, hash }]));
    },
    async auditEvidence(query = {}) {
      // one read transaction: a snapshot of the WAL, whatever other processes commit meanwhile
      return db.transaction(() => {
        const all = query.tenant === undefined;
        const heads = (sql.heads.all() as ({ tenant: string } & AuditHead)[]).filter(
          (h) => all || h.tenant === query.tenant,
        );
        return {
          audit: (all ? sql.allAudit.all() : sql.tenantAudit.all(query.tenant)) as AuditRow[],
          heads: Object.fromEntries(
            heads.filter((h) => h.seq > 0).map(({ tenant, seq, hash }) => [tenant, { seq, hash }]),
          ),
          instances: (all ? sql.allInstances.all() : sql.tenantInstances.all(query.tenant)) as InstanceRow[],
          outbox: sql.allOutbox.all() as OutboxRow[],
          // a dropped table is evidence too: verification reports it (statements on it are made here, not at open)
          checkpoints: sql.checkpointsTable.get()
            ? db
                .prepare(`SELECT checkpoint FROM audit_checkpoints WHERE ? IS NULL OR tenant = ? ORDER BY tenant, seq`)
                .all(query.tenant ?? null, query.tenant ?? null)
                .map((r) => (r as { checkpoint: string }).checkpoint)
            : undefined,
        };
      })();
    },
    async addCheckpoints(checkpoints) {
      const add = db.prepare(
        `INSERT INTO audit_checkpoints (tenant, seq, key_id, checkpoint) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      db.transaction(() => {
        for (const c of checkpoints) add.run(c.tenant, c.seq, c.keyId, checkpointText(c));
      }).immediate();
    },
    async pendingOutbox(limit = 100) {
      return sql.pending.all(limit).map(outboxEntry);
    },
    async claimOutbox(lease, limit = 100) {
      return db
        .transaction(() => {
          const at = Date.now();
          const rows = sql.claimable.all({ at, limit });
          for (const r of rows) sql.claimEvent.run(lease.owner, at + lease.ms, (r as { id: number }).id);
          return rows.map(outboxEntry);
        })
        .immediate();
    },
    async markDelivered(ids) {
      const at = new Date().toISOString();
      db.transaction(() => ids.forEach((id) => sql.delivered.run(at, id)))();
    },
    async releaseOutbox(ids) {
      db.transaction(() => ids.forEach((id) => sql.releaseEvent.run(id)))();
    },
    async deadLetterOutbox({ outboxId, destination, attempts, error }) {
      const at = new Date().toISOString();
      db.transaction(() => {
        sql.delivered.run(at, outboxId);
        sql.releaseEvent.run(outboxId);
        sql.deadLetter.run(outboxId, destination, attempts, error, at);
      }).immediate();
    },
    async deadLetters(limit = 100) {
      return sql.deadLetters.all(limit) as DeadLetter[];
    },
    async replayOutbox(from) {
      return sql.replay.run(from).changes;
    },
    async outboxStatus(tenant) {
      const at = Date.now();
      return (tenant === undefined ? sql.status.get({ at }) : sql.tenantStatus.get({ at, tenant })) as OutboxStatus;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Where delivery stands, of the outbox rows `mine` selects and the dead letters `letters` does. */
function outboxStatusSql(mine: string, letters: string): string {
  return `SELECT coalesce((SELECT min(id) FROM outbox WHERE delivered_at IS NULL AND ${mine}) - 1,
      (SELECT coalesce(max(id), 0) FROM outbox WHERE ${mine})) AS position,
    (SELECT coalesce(max(id), 0) FROM outbox WHERE ${mine}) AS last,
    (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND ${mine}) AS pending,
    (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND claimed_until > @at AND ${mine}) AS claimed,
    (SELECT count(*) FROM outbox_dead_letters WHERE ${letters}) AS deadLetters`;
}
