/**
 * The PostgreSQL store (PostgreSQL 存储): many processes, one database. Every commit —
 * instance, audit entries, outbox events, idempotency key — is one transaction; instance
 * versions give optimistic concurrency; each tenant's audit head row is locked only by that
 * tenant's commits. Passed deadlines and undelivered events are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease on the database's clock; new events are announced
 * with NOTIFY so delivering processes wake at once.
 */
import pg from 'pg';
import {
  checkpointText,
  ConflictError,
  type AuditEntry,
  type AuditHead,
  type Commit,
  type InstanceRecord,
  type OutboxEntry,
  type OutboxStatus,
  type WorkflowStore,
} from '@ruralkit/core';
import {
  auditEntryOf,
  auditTenants,
  GENESIS_HASH,
  sealCommit,
  searchColumns,
  searchSql,
  type AuditRow,
  type InstanceRow,
  type SealedCommit,
  type SearchDialect,
} from '@ruralkit/core/store';
import { inBoth, postgresStoreMessage } from './locales/index.js';
import { checkSchemaName, migrateSchema } from './migrations.js';
import { SoleWriter } from './sole-writer.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database`; default: the `DATABASE_URL` environment variable. */
  connectionString?: string;
  /** The schema holding the store's tables (default `ruralkit`); created when missing. */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /**
   * Create the schema when it does not exist (default true). With false, a missing schema is
   * refused: a mistyped name must not look like an empty, intact store.
   */
  create?: boolean;
}

/** A workflow store over a PostgreSQL schema. */
export interface PostgresStore extends WorkflowStore {
  /** The connection pool, for inspection and maintenance. */
  readonly pool: pg.Pool;
  readonly schema: string;
}

const AUDIT_COLUMNS = 'tenant, seq, instance_id AS "instanceId", prev_hash AS "prevHash", hash, entry';

/** Ids sort as bytes, as in every store (the search index's order). */
const POSTGRES_BINARY = ' COLLATE "C"';

/** A statement with `?` placeholders numbered as PostgreSQL's `$1, $2…`. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${(n += 1)}`);
}

/** PostgreSQL's error codes that mean "another writer got there first". */
const CONFLICTS = new Set(['23505', '40001', '40P01']);

/** Open a store on PostgreSQL, creating or migrating its schema first. */
export async function openPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(inBoth(postgresStoreMessage('connection.missing', {})));
  }
  const schema = checkSchemaName(options.schema ?? 'ruralkit');
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (a restart) is discarded by the pool; the next
  // query opens a new one. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (options.create === false) {
        const { rowCount } = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
        if (!rowCount) {
          throw new Error(inBoth(postgresStoreMessage('schema.missing', { schema })));
        }
      }
      await migrateSchema(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool, connectionString, schema);
}

function postgresStore(pool: pg.Pool, connectionString: string, schema: string): PostgresStore {
  const s = `"${schema}"`;
  const channel = `ruralkit_outbox_${schema}`;
  const watchers = new Set<() => void>();
  let listener: pg.Client | undefined;
  let closed = false;

  /** The parameters of an instance row: its columns, its search columns, then its parties. */
  const row = (i: InstanceRow, record: InstanceRecord) => {
    const c = searchColumns(record);
    return [
      i.id,
      i.tenant,
      i.type,
      i.subjectKey,
      i.exclusiveKey,
      i.state,
      i.status,
      i.version,
      i.nextDeadlineAt,
      i.record,
      c.township,
      c.village,
      c.household,
      c.dueSort,
      c.overdue ? 1 : 0,
      c.updatedAt,
      c.parties,
    ];
  };
  /** Parameters a `row` takes. */
  const ROW = 17;
  const SEARCH_COLUMNS = 'township, village, household, due_sort, overdue, updated_at';

  /**
   * The update of an instance to its next version, its parameters from `$first` on: `row`, then
   * the expected version; and the CTEs that bring its parties up to date once `saved` (its
   * RETURNING id) is.
   */
  const saveInstance = (first: number) => {
    const $ = (i: number) => `$${first + i}`;
    return `UPDATE ${s}.instances SET tenant = ${$(1)}, type = ${$(2)}, subject_key = ${$(3)}, exclusive_key = ${$(4)},
      state = ${$(5)}, status = ${$(6)}, version = ${$(7)}, next_deadline_at = ${$(8)}, record = ${$(9)},
      township = ${$(10)}, village = ${$(11)}, household = ${$(12)}, due_sort = ${$(13)}, overdue = ${$(14)},
      updated_at = ${$(15)}, claimed_by = NULL, claimed_until = NULL WHERE id = ${$(0)} AND version = ${$(ROW)}`;
  };
  const saveParties = (first: number) => {
    const $ = (i: number) => `$${first + i}`;
    // only the parties that changed: a row kept as it was costs no index entries (the
    // statement's parts see the rows as they were before it, so none sees another's change)
    const same = `p.due_sort = ${$(13)} AND p.overdue = ${$(14)}::int`;
    return `parties_gone AS (
        DELETE FROM ${s}.instance_parties AS p WHERE p.instance_id IN (SELECT id FROM saved)
          AND NOT (${same} AND p.party = ANY (${$(16)}::text[]))
      ),
      parties_added AS (
        INSERT INTO ${s}.instance_parties (instance_id, tenant, party, due_sort, overdue)
        SELECT saved.id, ${$(1)}, n.party, ${$(13)}, ${$(14)}::int FROM saved, unnest(${$(16)}::text[]) AS n (party)
        WHERE NOT EXISTS (
          SELECT 1 FROM ${s}.instance_parties AS p WHERE p.instance_id = saved.id AND p.party = n.party AND ${same}
        )
      )`;
  };

  /**
   * The audit rows of chained entries and their tenants' new heads, as two CTEs (`appended`,
   * `moved`) with their parameters from `$first` on, written only `when` it holds.
   */
  const appendAudit = (first: number, when = 'TRUE') => {
    const $ = (i: number) => `$${first + i}`;
    return `appended AS (
        INSERT INTO ${s}.audit (tenant, seq, instance_id, prev_hash, hash, entry)
        SELECT * FROM unnest(${$(0)}::text[], ${$(1)}::bigint[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::text[],
          ${$(5)}::text[]) WHERE ${when}
      ),
      moved AS (
        UPDATE ${s}.audit_heads AS h SET seq = n.seq, hash = n.hash
        FROM unnest(${$(6)}::text[], ${$(7)}::bigint[], ${$(8)}::text[]) AS n (tenant, seq, hash)
        WHERE h.tenant = n.tenant AND ${when}
      )`;
  };
  const auditParams = (rows: AuditRow[], heads: Map<string, AuditHead>) => [
    rows.map((r) => r.tenant),
    rows.map((r) => r.seq),
    rows.map((r) => r.instanceId),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
    rows.map((r) => r.entry),
    [...heads.keys()],
    [...heads.values()].map((h) => h.seq),
    [...heads.values()].map((h) => h.hash),
  ];

  /** Whether this process writes each tenant's chain alone (`sole-writer.ts`). */
  const writer = new SoleWriter();

  /** Run `work` in one transaction; constraint violations and deadlocks become `conflict()`. */
  async function transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
    conflict?: () => ConflictError,
  ) {
    const client = await pool.connect();
    let broken: Error | undefined;
    // the server may drop the connection between two statements (a restart): note it, so
    // the connection is discarded rather than the error ending the process
    const lost = (error: Error) => (broken = error);
    client.on('error', lost);
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(lost);
      if (conflict && CONFLICTS.has((error as { code?: string }).code ?? '')) throw conflict();
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  /**
   * Audit entries, outbox events and the idempotency key of a commit, in the stored form core
   * sealed them into (`sealed`), inside its transaction; with `expectedVersion`, the instance's
   * new version too (in the same statement as the outbox rows: one round trip less), refused as
   * a conflict when the stored version is no longer the expected one.
   */
  async function writeCommit(
    client: pg.PoolClient,
    commit: Commit,
    sealed: SealedCommit,
    expectedVersion?: number,
    record?: InstanceRecord,
  ): Promise<AuditEntry[]> {
    const saved = expectedVersion === undefined ? undefined : sealed.instance;
    // The idempotency key first: a repeated key violates its primary key (a conflict), and a
    // racing one waits here, before it holds any audit head.
    if (commit.idempotency) {
      const { scope, key, result } = commit.idempotency;
      await client.query(`INSERT INTO ${s}.idempotency (scope, key, result) VALUES ($1, $2, $3)`, [
        scope,
        key,
        JSON.stringify(result),
      ]);
    }
    // Then one statement: the outbox rows (announced with NOTIFY at commit) and the lock on the
    // heads of the tenants this commit extends, taken last so a tenant's commits wait on one
    // another only for the audit rows themselves (in name order: no deadlocks).
    const tenants = auditTenants(commit.audit).sort();
    // The highest stored seq of each tenant comes with its head: a head row missing or behind
    // is refused (read in the statement's snapshot, it is never ahead of the locked head).
    const locked = await client.query<{ tenant: string | null; seq: string; hash: string | null; last: string }>(
      `WITH ${saved ? `saved AS (${saveInstance(5)} RETURNING id), ${saveParties(5)},` : ''}
       added AS (INSERT INTO ${s}.outbox (event) SELECT unnest($1::text[]) RETURNING id),
       heads AS (
         INSERT INTO ${s}.audit_heads (tenant, seq, hash) SELECT unnest($3::text[]), 0, $4
         ON CONFLICT (tenant) DO UPDATE SET tenant = EXCLUDED.tenant RETURNING tenant, seq, hash
       )
       SELECT tenant, seq, hash, (SELECT coalesce(max(a.seq), 0) FROM ${s}.audit AS a WHERE a.tenant = heads.tenant) AS last
       FROM heads
       UNION ALL SELECT NULL, NULL, NULL, NULL FROM (SELECT pg_notify($2, '') FROM (SELECT 1 FROM added LIMIT 1) AS a) AS n
       ${saved ? `UNION ALL SELECT NULL, count(*), 'saved', NULL FROM saved` : ''}`,
      [sealed.outbox, channel, tenants, GENESIS_HASH, ...(saved ? [...row(saved, record!), expectedVersion] : [])],
    );
    if (saved && Number(locked.rows.find((r) => r.tenant === null && r.hash === 'saved')?.seq) !== 1) {
      throw new ConflictError(saved.id, expectedVersion!);
    }
    if (commit.audit.length === 0) return [];
    const current = new Map(
      locked.rows
        .filter((r) => r.tenant !== null)
        .map((r) => [r.tenant!, { head: { seq: Number(r.seq), hash: r.hash! }, lastSeq: Number(r.last) }]),
    );
    const { rows, entries, heads } = sealed.chain((tenant) => current.get(tenant)!);
    await client.query(`WITH ${appendAudit(1)} SELECT 1`, auditParams(rows, heads));
    return writer.locked(current, entries);
  }

  /**
   * A save in one statement, without a lock held across round trips: the instance, its audit
   * rows, the heads and the outbox, written only if every head is still `known` and the
   * instance still at `expectedVersion`. Undefined when a head has moved (nothing written).
   */
  async function saveAhead(
    sealed: SealedCommit,
    record: InstanceRecord,
    expectedVersion: number,
    known: Map<string, AuditHead>,
  ): Promise<AuditEntry[] | undefined> {
    const instance = sealed.instance!;
    // the heads are checked to be the stored ones in the statement; entries past them (a head
    // row set back by hand) collide with the audit key and take the locking path, which names it
    const { rows, entries, heads } = sealed.chain((tenant) => ({
      head: known.get(tenant),
      lastSeq: known.get(tenant)!.seq,
    }));
    let result: pg.QueryResult<{ saved: number; current: number }>;
    try {
      result = await pool.query(
        `WITH current AS (
           SELECT h.tenant FROM ${s}.audit_heads AS h
           JOIN unnest($3::text[], $4::bigint[], $5::text[]) AS k (tenant, seq, hash)
             ON h.tenant = k.tenant AND h.seq = k.seq AND h.hash = k.hash
           FOR UPDATE OF h
         ),
         saved AS (
           ${saveInstance(6)} AND (SELECT count(*) FROM current) = cardinality($3::text[]) RETURNING id
         ),
         ${saveParties(6)},
         ${appendAudit(6 + ROW + 1, 'EXISTS (SELECT 1 FROM saved)')},
         added AS (
           INSERT INTO ${s}.outbox (event) SELECT unnest($1::text[]) WHERE EXISTS (SELECT 1 FROM saved) RETURNING id
         )
         SELECT (SELECT count(*) FROM saved)::int AS saved, (SELECT count(*) FROM current)::int AS current,
           (SELECT count(pg_notify($2, '')) FROM (SELECT 1 FROM added LIMIT 1) AS a)::int AS notified`,
        [
          sealed.outbox,
          channel,
          [...known.keys()],
          [...known.values()].map((h) => h.seq),
          [...known.values()].map((h) => h.hash),
          ...row(instance, record),
          expectedVersion,
          ...auditParams(rows, heads),
        ],
      );
    } catch (error) {
      const { code, table } = error as { code?: string; table?: string };
      if (code === '23505' && table === 'audit') {
        writer.moved(known.keys());
        return undefined;
      }
      if (CONFLICTS.has(code ?? '')) throw new ConflictError(instance.id, expectedVersion);
      throw error;
    }
    const { saved, current } = result.rows[0]!;
    if (current !== known.size) {
      writer.moved(known.keys());
      return undefined;
    }
    if (saved !== 1) throw new ConflictError(instance.id, expectedVersion);
    return writer.wrote(entries);
  }

  const records = (rows: { record: string }[]) => rows.map((r) => JSON.parse(r.record) as InstanceRecord);
  const outboxEntry = (r: { id: string; event: string }): OutboxEntry => ({
    ...(JSON.parse(r.event) as Omit<OutboxEntry, 'id'>),
    id: Number(r.id),
  });

  /** Keep one connection listening for new outbox events; reconnect when it is lost. */
  function listen(): void {
    if (closed || listener || watchers.size === 0) return;
    const client = new pg.Client({ connectionString });
    listener = client;
    const retry = () => {
      if (listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      // wake the watchers too: events committed while the connection was down
      for (const wake of watchers) wake();
      setTimeout(listen, 500).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => {
      for (const wake of watchers) wake();
    });
    client
      .connect()
      .then(() => client.query(`LISTEN "${channel}"`))
      .catch(retry);
  }

  return {
    pool,
    schema,
    async create(instance, commit) {
      return transaction(
        async (client) => {
          const sealed = sealCommit(commit, instance);
          await client.query(
            `WITH created AS (
               INSERT INTO ${s}.instances (id, tenant, type, subject_key, exclusive_key, state, status, version,
                 next_deadline_at, record, ${SEARCH_COLUMNS})
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id
             )
             INSERT INTO ${s}.instance_parties (instance_id, tenant, party, due_sort, overdue)
             SELECT created.id, $2, unnest($17::text[]), $14, $15::int FROM created`,
            row(sealed.instance!, instance),
          );
          return writeCommit(client, commit, sealed);
        },
        'BEGIN',
        () => new ConflictError(instance.id, 0),
      );
    },
    async save(instance, expectedVersion, commit) {
      const sealed = sealCommit(commit, instance);
      // A key is kept to the locking path, where it is inserted before any head is locked.
      const known = commit.idempotency ? undefined : writer.heads(auditTenants(commit.audit));
      if (known) {
        const entries = await saveAhead(sealed, instance, expectedVersion, known);
        if (entries) return entries;
      }
      return transaction(
        (client) => writeCommit(client, commit, sealed, expectedVersion, instance),
        'BEGIN',
        () => new ConflictError(instance.id, expectedVersion),
      );
    },
    async record(commit) {
      return transaction(
        (client) => writeCommit(client, commit, sealCommit(commit)),
        'BEGIN',
        () => new ConflictError(commit.audit[0]?.instanceId ?? '-', 0),
      );
    },
    async load(id) {
      const { rows } = await pool.query<{ record: string }>(`SELECT record FROM ${s}.instances WHERE id = $1`, [id]);
      return records(rows)[0];
    },
    async findBySubject({ type, tenant, subjectKey, open }) {
      const { rows } = await pool.query<{ record: string }>(
        `SELECT record FROM ${s}.instances WHERE type = $1 AND tenant = $2 AND subject_key = $3
         AND ($4::boolean IS NOT TRUE OR status = 'active') ORDER BY created_seq`,
        [type, tenant, subjectKey, open ?? false],
      );
      return records(rows);
    },
    async searchInstances(search) {
      const { page, counts } = searchSql(search, {
        instances: `${s}.instances`,
        parties: `${s}.instance_parties`,
        binary: POSTGRES_BINARY,
      } satisfies SearchDialect);
      // One read-only transaction (repeatable read with counts: the page and its counts as of one
      // moment). A page is a walk down an index to its LIMIT: parallel workers cost more to start
      // than the walk (the planner cannot tell how soon it stops), so the page is planned without;
      // the counts may use them.
      return transaction(
        async (client) => {
          await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
          const found = await client.query<{ record: string }>(numbered(page.text), page.params);
          let counted: { state: string; n: string }[] | undefined;
          if (counts) {
            await client.query('RESET max_parallel_workers_per_gather');
            counted = (await client.query<{ state: string; n: string }>(numbered(counts.text), counts.params)).rows;
          }
          return {
            records: records(found.rows.slice(0, search.limit)),
            more: found.rows.length > search.limit,
            ...(counted ? { counts: Object.fromEntries(counted.map((r) => [r.state, Number(r.n)])) } : {}),
          };
        },
        counts ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN READ ONLY',
      );
    },
    async claimDue(now, lease, limit = 100, tenant) {
      const { rows } = await pool.query<{ record: string }>(
        `UPDATE ${s}.instances SET claimed_by = $1, claimed_until = now() + $2 * interval '1 millisecond'
         WHERE id IN (
           SELECT id FROM ${s}.instances
           WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= $3
             AND (claimed_until IS NULL OR claimed_until <= now())
             AND ($5::text IS NULL OR tenant = $5)
           ORDER BY next_deadline_at LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING record`,
        [lease.owner, lease.ms, now, limit, tenant ?? null],
      );
      return records(rows).sort((a, b) => (a.nextDeadlineAt! < b.nextDeadlineAt! ? -1 : 1));
    },
    async dueTenants(now) {
      const { rows } = await pool.query<{ tenant: string }>(
        `SELECT DISTINCT tenant FROM ${s}.instances WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= $1
         ORDER BY tenant`,
        [now],
      );
      return rows.map((r) => r.tenant);
    },
    async claimTicker(tenant, lease) {
      // taken when free, expired or already the owner's; refused (no row) while another holds it
      const { rowCount } = await pool.query(
        `INSERT INTO ${s}.ticker_leases AS l (tenant, owner, held_until)
         VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (tenant) DO UPDATE SET owner = excluded.owner, held_until = excluded.held_until
         WHERE l.owner = excluded.owner OR l.held_until <= clock_timestamp()`,
        [tenant, lease.owner, lease.ms],
      );
      return rowCount === 1;
    },
    async releaseTicker(tenant, owner) {
      await pool.query(`DELETE FROM ${s}.ticker_leases WHERE tenant = $1 AND owner = $2`, [tenant, owner]);
    },
    async findIdempotent(scope, key) {
      const { rows } = await pool.query<{ result: string }>(
        `SELECT result FROM ${s}.idempotency WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      return rows[0] ? JSON.parse(rows[0].result) : undefined;
    },
    async readAudit(query = {}) {
      const { rows } = await pool.query<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM ${s}.audit
         WHERE ($1::text IS NULL OR instance_id = $1) AND ($2::text IS NULL OR tenant = $2) ORDER BY tenant, seq`,
        [query.instanceId ?? null, query.tenant ?? null],
      );
      return rows.map(auditEntryOf);
    },
    async auditHeads() {
      const { rows } = await pool.query<{ tenant: string; seq: string; hash: string }>(
        `SELECT tenant, seq, hash FROM ${s}.audit_heads WHERE seq > 0 ORDER BY tenant`,
      );
      return Object.fromEntries(rows.map((r) => [r.tenant, { seq: Number(r.seq), hash: r.hash } satisfies AuditHead]));
    },
    async auditEvidence(query = {}) {
      // one repeatable-read transaction: everything as of one moment
      return transaction(async (client) => {
        const tenant = [query.tenant ?? null];
        const audit = await client.query<AuditRow>(
          `SELECT ${AUDIT_COLUMNS} FROM ${s}.audit WHERE ($1::text IS NULL OR tenant = $1) ORDER BY tenant, seq`,
          tenant,
        );
        const heads = await client.query<{ tenant: string; seq: string; hash: string }>(
          `SELECT tenant, seq, hash FROM ${s}.audit_heads WHERE seq > 0 AND ($1::text IS NULL OR tenant = $1)`,
          tenant,
        );
        const instances = await client.query<InstanceRow>(
          `SELECT id, tenant, type, subject_key AS "subjectKey", exclusive_key AS "exclusiveKey", state, status, version,
             next_deadline_at AS "nextDeadlineAt", record
           FROM ${s}.instances WHERE ($1::text IS NULL OR tenant = $1) ORDER BY created_seq`,
          tenant,
        );
        const outbox = await client.query<{ id: string; event: string }>(
          `SELECT id, event FROM ${s}.outbox ORDER BY id`,
        );
        // a dropped table is evidence too: verification reports it
        const table = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
          `${s}.audit_checkpoints`,
        ]);
        const checkpoints = table.rows[0]?.present
          ? await client.query<{ checkpoint: string }>(
              `SELECT checkpoint FROM ${s}.audit_checkpoints WHERE ($1::text IS NULL OR tenant = $1) ORDER BY tenant, seq`,
              tenant,
            )
          : undefined;
        return {
          audit: audit.rows.map((r) => ({ ...r, seq: Number(r.seq) })),
          heads: Object.fromEntries(heads.rows.map((r) => [r.tenant, { seq: Number(r.seq), hash: r.hash }])),
          instances: instances.rows,
          outbox: outbox.rows.map((r) => ({ id: Number(r.id), event: r.event })),
          checkpoints: checkpoints?.rows.map((r) => r.checkpoint),
        };
      }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },
    async addCheckpoints(checkpoints) {
      if (checkpoints.length === 0) return;
      await pool.query(
        `INSERT INTO ${s}.audit_checkpoints (tenant, seq, key_id, checkpoint)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
        [
          checkpoints.map((c) => c.tenant),
          checkpoints.map((c) => c.seq),
          checkpoints.map((c) => c.keyId),
          checkpoints.map(checkpointText),
        ],
      );
    },
    async pendingOutbox(limit = 100) {
      const { rows } = await pool.query<{ id: string; event: string }>(
        `SELECT id, event FROM ${s}.outbox WHERE delivered_at IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
      return rows.map(outboxEntry);
    },
    async claimOutbox(lease, limit = 100) {
      // Claims take turns (a transaction lock on the outbox), so each sees the claims before it
      // and never takes an event whose instance has an earlier one held by another lease.
      const rows = await transaction(async (client) => {
        await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ruralkit-outbox:${schema}`]);
        const claimed = await client.query<{ id: string; event: string }>(
          `UPDATE ${s}.outbox SET claimed_by = $1, claimed_until = clock_timestamp() + $2 * interval '1 millisecond'
           WHERE id IN (
             SELECT id FROM ${s}.outbox o
             WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until <= clock_timestamp())
             AND NOT EXISTS (SELECT 1 FROM ${s}.outbox e WHERE e.instance_id = o.instance_id AND e.id < o.id
               AND e.delivered_at IS NULL AND e.claimed_until > clock_timestamp())
             ORDER BY id LIMIT $3)
           RETURNING id, event`,
          [lease.owner, lease.ms, limit],
        );
        return claimed.rows;
      });
      return rows.map(outboxEntry).sort((a, b) => a.id - b.id);
    },
    async deadLetterOutbox({ outboxId, destination, attempts, error }) {
      await pool.query(
        `WITH given_up AS (
           UPDATE ${s}.outbox SET delivered_at = now(), claimed_by = NULL, claimed_until = NULL WHERE id = $1 RETURNING id)
         INSERT INTO ${s}.outbox_dead_letters (outbox_id, destination, attempts, error)
         SELECT id, $2, $3, $4 FROM given_up`,
        [outboxId, destination, attempts, error],
      );
    },
    async deadLetters(limit = 100) {
      const { rows } = await pool.query<{
        outbox_id: string;
        destination: string;
        attempts: number;
        error: string;
        at: Date;
      }>(`SELECT outbox_id, destination, attempts, error, at FROM ${s}.outbox_dead_letters ORDER BY id LIMIT $1`, [
        limit,
      ]);
      return rows.map((r) => ({
        outboxId: Number(r.outbox_id),
        destination: r.destination,
        attempts: r.attempts,
        error: r.error,
        at: r.at.toISOString(),
      }));
    },
    async replayOutbox(from) {
      const { rowCount } = await pool.query(
        `UPDATE ${s}.outbox SET delivered_at = NULL, claimed_by = NULL, claimed_until = NULL
         WHERE id >= $1 AND delivered_at IS NOT NULL`,
        [from],
      );
      return rowCount ?? 0;
    },
    async outboxStatus(tenant) {
      // of every event, or of one tenant's
      const mine = tenant === undefined ? 'TRUE' : 'tenant = $1';
      const letters = tenant === undefined ? 'TRUE' : `outbox_id IN (SELECT id FROM ${s}.outbox WHERE tenant = $1)`;
      const { rows } = await pool.query<Record<keyof OutboxStatus, string>>(
        `SELECT coalesce((SELECT min(id) FROM ${s}.outbox WHERE delivered_at IS NULL AND ${mine}) - 1,
             (SELECT coalesce(max(id), 0) FROM ${s}.outbox WHERE ${mine})) AS position,
           (SELECT coalesce(max(id), 0) FROM ${s}.outbox WHERE ${mine}) AS last,
           (SELECT count(*) FROM ${s}.outbox WHERE delivered_at IS NULL AND ${mine}) AS pending,
           (SELECT count(*) FROM ${s}.outbox WHERE delivered_at IS NULL AND claimed_until > now() AND ${mine}) AS claimed,
           (SELECT count(*) FROM ${s}.outbox_dead_letters WHERE ${letters}) AS "deadLetters"`,
        tenant === undefined ? [] : [tenant],
      );
      const r = rows[0]!;
      return {
        position: Number(r.position),
        last: Number(r.last),
        pending: Number(r.pending),
        claimed: Number(r.claimed),
        deadLetters: Number(r.deadLetters),
      };
    },
    async markDelivered(ids) {
      if (ids.length === 0) return;
      await pool.query(`UPDATE ${s}.outbox SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    },
    async releaseOutbox(ids) {
      if (ids.length === 0) return;
      await pool.query(
        `UPDATE ${s}.outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ANY($1::bigint[]) AND delivered_at IS NULL`,
        [ids],
      );
    },
    watchOutbox(wake) {
      watchers.add(wake);
      listen();
      return () => {
        watchers.delete(wake);
        if (watchers.size === 0 && listener) {
          const client = listener;
          listener = undefined;
          void client.end().catch(() => undefined);
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      watchers.clear();
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
