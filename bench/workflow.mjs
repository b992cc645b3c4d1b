// Benchmark (基准测试): durable workflow events per second — load, authorize, transition,
// audit, save — against the floor measured in the same run: a bare XState `transition` plus one
// transaction writing the same rows. On SQLite in one process; on PostgreSQL (when DATABASE_URL
// is set) with 1, 2 and 4 processes, each on its own instance. Prints one `BENCH {json}` line
// per measurement; then the search and task-list figures (`search.mjs`) and tick with 100,000
// passed deadlines (`tick.mjs`). Run after `pnpm build`:
// `pnpm bench:workflow [events] [pgEventsPerProcess]`.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMaintenance, createManualClock, createRuntime, povertyMonitoringMachine } from '@ruralkit/core';
import { openPostgresStore } from '@ruralkit/store-postgres';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import pg from 'pg';
import { transition } from 'xstate';
import { assistingCases, cadreOf, incomePayload, plan, tenant } from './cases.mjs';
import { searchBench } from './search.mjs';
import { tickBench } from './tick.mjs';

const EVENTS = Number(process.argv[2] ?? 3000);
const PG_EVENTS = Number(process.argv[3] ?? 600);
const DATABASE_URL = process.env.DATABASE_URL;
const WARMUP = 300;
const ROUNDS = 5;
/** Every SQLite file of the run, in one folder removed at exit. */
const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const benchFile = () => join(dir, `bench-${(files += 1)}.db`);
const income = (i, of = tenant) => ({ type: 'RECORD_INCOME', actor: cadreOf(of), payload: incomePayload(i) });

/** A runtime over a store (default: a fresh SQLite file) with one household case in `assisting`. */
async function assistingCase(store = openSqliteStore(benchFile()), household = 'b-1', of = tenant) {
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const runtime = createRuntime({ plan, store, clock });
  const [instanceId] = await assistingCases(runtime, clock, [household], of);
  return { runtime, store, instanceId };
}

async function durable() {
  const { runtime, store, instanceId } = await assistingCase();
  for (let i = 0; i < WARMUP; i += 1) await runtime.send(instanceId, income(i));
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += 1) await runtime.send(instanceId, income(i));
  const us = Number(process.hrtime.bigint() - start) / 1000 / EVENTS;
  const ok = (await createMaintenance({ store }).verify()).ok;
  await store.close();
  if (!ok) throw new Error('audit chain broken during the benchmark');
  return us;
}

/** The floor: the same machine step and the same three rows, nothing else. */
async function floor() {
  const { store, instanceId } = await assistingCase();
  const record = await store.load(instanceId);
  const db = store.db;
  const update = db.prepare('UPDATE instances SET state = ?, version = ?, record = ? WHERE id = ?');
  const audit = db.prepare(
    "INSERT INTO audit (tenant, seq, instance_id, prev_hash, hash, entry) VALUES ('floor', ?, ?, ?, ?, ?)",
  );
  const outbox = db.prepare('INSERT INTO outbox (event) VALUES (?)');
  let seq = 0;
  let snapshot = povertyMonitoringMachine.resolveState({
    value: record.state,
    context: record.envelope.snapshot.context,
  });
  const write = db.transaction((i, next, event) => {
    const row = JSON.stringify({
      ...record,
      version: i,
      envelope: { ...record.envelope, snapshot: { value: next.value, status: next.status, context: next.context } },
    });
    update.run(String(next.value), i, row, instanceId);
    seq += 1;
    audit.run(
      seq,
      instanceId,
      'x'.repeat(64),
      'y'.repeat(64),
      JSON.stringify({ ...event, seq, stateBefore: 'assisting', stateAfter: next.value }),
    );
    outbox.run(JSON.stringify({ type: 'transitioned', instanceId, data: { event: event.type } }));
  });
  const step = (i) => {
    const event = { ...income(i), at: '2022-02-01T01:00:00.000Z', parameters };
    const [next] = transition(povertyMonitoringMachine, snapshot, event);
    write.immediate(i, next, event);
    snapshot = next;
  };
  for (let i = 0; i < WARMUP; i += 1) step(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += 1) step(i);
  const us = Number(process.hrtime.bigint() - start) / 1000 / EVENTS;
  await store.close();
  return us;
}

const parameters = {
  'monitoring.noticeMinDays': 5,
  'monitoring.eliminationStableMonths': 6,
  'monitoring.incomeThreshold': 6000,
};

/** A PostgreSQL process of the benchmark: a case of its own in tenant `of`, then `events` sends when told. */
async function pgWorker(schema, household, events, of) {
  const store = await openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
  const { runtime, instanceId } = await assistingCase(store, household, of);
  for (let i = 0; i < WARMUP / 3; i += 1) await runtime.send(instanceId, income(i, of));
  process.send({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  const start = process.hrtime.bigint();
  for (let i = 0; i < events; i += 1) await runtime.send(instanceId, income(i, of));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const ok = (await createMaintenance({ store }).verify(of)).ok;
  await store.close();
  process.send({ ms, ok });
}

/**
 * Durable events per second on PostgreSQL with `processes` processes started together, all in
 * one tenant (one audit chain) or, with `ownTenants`, each in a tenant of its own.
 */
async function pgDurable(schema, processes, ownTenants = false) {
  const children = Array.from({ length: processes }, (_, i) =>
    fork(fileURLToPath(import.meta.url), [
      '--pg-worker',
      schema,
      `p${processes}-${i}`,
      String(PG_EVENTS),
      ownTenants ? `${tenant}-${processes}-${i}` : tenant,
    ]),
  );
  const next = (child) => new Promise((resolve) => child.once('message', resolve));
  await Promise.all(children.map(next));
  const start = process.hrtime.bigint();
  const done = children.map(next);
  for (const child of children) child.send('go');
  const results = await Promise.all(done);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (!results.every((r) => r.ok)) throw new Error('audit chain broken during the PostgreSQL benchmark');
  return { eventsPerSecond: (processes * PG_EVENTS * 1000) / wallMs, usPerEvent: (wallMs * 1000) / PG_EVENTS };
}

let floors = 0;

/** The PostgreSQL floor: the machine step and one `pg` transaction with the same rows. */
async function pgFloor(schema) {
  const store = await openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 1 });
  floors += 1;
  const { instanceId } = await assistingCase(store, `floor-${floors}`);
  const record = await store.load(instanceId);
  await store.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const s = `"${schema}"`;
  let seq = floors * 1_000_000;
  let snapshot = povertyMonitoringMachine.resolveState({
    value: record.state,
    context: record.envelope.snapshot.context,
  });
  const step = async (i) => {
    const event = { ...income(i), at: '2022-02-01T01:00:00.000Z', parameters };
    const [next] = transition(povertyMonitoringMachine, snapshot, event);
    const row = JSON.stringify({
      ...record,
      version: i,
      envelope: { ...record.envelope, snapshot: { value: next.value, status: next.status, context: next.context } },
    });
    seq += 1;
    await client.query('BEGIN');
    await client.query(`UPDATE ${s}.instances SET state = $1, version = $2, record = $3 WHERE id = $4`, [
      String(next.value),
      i,
      row,
      instanceId,
    ]);
    await client.query(
      `INSERT INTO ${s}.audit (tenant, seq, instance_id, prev_hash, hash, entry) VALUES ('floor', $1, $2, $3, $4, $5)`,
      [seq, instanceId, 'x'.repeat(64), 'y'.repeat(64), JSON.stringify({ ...event, seq, stateBefore: 'assisting' })],
    );
    await client.query(`INSERT INTO ${s}.outbox (event) VALUES ($1)`, [
      JSON.stringify({ type: 'transitioned', instanceId, data: { event: event.type } }),
    ]);
    await client.query('COMMIT');
    snapshot = next;
  };
  for (let i = 0; i < WARMUP / 3; i += 1) await step(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < PG_EVENTS; i += 1) await step(i);
  const us = Number(process.hrtime.bigint() - start) / 1000 / PG_EVENTS;
  await client.end();
  return us;
}

if (process.argv[2] === '--pg-worker') {
  await pgWorker(process.argv[3], process.argv[4], Number(process.argv[5]), process.argv[6]);
  process.exit(0);
}

/** The least time of each of `fns`, their rounds taken in turn: all meet the host's same moments. */
const bestInTurn = async (...fns) => {
  const mins = fns.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [i, fn] of fns.entries()) mins[i] = Math.min(mins[i], await fn());
  }
  return mins;
};
const best = async (fn) => (await bestInTurn(fn))[0];
const [floorUs, durableUs] = await bestInTurn(floor, durable);
const round = (n) => Math.round(n * 10) / 10;
const ratio = Math.round((durableUs / floorUs) * 100) / 100;
const line = (o) => console.log(`BENCH ${JSON.stringify(o)}`);
line({
  name: 'workflow-event-floor',
  impl: 'xstate-transition+sqlite-transaction',
  usPerEvent: round(floorUs),
  eventsPerSecond: Math.round(1e6 / floorUs),
  events: EVENTS,
  ratio: 1,
});
line({
  name: 'workflow-event-durable',
  impl: 'ruralkit-runtime+store-sqlite',
  usPerEvent: round(durableUs),
  eventsPerSecond: Math.round(1e6 / durableUs),
  events: EVENTS,
  ratio,
  target: 2,
  withinTarget: ratio <= 2,
});

if (!DATABASE_URL) {
  console.log('NOTE: DATABASE_URL is not set: the PostgreSQL measurements are skipped');
} else {
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  // The floor writes its rows by hand: in a schema of its own, where they are not audited.
  const floorSchema = `${schema}_floor`;
  try {
    const pgFloorUs = await best(() => pgFloor(floorSchema));
    line({
      name: 'workflow-event-floor-pg',
      impl: 'xstate-transition+pg-transaction',
      usPerEvent: round(pgFloorUs),
      eventsPerSecond: Math.round(1e6 / pgFloorUs),
      events: PG_EVENTS,
      ratio: 1,
    });
    let one;
    for (const processes of [1, 2, 4]) {
      const measured = await pgDurable(schema, processes);
      one ??= measured;
      const perEventRatio = Math.round((measured.usPerEvent / pgFloorUs) * 100) / 100;
      const scaling = Math.round((measured.eventsPerSecond / one.eventsPerSecond) * 100) / 100;
      line({
        name: `workflow-event-durable-pg-${processes}p`,
        impl: 'ruralkit-runtime+store-postgres',
        processes,
        eventsPerSecond: Math.round(measured.eventsPerSecond),
        usPerEventPerProcess: round(measured.usPerEvent),
        events: processes * PG_EVENTS,
        ratio: perEventRatio,
        scaling,
        ...(processes === 1 ? { target: 2, withinTarget: perEventRatio <= 2 } : {}),
        ...(processes === 4 ? { scalingTarget: 1.6, withinScalingTarget: scaling >= 1.6 } : {}),
      });
    }
    // What limits the one-tenant figures: a tenant's audit chain takes its commits one at a time.
    const tenants = await pgDurable(schema, 4, true);
    line({
      name: 'workflow-event-durable-pg-4p-own-tenants',
      impl: 'ruralkit-runtime+store-postgres',
      processes: 4,
      eventsPerSecond: Math.round(tenants.eventsPerSecond),
      usPerEventPerProcess: round(tenants.usPerEvent),
      events: 4 * PG_EVENTS,
      scaling: Math.round((tenants.eventsPerSecond / one.eventsPerSecond) * 100) / 100,
    });
  } finally {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    for (const name of [schema, floorSchema]) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await client.end();
  }
}

await searchBench();
await tickBench();
