/**
 * Versioned schema migrations (数据库结构迁移) of the PostgreSQL store. They run in one
 * transaction under an advisory lock on the schema name, so processes starting at once migrate
 * once; `schema_migrations` records how far the schema has come. Add a step at the end; never
 * change one that has shipped. `{schema}` stands for the quoted schema name.
 */
import type { ClientBase } from 'pg';
import { inBoth, postgresStoreMessage } from './locales/index.js';

export const SCHEMA_MIGRATIONS: readonly string[] = [
  `CREATE TABLE {schema}.instances (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     type TEXT NOT NULL,
     subject_key TEXT NOT NULL,
     exclusive_key TEXT,
     state TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     next_deadline_at TEXT,
     record TEXT NOT NULL,
     created_seq BIGSERIAL,
     claimed_by TEXT,
     claimed_until TIMESTAMPTZ
   );
   CREATE INDEX instances_subject ON {schema}.instances (type, tenant, subject_key);
   CREATE INDEX instances_due ON {schema}.instances (next_deadline_at) WHERE next_deadline_at IS NOT NULL;
   CREATE UNIQUE INDEX instances_exclusive ON {schema}.instances (type, tenant, exclusive_key)
     WHERE exclusive_key IS NOT NULL;
   CREATE TABLE {schema}.audit (
     tenant TEXT NOT NULL,
     seq BIGINT NOT NULL,
     instance_id TEXT,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (tenant, seq)
   );
   CREATE INDEX audit_instance ON {schema}.audit (instance_id, tenant, seq);
   CREATE TABLE {schema}.audit_heads (tenant TEXT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE {schema}.outbox (
     id BIGSERIAL PRIMARY KEY,
     event TEXT NOT NULL,
     delivered_at TIMESTAMPTZ,
     claimed_by TEXT,
     claimed_until TIMESTAMPTZ
   );
   CREATE INDEX outbox_pending ON {schema}.outbox (id) WHERE delivered_at IS NULL;
   CREATE TABLE {schema}.idempotency (
     scope TEXT NOT NULL,
     key TEXT NOT NULL,
     result TEXT NOT NULL,
     PRIMARY KEY (scope, key)
   );`,
  // 2: signed checkpoints of the chain heads. Entries written before keep their format (no
  // \`v\`) and are verified by its rule; new entries are stored as the canonical text they hash.
  `CREATE TABLE {schema}.audit_checkpoints (
     tenant TEXT NOT NULL,
     seq BIGINT NOT NULL,
     key_id TEXT NOT NULL,
     checkpoint TEXT NOT NULL,
     PRIMARY KEY (tenant, seq, key_id)
   );`,
  // 3: each event's instance (claims in order per instance) and tenant (the relay's figures per
  // tenant), and dead letters of the relay.
  `ALTER TABLE {schema}.outbox ADD COLUMN instance_id TEXT GENERATED ALWAYS AS ((event::jsonb) ->> 'instanceId') STORED;
   ALTER TABLE {schema}.outbox ADD COLUMN tenant TEXT GENERATED ALWAYS AS ((event::jsonb) ->> 'tenant') STORED;
   CREATE INDEX outbox_pending_instance ON {schema}.outbox (instance_id, id) WHERE delivered_at IS NULL;
   CREATE INDEX outbox_tenant ON {schema}.outbox (tenant, id);
   CREATE INDEX outbox_pending_tenant ON {schema}.outbox (tenant, id) WHERE delivered_at IS NULL;
   CREATE TABLE {schema}.outbox_dead_letters (
     id BIGSERIAL PRIMARY KEY,
     outbox_id BIGINT NOT NULL,
     destination TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     error TEXT NOT NULL,
     at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
  // 4: each tenant's ticker lease: the one process that fires the tenant's deadlines on schedule.
  `CREATE TABLE {schema}.ticker_leases (tenant TEXT PRIMARY KEY, owner TEXT NOT NULL, held_until TIMESTAMPTZ NOT NULL);`,
  // 5: the search index (检索索引): columns derived from each record at write time (subject,
  // earliest due instant or '~', overdue flag, last update) and the parties an instance concerns
  // (\`unit:…\`, \`reporter:…\`), filled here for the instances written before. Sort keys
  // compare as bytes (COLLATE "C"), as in every store.
  `ALTER TABLE {schema}.instances ADD COLUMN township TEXT, ADD COLUMN village TEXT, ADD COLUMN household TEXT,
     ADD COLUMN due_sort TEXT COLLATE "C" NOT NULL DEFAULT '~', ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0,
     ADD COLUMN updated_at TEXT;
   UPDATE {schema}.instances AS i SET
     township = j.r -> 'subject' ->> 'township',
     village = j.r -> 'subject' ->> 'village',
     household = j.r -> 'subject' ->> 'household',
     updated_at = j.r ->> 'updatedAt',
     due_sort = coalesce((SELECT min((d ->> 'firesAt') COLLATE "C") FROM jsonb_array_elements(j.r -> 'deadlines') AS d), '~'),
     overdue = CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(j.r -> 'deadlines') AS d WHERE d ->> 'overdueAt' IS NOT NULL)
       THEN 1 ELSE 0 END
   FROM (SELECT id, record::jsonb AS r FROM {schema}.instances) AS j WHERE j.id = i.id;
   CREATE TABLE {schema}.instance_parties (
     instance_id TEXT NOT NULL,
     tenant TEXT NOT NULL,
     party TEXT NOT NULL,
     due_sort TEXT COLLATE "C" NOT NULL,
     overdue INTEGER NOT NULL
   );
   INSERT INTO {schema}.instance_parties (instance_id, tenant, party, due_sort, overdue)
     SELECT id, tenant, 'unit:' || (record::jsonb #>> '{envelope,snapshot,context,assigneeUnit}'), due_sort, overdue
       FROM {schema}.instances WHERE jsonb_typeof(record::jsonb #> '{envelope,snapshot,context,assigneeUnit}') = 'string'
     UNION SELECT i.id, i.tenant, 'unit:' || u.unit, i.due_sort, i.overdue
       FROM {schema}.instances AS i, jsonb_array_elements(i.record::jsonb -> 'deadlines') AS d,
         jsonb_array_elements_text(d -> 'escalateTo') AS u (unit)
     UNION SELECT id, tenant, 'reporter:' || (record::jsonb #>> '{envelope,snapshot,context,reporter}'), due_sort, overdue
       FROM {schema}.instances WHERE jsonb_typeof(record::jsonb #> '{envelope,snapshot,context,reporter}') = 'string';
   CREATE INDEX instance_parties_search ON {schema}.instance_parties (tenant, party, due_sort, (instance_id COLLATE "C"));
   CREATE INDEX instance_parties_overdue ON {schema}.instance_parties (tenant, party, due_sort, (instance_id COLLATE "C"))
     WHERE overdue = 1;
   CREATE INDEX instance_parties_instance ON {schema}.instance_parties (instance_id);
   CREATE INDEX instances_search ON {schema}.instances (tenant, due_sort, (id COLLATE "C"));
   CREATE INDEX instances_search_state ON {schema}.instances (tenant, state, due_sort, (id COLLATE "C"));
   CREATE INDEX instances_search_township ON {schema}.instances (tenant, township, due_sort, (id COLLATE "C"));
   CREATE INDEX instances_search_township_state ON {schema}.instances (tenant, township, state, due_sort, (id COLLATE "C"));
   CREATE INDEX instances_search_village ON {schema}.instances (tenant, village, due_sort, (id COLLATE "C"));
   CREATE INDEX instances_search_household ON {schema}.instances (tenant, household, due_sort, (id COLLATE "C"))
     WHERE household IS NOT NULL;
   CREATE INDEX instances_search_overdue ON {schema}.instances (tenant, due_sort, (id COLLATE "C")) WHERE overdue = 1;`,
  // 6: room on each page of instances for their next versions: an event that leaves every indexed
  // column as it was is then written beside the row (a HOT update), touching none of the indexes.
  `ALTER TABLE {schema}.instances SET (fillfactor = 70);`,
];

/** A schema name as PostgreSQL would fold it, refused unless it is a plain identifier. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(inBoth(postgresStoreMessage('schema.invalid-name', { schema })));
  }
  return schema;
}

/**
 * Bring `schema` up to the latest version inside one transaction holding an advisory lock on
 * its name; returns the version it is at.
 */
export async function migrateSchema(client: ClientBase, schema: string): Promise<number> {
  const quoted = `"${checkSchemaName(schema)}"`;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ruralkit-store:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${quoted}.schema_migrations`,
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_MIGRATIONS.length) {
      const versions = { schema, current, supported: SCHEMA_MIGRATIONS.length };
      throw new Error(inBoth(postgresStoreMessage('schema.too-new', versions)));
    }
    for (let version = current; version < SCHEMA_MIGRATIONS.length; version += 1) {
      await client.query(SCHEMA_MIGRATIONS[version]!.replaceAll('{schema}', quoted));
      await client.query(`INSERT INTO ${quoted}.schema_migrations (version) VALUES ($1)`, [version + 1]);
    }
    await client.query('COMMIT');
    return SCHEMA_MIGRATIONS.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
