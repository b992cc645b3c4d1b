// The runtime over real SQLite files: restart mid-case, two runtimes racing on one instance,
// tampering with the audit log by raw SQL, schema versions, entries of the earlier format, and
// personal data only sealed or hashed in the rows.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  ConflictError,
  createMaintenance,
  createManualClock,
  createRuntime,
  WorkflowError,
} from '@ruralkit/core';
import { migrateSchema, openSqliteStore, SCHEMA_MIGRATIONS } from '@ruralkit/store-sqlite';
import {
  cadre,
  committee,
  harness,
  official,
  PATHS,
  PERSONAL,
  PERSONAL_PATH,
  plan,
  START_AT,
  walk,
} from '../packages/core/test/workflows/fixtures.js';
import { tamperSuite } from './support/tamper.js';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'ruralkit-sqlite-')), 'workflows.db');

describe('the runtime over SQLite', () => {
  it('survives a restart mid-case: a new runtime continues and deadlines still fire', async () => {
    const file = dbFile();
    const first = harness(START_AT['poverty-monitoring'], openSqliteStore(file));
    const id = await walk(first, PATHS['poverty-monitoring'], 'democraticReview');
    await first.store.close(); // the process goes away

    const clock = createManualClock(first.clock.now());
    const store = openSqliteStore(file);
    const maintenance = createMaintenance({ store, clock });
    const second = createRuntime({ plan, store, clock, maintenance });
    expect(await second.get(id)).toMatchObject({ state: 'democraticReview', version: 2 });
    expect((await second.get(id)).deadlines).toEqual([
      expect.objectContaining({ id: 'identification', due: '2022-01-16' }),
    ]);
    await second.send(id, {
      type: 'REVIEW_PASSED',
      actor: committee('liuyang'),
      payload: { meetingOn: '2022-01-04', attendees: 20 },
    });
    const fired = await maintenance.tick(new Date('2022-01-17T00:00:00Z'));
    expect(fired.map((f) => [f.instanceId, f.deadline.id, f.deadline.escalateTo])).toEqual([
      [id, 'identification', ['rural-revitalization']],
    ]);
    expect((await second.history(id)).map((e) => e.outcome)).toEqual(['started', 'accepted', 'accepted', 'overdue']);
    expect(await maintenance.verify()).toMatchObject({ ok: true, entries: 4 });
    await store.close();
  });

  /** A household case in `assisting`, a second runtime over the same SQLite file, and a month's income to send. */
  async function racing() {
    const file = dbFile();
    const a = harness(START_AT['poverty-monitoring'], openSqliteStore(file));
    const id = await walk(a, PATHS['poverty-monitoring'], 'assisting');
    const b = createRuntime({ plan, store: openSqliteStore(file), clock: a.clock });
    const income = (month: string) => ({
      type: 'RECORD_INCOME',
      actor: cadre('liuyang'),
      payload: { month, perCapitaIncomeCny: 7000 },
    });
    return { a, b, id, income };
  }

  it('lets one of two runtimes racing on an instance win; the other, told not to retry, gets a conflict, and sending again succeeds', async () => {
    const { a, b, id, income } = await racing();
    const once = { retries: 0 };
    const results = await Promise.allSettled([
      a.runtime.send(id, income('2022-01'), once),
      b.send(id, income('2022-02'), once),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect((lost[0]!.reason as WorkflowError).message).toContain(id);
    const loser = results[0]!.status === 'rejected' ? { rt: a.runtime, month: '2022-01' } : { rt: b, month: '2022-02' };
    await loser.rt.send(id, income(loser.month));
    const instance = await b.get(id);
    expect((instance.context.incomes as { month: string }[]).map((r) => r.month).sort()).toEqual([
      '2022-01',
      '2022-02',
    ]);
    const recorded = (await b.history(id)).filter((e) => e.event === 'RECORD_INCOME');
    expect(recorded.map((e) => (e.payload as { month: string }).month).sort()).toEqual(['2022-01', '2022-02']);
    // every accepted event is one version: nothing lost, nothing applied twice
    expect(instance.version).toBe((await b.history(id)).filter((e) => e.outcome !== 'refused').length);
    expect(recorded).toHaveLength(2);
    expect(await a.maintenance.verify()).toMatchObject({ ok: true });
  });

  it('applies both of two racing sends across runtimes: the loser is tried again on the new version', async () => {
    const { a, b, id, income } = await racing();
    await Promise.all([a.runtime.send(id, income('2022-01')), b.send(id, income('2022-02'))]);
    const incomes = (await b.get(id)).context.incomes as { month: string }[];
    expect(incomes.map((r) => r.month).sort()).toEqual(['2022-01', '2022-02']);
  });

  it('applies a repeated idempotency key once across runtimes', async () => {
    const file = dbFile();
    const a = harness(START_AT['village-plan'], openSqliteStore(file));
    const id = await walk(a, PATHS['village-plan'], 'drafting');
    const b = createRuntime({ plan, store: openSqliteStore(file), clock: a.clock });
    const event = { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'd1' }, idempotencyKey: 'draft-1' };
    const first = await a.runtime.send(id, event);
    expect(await b.send(id, event)).toEqual({ ...first, duplicate: true });
    expect((await b.history(id)).filter((e) => e.event === 'SUBMIT_DRAFT')).toHaveLength(1);
  });

  it('detects an audit row edited or deleted with raw SQL, naming the entry', async () => {
    for (const tamper of ['edit', 'delete-middle', 'delete-last'] as const) {
      const file = dbFile();
      const h = harness(START_AT['village-plan'], openSqliteStore(file));
      const id = await walk(h, PATHS['village-plan']);
      expect(await h.maintenance.verify()).toMatchObject({ ok: true, entries: 7 });
      const raw = openSqliteStore(file).db; // a second, plain connection to the same file
      if (tamper === 'edit') {
        const row = raw.prepare('SELECT entry FROM audit WHERE seq = 4').get() as { entry: string };
        const entry = JSON.parse(row.entry);
        entry.payload = { attendees: 120, inFavour: 40 };
        raw.prepare('UPDATE audit SET entry = ? WHERE seq = 4').run(JSON.stringify(entry));
      } else {
        raw.prepare('DELETE FROM audit WHERE seq = ?').run(tamper === 'delete-middle' ? 3 : 7);
      }
      raw.close();
      const verification = await h.maintenance.verify();
      expect(verification.ok).toBe(false);
      if (verification.ok) continue;
      if (tamper === 'edit') {
        expect(verification).toMatchObject({ seq: 4, instanceId: id, problem: 'changed' });
        expect(verification.message.en).toContain('#4');
        expect(verification.message.en).toContain('RECORD_VOTE');
      } else {
        expect(verification).toMatchObject({ seq: tamper === 'delete-middle' ? 3 : 7, problem: 'missing' });
        expect(verification.message.zh).toContain('缺失');
      }
      await h.store.close();
    }
  });

  it('stores personal values only as ciphertext and keyed hashes: no table row or file byte holds one', async () => {
    const file = dbFile();
    const h = harness(START_AT['poverty-monitoring'], openSqliteStore(file));
    const id = await walk(h, PERSONAL_PATH);
    const raw = openSqliteStore(file).db;
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const rows = tables.map(({ name }) => JSON.stringify(raw.prepare(`SELECT * FROM "${name}"`).all()));
    raw.close();
    expect(rows.join('\n')).toContain('$personal'); // sealed and hashed values are there…
    const bytes = ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(file + suffix);
        } catch {
          return Buffer.alloc(0);
        }
      })
      .map((b) => b.toString('utf8'));
    for (const value of Object.values(PERSONAL)) {
      for (const text of [...rows, ...bytes]) expect(text).not.toContain(value); // …and no plaintext
    }
    expect((await h.runtime.get(id, { principal: cadre('liuyang') })).context.householdHead).toBe(PERSONAL.name);
    await h.store.close();
  });

  it('opens a database in WAL mode at the latest schema version, and refuses a newer one', async () => {
    const file = dbFile();
    const store = openSqliteStore(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_MIGRATIONS.length);
    expect(migrateSchema(store.db)).toBe(SCHEMA_MIGRATIONS.length); // idempotent
    store.db.pragma(`user_version = ${SCHEMA_MIGRATIONS.length + 1}`);
    await store.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this store supports/);
  });
});

tamperSuite('SQLite', async () => {
  const file = dbFile();
  const store = openSqliteStore(file);
  const raw = openSqliteStore(file).db; // a second, plain connection to the same file
  return {
    store,
    raw: {
      exec: async (sql) => void raw.exec(sql),
      rows: async <T>(sql: string) => raw.prepare(sql).all() as T[],
      table: (name) => name,
    },
    close: async () => {
      raw.close();
      await store.close();
    },
  };
});

describe('a database with entries of the earlier format', () => {
  it('keeps verifying them by their rule, chains new entries after them, and still finds an edit', async () => {
    const file = dbFile();
    const h = harness(START_AT['village-plan'], openSqliteStore(file));
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    await h.store.close();
    // turn the database into one written before format 2: entries as JSON.stringify wrote them
    // (hash inside, chained by the earlier rule), events in their own key order, schema version 2
    const raw = openSqliteStore(file).db;
    let prevHash = '0'.repeat(64);
    for (const row of raw.prepare('SELECT seq, entry FROM audit ORDER BY seq').all() as {
      seq: number;
      entry: string;
    }[]) {
      const { v: _v, instanceHash: _i, eventHashes: _e, ...content } = JSON.parse(row.entry);
      const hash = sha256Hex(canonicalJson({ ...content, prevHash }));
      const entry = JSON.stringify({ ...content, prevHash, hash });
      raw
        .prepare('UPDATE audit SET entry = ?, prev_hash = ?, hash = ? WHERE seq = ?')
        .run(entry, prevHash, hash, row.seq);
      raw.prepare('UPDATE audit_heads SET hash = ?').run(hash);
      prevHash = hash;
    }
    for (const row of raw.prepare('SELECT id, event FROM outbox').all() as { id: number; event: string }[]) {
      const { type, ...rest } = JSON.parse(row.event);
      raw.prepare('UPDATE outbox SET event = ? WHERE id = ?').run(JSON.stringify({ type, ...rest }), row.id);
    }
    raw.exec('DROP TABLE audit_checkpoints');
    // and migration 4: the outbox's instance and tenant columns and the dead letters
    raw.exec(`DROP INDEX outbox_pending_instance; DROP INDEX outbox_tenant; DROP INDEX outbox_pending_tenant;
      ALTER TABLE outbox DROP COLUMN instance_id; ALTER TABLE outbox DROP COLUMN tenant; DROP TABLE outbox_dead_letters`);
    raw.exec('DROP TABLE ticker_leases'); // and migration 5
    // and migration 6: the search index (filled again from the records when it runs)
    raw.exec(`DROP TABLE instance_parties;
      DROP INDEX instances_search; DROP INDEX instances_search_state; DROP INDEX instances_search_township;
      DROP INDEX instances_search_township_state; DROP INDEX instances_search_village;
      DROP INDEX instances_search_household; DROP INDEX instances_search_overdue;
      ALTER TABLE instances DROP COLUMN township; ALTER TABLE instances DROP COLUMN village;
      ALTER TABLE instances DROP COLUMN household; ALTER TABLE instances DROP COLUMN due_sort;
      ALTER TABLE instances DROP COLUMN overdue; ALTER TABLE instances DROP COLUMN updated_at`);
    raw.pragma('user_version = 2');
    raw.close();

    const store = openSqliteStore(file); // migrates to the latest version
    const maintenance = createMaintenance({ store, clock: h.clock });
    const runtime = createRuntime({ plan, store, clock: h.clock, maintenance });
    expect(await maintenance.verify()).toMatchObject({ ok: true, entries: 2 });
    // the search index was filled from the records: subject, deadline and escalation unit
    const [found] = (await runtime.search(official(), { unit: 'natural-resources', township: 'liyang' })).instances;
    expect(found).toMatchObject({ id, state: 'consultation', subject: { village: 'jianglian' }, due: '2022-12-31' });
    h.clock.advanceDays(31);
    await runtime.send(id, { type: 'CLOSE_CONSULTATION', actor: official() });
    const history = await runtime.history(id);
    expect(history.map((e) => e.v)).toEqual([undefined, undefined, 2]);
    expect(history[2]!.prevHash).toBe(history[1]!.hash);
    expect(await maintenance.verify()).toMatchObject({ ok: true, entries: 3, instances: 1 });

    const legacy = JSON.parse(
      (store.db.prepare('SELECT entry FROM audit WHERE seq = 2').get() as { entry: string }).entry,
    );
    legacy.payload = { draft: 'changed' };
    store.db.prepare('UPDATE audit SET entry = ? WHERE seq = 2').run(JSON.stringify(legacy));
    expect(await maintenance.verify()).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
    await store.close();
  });
});
