/**
 * Versioned schema migrations (数据库结构迁移) of the SQLite store. Each step runs once, in
 * order, inside a transaction; `PRAGMA user_version` records how far a database has come.
 * Add a step at the end; never change one that has shipped.
 */
import type Database from 'better-sqlite3';
import { inBoth, sqliteStoreMessage } from './locales/index.js';

export const SCHEMA_MIGRATIONS: readonly string[] = [
  `CREATE TABLE instances (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     type TEXT NOT NULL,
     subject_key TEXT NOT NULL,
     exclusive_key TEXT,
     state TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     next_deadline_at TEXT,
     record TEXT NOT NULL
   );
   CREATE INDEX instances_subject ON instances (type, tenant, subject_key);
   CREATE INDEX instances_due ON instances (next_deadline_at) WHERE next_deadline_at IS NOT NULL;
   CREATE UNIQUE INDEX instances_exclusive ON instances (type, tenant, exclusive_key) WHERE exclusive_key IS NOT NULL;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY,
     instance_id TEXT,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     entry TEXT NOT NULL
   );
   CREATE INDEX audit_instance ON audit (instance_id, seq);
   CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     event TEXT NOT NULL,
     delivered_at TEXT
   );
   CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
   CREATE TABLE idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (scope, key));`,
  // 2: one audit chain per tenant (entries written before keep theirs, tenant ''), and claims
  // (leases, milliseconds since the epoch) on passed deadlines and undelivered events.
  `CREATE TABLE audit_by_tenant (
     tenant TEXT NOT NULL,
     seq INTEGER NOT NULL,
     instance_id TEXT,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (tenant, seq)
   );
   INSERT INTO audit_by_tenant (tenant, seq, instance_id, prev_hash, hash, entry)
     SELECT '', seq, instance_id, prev_hash, hash, entry FROM audit;
   DROP TABLE audit;
   ALTER TABLE audit_by_tenant RENAME TO audit;
   CREATE INDEX audit_instance ON audit (instance_id, tenant, seq);
   CREATE TABLE audit_heads (tenant TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);
   INSERT INTO audit_heads (tenant, seq, hash) SELECT '', seq, hash FROM audit_head;
   DROP TABLE audit_head;
   ALTER TABLE instances ADD COLUMN claimed_by TEXT;
   ALTER TABLE instances ADD COLUMN claimed_until INTEGER;
   ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
   ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;`,
  // 3: signed checkpoints of the chain heads. Entries written before keep their format (no
  // \`v\`) and are verified by its rule; new entries are stored as the canonical text they hash.
  `CREATE TABLE audit_checkpoints (
     tenant TEXT NOT NULL,
     seq INTEGER NOT NULL,
     key_id TEXT NOT NULL,
     checkpoint TEXT NOT NULL,
     PRIMARY KEY (tenant, seq, key_id)
   );`,
  // 4: each event's instance (claims in order per instance) and tenant (the relay's figures per
  // tenant), and dead letters of the relay.
  `ALTER TABLE outbox ADD COLUMN instance_id TEXT GENERATED ALWAYS AS (json_extract(event, '$.instanceId')) VIRTUAL;
   ALTER TABLE outbox ADD COLUMN tenant TEXT GENERATED ALWAYS AS (json_extract(event, '$.tenant')) VIRTUAL;
   CREATE INDEX outbox_pending_instance ON outbox (instance_id, id) WHERE delivered_at IS NULL;
   CREATE INDEX outbox_tenant ON outbox (tenant, id);
   CREATE INDEX outbox_pending_tenant ON outbox (tenant, id) WHERE delivered_at IS NULL;
   CREATE TABLE outbox_dead_letters (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     outbox_id INTEGER NOT NULL,
     destination TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     error TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
  // 5: each tenant's ticker lease: the one process that fires the tenant's deadlines on schedule
  // (until: milliseconds of this machine's clock).
  `CREATE TABLE ticker_leases (tenant TEXT PRIMARY KEY, owner TEXT NOT NULL, held_until INTEGER NOT NULL);`,
  // 6: the search index (检索索引): columns derived from each record at write time (subject,
  // earliest due instant or '~', overdue flag, last update) and the parties an instance concerns
  // (\`unit:…\`, \`reporter:…\`), filled here for the instances written before.
  `ALTER TABLE instances ADD COLUMN township TEXT;
   ALTER TABLE instances ADD COLUMN village TEXT;
   ALTER TABLE instances ADD COLUMN household TEXT;
   ALTER TABLE instances ADD COLUMN due_sort TEXT NOT NULL DEFAULT '~';
   ALTER TABLE instances ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE instances ADD COLUMN updated_at TEXT;
   UPDATE instances SET
     township = json_extract(record, '$.subject.township'),
     village = json_extract(record, '$.subject.village'),
     household = json_extract(record, '$.subject.household'),
     updated_at = json_extract(record, '$.updatedAt'),
     due_sort = coalesce((SELECT min(json_extract(d.value, '$.firesAt')) FROM json_each(record, '$.deadlines') AS d), '~'),
     overdue = EXISTS (SELECT 1 FROM json_each(record, '$.deadlines') AS d WHERE json_extract(d.value, '$.overdueAt') IS NOT NULL);
   CREATE TABLE instance_parties (
     instance_id TEXT NOT NULL,
     tenant TEXT NOT NULL,
     party TEXT NOT NULL,
     due_sort TEXT NOT NULL,
     overdue INTEGER NOT NULL
   );
   INSERT INTO instance_parties (instance_id, tenant, party, due_sort, overdue)
     SELECT id, tenant, 'unit:' || json_extract(record, '$.envelope.snapshot.context.assigneeUnit'), due_sort, overdue
       FROM instances WHERE json_type(record, '$.envelope.snapshot.context.assigneeUnit') = 'text'
     UNION SELECT i.id, i.tenant, 'unit:' || u.value, i.due_sort, i.overdue
       FROM instances AS i, json_each(i.record, '$.deadlines') AS d, json_each(d.value, '$.escalateTo') AS u
     UNION SELECT id, tenant, 'reporter:' || json_extract(record, '$.envelope.snapshot.context.reporter'), due_sort, overdue
       FROM instances WHERE json_type(record, '$.envelope.snapshot.context.reporter') = 'text';
   CREATE INDEX instance_parties_search ON instance_parties (tenant, party, due_sort, instance_id);
   CREATE INDEX instance_parties_overdue ON instance_parties (tenant, party, due_sort, instance_id) WHERE overdue = 1;
   CREATE INDEX instance_parties_instance ON instance_parties (instance_id);
   CREATE INDEX instances_search ON instances (tenant, due_sort, id);
   CREATE INDEX instances_search_state ON instances (tenant, state, due_sort, id);
   CREATE INDEX instances_search_township ON instances (tenant, township, due_sort, id);
   CREATE INDEX instances_search_township_state ON instances (tenant, township, state, due_sort, id);
   CREATE INDEX instances_search_village ON instances (tenant, village, due_sort, id);
   CREATE INDEX instances_search_household ON instances (tenant, household, due_sort, id) WHERE household IS NOT NULL;
   CREATE INDEX instances_search_overdue ON instances (tenant, due_sort, id) WHERE overdue = 1;`,
];

/** Bring `db` up to the latest schema; returns the version it is at. */
export function migrateSchema(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_MIGRATIONS.length) {
    throw new Error(inBoth(sqliteStoreMessage('schema.too-new', { current, supported: SCHEMA_MIGRATIONS.length })));
  }
  for (let version = current; version < SCHEMA_MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(SCHEMA_MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return SCHEMA_MIGRATIONS.length;
}
