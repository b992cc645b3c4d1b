// The runtime and the CLI over a real PostgreSQL: migrations under an advisory lock, tampering
// with the audit table by raw SQL, personal data only sealed or hashed in the rows, and
// `ruralkit workflow --database-url`. Needs DATABASE_URL.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditBrokenError, createMaintenance, createRuntime } from '@ruralkit/core';
import { openPostgresStore, SCHEMA_MIGRATIONS, type PostgresStore } from '@ruralkit/store-postgres';
import { capture } from '../packages/cli/test/helpers.js';
import {
  cadre,
  harness,
  input,
  official,
  PATHS,
  PERSONAL,
  PERSONAL_PATH,
  plan,
  START_AT,
  TENANT,
  walk,
} from '../packages/core/test/workflows/fixtures.js';
import { DATABASE_URL, dropTestSchemas, openTestStore, SKIP_POSTGRES, testSchema } from './support/postgres.js';
import { tamperSuite } from './support/tamper.js';

describe.skipIf(SKIP_POSTGRES !== undefined)('the runtime over PostgreSQL', () => {
  const stores: PostgresStore[] = [];
  const open = async (schema?: string) => {
    const store = await openTestStore(schema);
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropTestSchemas();
  });

  it('migrates once when several processes open a new schema at the same time, and refuses a newer one', async () => {
    const schema = testSchema('migrate');
    await Promise.all([open(schema), open(schema), open(schema), open(schema)]);
    const { rows } = await stores[0]!.pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(SCHEMA_MIGRATIONS.map((_, i) => i + 1));
    await stores[0]!.pool.query(`INSERT INTO "${schema}".schema_migrations (version) VALUES ($1)`, [
      SCHEMA_MIGRATIONS.length + 1,
    ]);
    await expect(open(schema)).rejects.toThrow(/newer than this store supports/);
  });

  it('fills the search index of the instances written before its migration', async () => {
    const source = await open();
    const h = harness(START_AT['village-plan'], source);
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    // a schema at the version before the search index, holding the instance's row as then written
    const old = testSchema('search');
    const before = SCHEMA_MIGRATIONS.findIndex((m) => m.includes('instance_parties'));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${old}"`);
      await client.query(
        `CREATE TABLE "${old}".schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      for (let version = 0; version < before; version += 1) {
        await client.query(SCHEMA_MIGRATIONS[version]!.replaceAll('{schema}', `"${old}"`));
        await client.query(`INSERT INTO "${old}".schema_migrations (version) VALUES ($1)`, [version + 1]);
      }
      const columns = 'id, tenant, type, subject_key, exclusive_key, state, status, version, next_deadline_at, record';
      await client.query(
        `INSERT INTO "${old}".instances (${columns}) SELECT ${columns} FROM "${source.schema}".instances`,
      );
    } finally {
      await client.end();
    }
    const runtime = createRuntime({ plan, store: await open(old) });
    const { instances } = await runtime.search(official(), { unit: 'natural-resources', dueBefore: '2023-01-01' });
    expect(instances).toMatchObject([
      { id, state: 'consultation', subject: { village: 'jianglian' }, due: '2022-12-31' },
    ]);
    expect((await runtime.search(official(), { dueAfter: '2023-01-01' })).instances).toEqual([]);
  });

  it('refuses a schema name that is not a plain identifier, and a missing connection string', async () => {
    await expect(openPostgresStore({ connectionString: DATABASE_URL!, schema: 'x"; DROP' })).rejects.toThrow(
      /invalid PostgreSQL schema name/,
    );
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(openPostgresStore({ schema: 'anything' })).rejects.toThrow(/DATABASE_URL/);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });

  it('detects audit rows edited or deleted with raw SQL, naming the tenant and the entry', async () => {
    for (const tamper of ['edit', 'delete-middle', 'delete-last', 'move-to-other-tenant'] as const) {
      const store = await open();
      const h = harness(START_AT['village-plan'], store);
      const id = await walk(h, PATHS['village-plan']);
      expect(await h.maintenance.verify()).toMatchObject({ ok: true, entries: 7 });
      const raw = new pg.Client({ connectionString: DATABASE_URL });
      await raw.connect();
      const audit = `"${store.schema}".audit`;
      try {
        if (tamper === 'edit') {
          const { rows } = await raw.query(`SELECT entry FROM ${audit} WHERE seq = 4`);
          const entry = JSON.parse(rows[0].entry);
          entry.payload = { attendees: 120, inFavour: 40 };
          await raw.query(`UPDATE ${audit} SET entry = $1 WHERE seq = 4`, [JSON.stringify(entry)]);
        } else if (tamper === 'delete-middle') {
          await raw.query(`DELETE FROM ${audit} WHERE seq = 3`);
        } else if (tamper === 'delete-last') {
          await raw.query(`DELETE FROM ${audit} WHERE seq = 7`);
        } else {
          await raw.query(`UPDATE ${audit} SET tenant = 'other' WHERE seq = 5`);
        }
      } finally {
        await raw.end();
      }
      const verification = await h.maintenance.verify();
      expect(verification.ok, tamper).toBe(false);
      if (verification.ok) continue;
      expect(verification.tenant).toBe('changjiang');
      expect(verification.message.en).toContain('tenant changjiang');
      if (tamper === 'edit') {
        expect(verification).toMatchObject({ seq: 4, instanceId: id, problem: 'changed' });
        expect(verification.message.en).toContain('RECORD_VOTE');
      } else if (tamper === 'move-to-other-tenant') {
        expect(verification).toMatchObject({ seq: 5, problem: 'changed' });
        expect(verification.message.en).toContain('column tenant says "other" but the entry says "changjiang"');
      } else {
        expect(verification).toMatchObject({ seq: tamper === 'delete-middle' ? 3 : 7, problem: 'missing' });
      }
    }
  });

  it('stores personal values only as ciphertext and keyed hashes: no row of any table holds one', async () => {
    const store = await open();
    const h = harness(START_AT['poverty-monitoring'], store);
    const id = await walk(h, PERSONAL_PATH);
    const raw = new pg.Client({ connectionString: DATABASE_URL });
    await raw.connect();
    const rows: string[] = [];
    try {
      const { rows: tables } = await raw.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
        [store.schema],
      );
      expect(tables.length).toBeGreaterThan(3);
      for (const { table_name } of tables) {
        const { rows: content } = await raw.query(`SELECT * FROM "${store.schema}"."${table_name}"`);
        rows.push(JSON.stringify(content));
      }
    } finally {
      await raw.end();
    }
    const all = rows.join('\n');
    expect(all).toContain('$personal'); // sealed and hashed values are there…
    for (const value of Object.values(PERSONAL)) expect(all).not.toContain(value); // …and no plaintext
    expect((await h.runtime.get(id, { principal: cadre('liuyang') })).context.householdHead).toBe(PERSONAL.name);
  });

  it('runs `ruralkit workflow` on a PostgreSQL schema with --database-url', async () => {
    const schema = testSchema('cli');
    const official = {
      id: 'official',
      roles: ['township-official'],
      tenant: 'changjiang',
      township: 'liyang',
    };
    const store = ['--database-url', DATABASE_URL!, '--schema', schema];
    const started = await capture(
      [
        ...['workflow', 'start', 'village-plan', ...store, '--tenant', 'changjiang', '--village', 'jianglian'],
        ...['--event', JSON.stringify({ type: 'START', actor: official, payload: {} })],
      ],
      { today: '2021-03-01' },
    );
    expect(started.code, started.stderr).toBe(0);
    const id = started.stdout.trim();
    const shown = await capture(['workflow', 'show', id, ...store, '--format', 'json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, type: 'village-plan', tenant: 'changjiang' });
    const verified = await capture(['workflow', 'verify', ...store]);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain('audit chain intact: 1 entries');
    expect(verified.stdout).toContain('tenant changjiang: 1 entries');
    const bad = await capture(['workflow', 'verify', '--database-url', DATABASE_URL!, '--schema', 'Bad-Name']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid PostgreSQL schema name "Bad-Name"');
    // a mistyped schema is not an empty, intact store, and is not created
    const typo = testSchema('typo');
    const missing = await capture(['workflow', 'verify', '--database-url', DATABASE_URL!, '--schema', typo]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`the PostgreSQL schema "${typo}" does not exist`);
    const raw = new pg.Client({ connectionString: DATABASE_URL });
    await raw.connect();
    const { rowCount } = await raw.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [typo]);
    await raw.end();
    expect(rowCount).toBe(0);
  });

  it('wakes a delivering process with NOTIFY when another process commits, without polling', async () => {
    const schema = testSchema('notify');
    const listener = createRuntime({ plan, store: await open(schema) });
    const writer = harness(START_AT['village-plan'], await open(schema));
    const received = new Promise<string>((resolve) => listener.subscribe((e) => resolve(e.type)));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the LISTEN connection is up
    await walk(writer, PATHS['village-plan'], 'drafting');
    expect(await received).toBe('started');
  });

  it('saves in one statement while its audit head is the newest, and falls back when another process moved it', async () => {
    const schema = testSchema('ahead');
    const [a, b] = [await open(schema), await open(schema)];
    const ahead = { a: 0, b: 0 };
    for (const [name, store] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const query = store.pool.query.bind(store.pool) as (...args: unknown[]) => unknown;
      store.pool.query = ((text: unknown, ...rest: unknown[]) => {
        if (typeof text === 'string' && text.includes('WITH current AS')) ahead[name] += 1;
        return query(text, ...rest);
      }) as typeof store.pool.query;
    }
    // Alone: once a locking commit finds the chain as this process left it, every send is one statement.
    const first = harness(START_AT['village-plan'], a);
    const alone = await walk(first, PATHS['village-plan']);
    const sends = PATHS['village-plan'].steps.length - 1;
    expect(ahead.a).toBe(sends - 1);
    // Two processes taking turns on one tenant's chain: each finds the head moved by the other.
    const second = createRuntime({ plan, store: b, clock: first.clock });
    const { subject, steps } = PATHS['village-plan'];
    const ids: string[] = [];
    for (const [i, step] of steps.entries()) {
      if (step.after) first.clock.advanceDays(step.after);
      for (const [n, runtime] of [first.runtime, second].entries()) {
        const event = { type: step.event, actor: step.actor, ...(step.payload ? { payload: step.payload } : {}) };
        if (i === 0) ids.push((await runtime.start('village-plan', { tenant: TENANT, subject, event })).instanceId);
        else await runtime.send(ids[n]!, event);
      }
    }
    // Taking turns: a's first attempt finds the chain moved by b and falls back; after that neither
    // finds the chain as it left it, so both take the locking path without trying again.
    expect(ahead).toEqual({ a: sends, b: 0 });
    for (const id of [alone, ...ids]) {
      expect((await second.history(id)).map((e) => e.event)).toEqual(PATHS['village-plan'].steps.map((s) => s.event));
    }
    expect(await createMaintenance({ store: b }).verify()).toMatchObject({ ok: true, entries: 3 * (sends + 1) });
  });

  it('takes the locking path when a head set back by hand matches what this process remembers, and stops there', async () => {
    const schema = testSchema('behind');
    const a = harness(START_AT['village-plan'], await open(schema));
    const id = await walk(a, PATHS['village-plan'], 'consultation'); // A remembers the head #2
    const b = createRuntime({ plan, store: await open(schema), clock: a.clock });
    const [, , close, vote] = PATHS['village-plan'].steps;
    a.clock.advanceDays(close!.after!);
    await b.send(id, input(close!)); // another process writes #3
    const [second] = (await (a.store as PostgresStore).pool.query(`SELECT hash FROM "${schema}".audit WHERE seq = 2`))
      .rows;
    await (a.store as PostgresStore).pool.query(`UPDATE "${schema}".audit_heads SET seq = 2, hash = $1`, [second.hash]);
    const sent = await a.runtime.send(id, input(vote!)).catch((error: unknown) => error);
    expect(sent).toBeInstanceOf(AuditBrokenError);
    expect((sent as Error).message).toContain(
      'the audit chain head of tenant changjiang is at #2, behind audit entry #3',
    );
  });

  it('continues a case after a restart of the process, with deadlines still firing', async () => {
    const schema = testSchema('restart');
    const first = harness(START_AT['poverty-monitoring'], await open(schema));
    const id = await walk(first, PATHS['poverty-monitoring'], 'democraticReview');
    const store = await open(schema);
    const maintenance = createMaintenance({ store, clock: first.clock });
    const second = createRuntime({ plan, store, clock: first.clock, maintenance });
    expect(await second.get(id)).toMatchObject({ state: 'democraticReview', version: 2 });
    const fired = await maintenance.tick(new Date('2022-01-17T00:00:00Z'));
    expect(fired.map((f) => [f.instanceId, f.deadline.id])).toEqual([[id, 'identification']]);
    expect(await maintenance.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});

if (SKIP_POSTGRES === undefined) {
  tamperSuite('PostgreSQL', async () => {
    const store = await openTestStore();
    const raw = new pg.Client({ connectionString: DATABASE_URL });
    await raw.connect();
    return {
      store,
      raw: {
        exec: async (sql) => void (await raw.query(sql)),
        rows: async <T>(sql: string) => (await raw.query(sql)).rows as T[],
        table: (name) => `"${store.schema}".${name}`,
      },
      close: async () => {
        await raw.end();
        await store.close();
        await dropTestSchemas();
      },
    };
  });
}
