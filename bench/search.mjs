// Benchmark (基准测试) of instance search and task lists: SQLite and PostgreSQL (when
// DATABASE_URL is set) filled with 1,000 and 1,000,000 instances by bulk insert (not through the
// runtime), then representative pages timed through the runtime — township + state, overdue in a
// township, due before a date, a department's unit, a household, the next page by cursor, and a
// township's counts by state (asked for: a pass over every result) — and task lists; p50/p95 per
// store and size, one `BENCH {json}` line each. Target: p95 under 50 ms. Then `start`, `send` and
// `get` at each size, and their growth from the smallest size to the largest (target: 1.5×).
// Run after `pnpm build`: `pnpm bench:workflow` (after the event figures), or alone
// `pnpm --filter @ruralkit/bench workflow:search [sizes]`, e.g. `1000,1000000`. The databases and
// schemas it makes are removed afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createManualClock, createRuntime, endOfLocalDay } from '@ruralkit/core';
import { searchColumns } from '@ruralkit/core/store';
import { openPostgresStore } from '@ruralkit/store-postgres';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import pg from 'pg';
import { assistingCases, cadre, incomePayload, plan } from './cases.mjs';

const tenant = 'bench';
const TOWNSHIPS = 20;
const VILLAGES = 10; // a township
const UNITS = [
  'natural-resources',
  'housing',
  'water',
  'agriculture',
  'civil-affairs',
  'health',
  'education',
  'transport',
];
const RUNS = 60;
const WARMUP = 5;
const STATES = {
  'village-plan': [
    'drafting',
    'consultation',
    'villagerVote',
    'townshipSubmission',
    'districtReview',
    'approved',
    'published',
  ],
  rectification: ['reported', 'roadmap', 'rectifying', 'verifying', 'closed', 'dismissed'],
  'poverty-monitoring': [
    'verifying',
    'democraticReview',
    'publicNotice',
    'townshipReview',
    'countyApproval',
    'assisting',
    'eliminationReview',
    'eliminationApproval',
    'riskEliminated',
    'closedNoRisk',
  ],
};
const FINAL = new Set(['published', 'dismissed', 'closedNoRisk']);
const pad = (n) => String(n).padStart(2, '0');
const township = (t) => `t${pad(t)}`;
const village = (t, v) => `t${pad(t)}-v${pad(v)}`;

/** A small, fast, repeatable pseudo-random number in [0, n) for instance `i` and salt `s`. */
function pick(i, s, n) {
  let h = Math.imul(i ^ Math.imul(s, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % n;
}

/** The `i`th instance record: 40% household cases, 40% rectification, 20% village plans. */
export function instance(i) {
  const kind = pick(i, 1, 10);
  const type = kind < 4 ? 'poverty-monitoring' : kind < 8 ? 'rectification' : 'village-plan';
  const states = STATES[type];
  const state = states[pick(i, 2, states.length)];
  const t = pick(i, 3, TOWNSHIPS) + 1;
  const v = pick(i, 4, VILLAGES) + 1;
  const subject = {
    village: village(t, v),
    township: township(t),
    ...(type === 'poverty-monitoring' ? { household: `h-${i}` } : {}),
  };
  const context = { village: subject.village };
  if (type === 'rectification') {
    context.reporter = `villager-${pick(i, 5, 50_000)}`;
    if (state !== 'reported') context.assigneeUnit = UNITS[pick(i, 6, UNITS.length)];
  }
  const deadlines = [];
  if (!FINAL.has(state) && pick(i, 7, 10) < 8) {
    const due = new Date(Date.UTC(2022, 0, 1) + pick(i, 8, 730) * 86_400_000).toISOString().slice(0, 10);
    const firesAt = endOfLocalDay(due);
    deadlines.push({
      id: 'due',
      name: { zh: '期限', en: 'deadline' },
      due,
      firesAt,
      escalateTo: [UNITS[pick(i, 9, UNITS.length)]],
      ...(pick(i, 10, 20) === 0 ? { overdueAt: firesAt } : {}),
    });
  }
  const status = FINAL.has(state) ? 'done' : 'active';
  const at = new Date(Date.UTC(2022, 0, 1) + pick(i, 11, 365 * 86_400) * 1000).toISOString();
  const id = `i-${String(i).padStart(8, '0')}-${pick(i, 12, 1e6).toString(36)}`;
  const key = subject.household ? `${subject.village}/${subject.household}` : subject.village;
  const record = {
    id,
    tenant,
    type,
    subject,
    subjectKey: key,
    exclusiveKey: null,
    envelope: { type, machineVersion: 1, planHash: 'sha256:bench', snapshot: { value: state, status, context } },
    version: 1,
    state,
    status,
    deadlines,
    nextDeadlineAt: deadlines.find((d) => !d.overdueAt)?.firesAt ?? null,
    createdAt: at,
    updatedAt: at,
  };
  return { record, text: JSON.stringify(record), columns: searchColumns(record) };
}

const BATCH = 5000;

/** Fill a SQLite store with `size` instances, in transactions of `BATCH`. */
export function fillSqlite(store, size) {
  const db = store.db;
  const insert = db.prepare(
    `INSERT INTO instances (id, tenant, type, subject_key, exclusive_key, state, status, version, next_deadline_at, record,
       township, village, household, due_sort, overdue, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const party = db.prepare(
    `INSERT INTO instance_parties (instance_id, tenant, party, due_sort, overdue) VALUES (?, ?, ?, ?, ?)`,
  );
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i += 1) {
      const { record: r, text, columns: c } = instance(i);
      insert.run(
        r.id,
        tenant,
        r.type,
        r.subjectKey,
        r.state,
        r.status,
        r.nextDeadlineAt,
        text,
        c.township,
        c.village,
        c.household,
        c.dueSort,
        c.overdue ? 1 : 0,
        c.updatedAt,
      );
      for (const p of c.parties) party.run(r.id, tenant, p, c.dueSort, c.overdue ? 1 : 0);
    }
  });
  for (let from = 0; from < size; from += BATCH) batch(from, Math.min(size, from + BATCH));
  db.exec('ANALYZE');
}

/** Fill a PostgreSQL store with `size` instances, `BATCH` rows a statement. */
export async function fillPostgres(store, size) {
  const s = `"${store.schema}"`;
  for (let from = 0; from < size; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(size, from + BATCH); i += 1) rows.push(instance(i));
    const column = (f) => rows.map(f);
    await store.pool.query(
      `INSERT INTO ${s}.instances (id, tenant, type, subject_key, state, status, version, next_deadline_at, record,
         township, village, household, due_sort, overdue, updated_at)
       SELECT id, $1, type, key, state, status, 1, next, record, township, village, household, due, overdue, updated
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::int[], $14::text[])
         AS r (id, type, key, state, status, next, record, township, village, household, due, overdue, updated)`,
      [
        tenant,
        column((r) => r.record.id),
        column((r) => r.record.type),
        column((r) => r.record.subjectKey),
        column((r) => r.record.state),
        column((r) => r.record.status),
        column((r) => r.record.nextDeadlineAt),
        column((r) => r.text),
        column((r) => r.columns.township),
        column((r) => r.columns.village),
        column((r) => r.columns.household),
        column((r) => r.columns.dueSort),
        column((r) => (r.columns.overdue ? 1 : 0)),
        column((r) => r.columns.updatedAt),
      ],
    );
    const parties = rows.flatMap((r) =>
      r.columns.parties.map((p) => [r.record.id, p, r.columns.dueSort, r.columns.overdue ? 1 : 0]),
    );
    await store.pool.query(
      `INSERT INTO ${s}.instance_parties (instance_id, tenant, party, due_sort, overdue)
       SELECT id, $1, party, due, overdue FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])
         AS p (id, party, due, overdue)`,
      [tenant, ...[0, 1, 2, 3].map((n) => parties.map((p) => p[n]))],
    );
  }
  // as autovacuum would, later: statistics for the planner, the visibility map for index-only counts
  await store.pool.query(`VACUUM ANALYZE ${s}.instances`);
  await store.pool.query(`VACUUM ANALYZE ${s}.instance_parties`);
}

const who = {
  township: { id: 'official', roles: ['township-official'], tenant, township: township(3) },
  cadre: { id: 'cadre', roles: ['village-cadre'], tenant, township: township(3), village: village(3, 4) },
  department: { id: 'water-office', roles: ['department'], tenant, unit: 'water' },
  supervisor: { id: 'supervisor', roles: ['supervisor'], tenant },
};

/** The measured calls: searches (first page with counts, and the page after it) and task lists. */
function cases() {
  let first = 0;
  while (!instance(first).record.subject.household) first += 1;
  const household = instance(first);
  const owner = {
    id: household.record.subject.household,
    roles: ['household'],
    tenant,
    village: household.record.subject.village,
    household: household.record.subject.household,
  };
  return [
    ['search: township + state', (r, cursor) => r.search(who.township, { states: ['rectifying'], cursor })],
    ['search: overdue in a township', (r, cursor) => r.search(who.township, { overdue: true, cursor })],
    [
      'search: due before a date (supervisor)',
      (r, cursor) => r.search(who.supervisor, { dueBefore: '2022-03-01', cursor }),
    ],
    ['search: a department unit', (r, cursor) => r.search(who.department, { cursor })],
    ['search: a household', (r, cursor) => r.search(owner, { cursor })],
    ['search: a township, counted by state', (r, cursor) => r.search(who.township, { counts: true, cursor })],
    ['tasks: township official', (r, cursor) => r.tasks(who.township, { cursor })],
    ['tasks: village cadre', (r, cursor) => r.tasks(who.cadre, { cursor })],
    ['tasks: department', (r, cursor) => r.tasks(who.department, { cursor })],
  ];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n) => Math.round(n * 100) / 100;

/** Time each case on `store` holding `size` instances; prints one line a case and page. */
async function measure(storeName, store, size) {
  const runtime = createRuntime({ plan, store });
  for (const [name, call] of cases()) {
    const first = await call(runtime, undefined);
    for (const [page, cursor] of [
      ['first', undefined],
      ['next', first.next ?? undefined],
    ]) {
      if (page === 'next' && cursor === undefined) continue;
      const times = [];
      for (let n = 0; n < WARMUP + RUNS; n += 1) {
        const start = process.hrtime.bigint();
        await call(runtime, cursor);
        if (n >= WARMUP) times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      console.log(
        `BENCH ${JSON.stringify({
          name: 'workflow-search',
          store: storeName,
          instances: size,
          case: name,
          page,
          results: (first.instances ?? first.tasks).length,
          p50Ms: round(percentile(times, 50)),
          p95Ms: round(p95),
          targetMs: 50,
          withinTarget: p95 < 50,
        })}`,
      );
    }
  }
}

/** p50 of each store's `start`, `send` and `get`, by size: the figures of `growthOfOperations`. */
const operationP50 = new Map();

/**
 * Time `start`, `send` (RECORD_INCOME on a case in `assisting`) and `get` through the runtime on
 * `store` holding `size` instances: one line each; issue 24 asks that at 1,000,000 they stay
 * within 1.5× of their time at 1,000.
 */
async function operations(storeName, store, size) {
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const runtime = createRuntime({ plan, store, clock });
  const [caseId] = await assistingCases(runtime, clock, [`ops-${size}`]);
  const department = { id: 'dept', roles: ['department'], tenant };
  let n = 0;
  const calls = [
    [
      'start',
      () =>
        runtime.start('poverty-monitoring', {
          tenant,
          subject: { village: 'liuyang', household: `ops-${size}-${(n += 1)}` },
          event: {
            type: 'FLAG',
            actor: department,
            payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
          },
        }),
    ],
    ['send', () => runtime.send(caseId, { type: 'RECORD_INCOME', actor: cadre, payload: incomePayload((n += 1)) })],
    ['get', () => runtime.get(caseId)],
  ];
  for (const [op, call] of calls) {
    const times = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const start = process.hrtime.bigint();
      await call();
      if (i >= WARMUP) times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const key = `${storeName}:${op}`;
    operationP50.set(key, { ...operationP50.get(key), [size]: p50 });
    console.log(
      `BENCH ${JSON.stringify({ name: 'workflow-operation', store: storeName, instances: size, op, p50Ms: round(p50), p95Ms: round(percentile(times, 95)) })}`,
    );
  }
}

/** Each operation's p50 at the largest size against the smallest, with the target of 1.5×. */
function growthOfOperations() {
  for (const [key, bySize] of operationP50) {
    const sizes = Object.keys(bySize)
      .map(Number)
      .sort((a, b) => a - b);
    if (sizes.length < 2) continue;
    const [small, large] = [sizes[0], sizes.at(-1)];
    const ratio = round(bySize[large] / bySize[small]);
    const [store, op] = key.split(':');
    console.log(
      `BENCH ${JSON.stringify({ name: 'workflow-operation-growth', store, op, instances: large, against: small, ratio, target: 1.5, withinTarget: ratio <= 1.5 })}`,
    );
  }
}

/** Fill each store at each size, measure, and remove what was made. */
export async function searchBench(sizes = [1000, 1_000_000]) {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-search-'));
    const sqlite = openSqliteStore(join(dir, 'search.db'));
    try {
      const at = Date.now();
      fillSqlite(sqlite, size);
      console.log(`NOTE: SQLite filled with ${size} instances in ${Math.round((Date.now() - at) / 1000)} s`);
      await measure('sqlite', sqlite, size);
      await operations('sqlite', sqlite, size);
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
    if (!process.env.DATABASE_URL) {
      console.log('NOTE: DATABASE_URL is not set: the PostgreSQL search measurements are skipped');
      continue;
    }
    const schema = `bench_search_${process.pid}_${randomBytes(3).toString('hex')}`;
    const store = await openPostgresStore({ connectionString: process.env.DATABASE_URL, schema, poolSize: 2 });
    try {
      const at = Date.now();
      await fillPostgres(store, size);
      console.log(`NOTE: PostgreSQL filled with ${size} instances in ${Math.round((Date.now() - at) / 1000)} s`);
      await measure('postgres', store, size);
      await operations('postgres', store, size);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
  growthOfOperations();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv[2]?.split(',').map(Number);
  await searchBench(sizes);
}
