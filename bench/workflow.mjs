// Benchmark (基准测试): durable workflow events per second on SQLite — load, authorize,
// transition, audit, save — against the floor measured in the same run: a bare XState
// `transition` plus one SQLite transaction writing the same rows. Prints one `BENCH {json}` line
// per measurement. Run after `pnpm build`: `pnpm bench:workflow [events]`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock, createRuntime, getPlan, povertyMonitoringMachine } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { transition } from 'xstate';

const EVENTS = Number(process.argv[2] ?? 3000);
const WARMUP = 300;
const ROUNDS = 3;
const plan = getPlan('changjiang-2021');
const tenant = 'bench';
const cadre = { id: 'cadre', roles: ['village-cadre'], tenant, township: 'nianyushan', village: 'liuyang' };
const month = (i) => `2022-${String((i % 12) + 1).padStart(2, '0')}`;
const income = (i) => ({
  type: 'RECORD_INCOME',
  actor: cadre,
  payload: { month: month(i), perCapitaIncomeCny: 7000 + (i % 500) },
});

/** A runtime over a fresh SQLite file with one household case in `assisting`. */
async function assistingCase() {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-bench-')), 'bench.db'));
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const runtime = createRuntime({ plan, store, clock });
  const who = {
    department: { id: 'dept', roles: ['department'], tenant },
    committee: { ...cadre, id: 'committee', roles: ['village-committee'] },
    official: { id: 'official', roles: ['township-official'], tenant, township: 'nianyushan' },
    county: { id: 'county', roles: ['county-approver'], tenant },
  };
  const { instanceId } = await runtime.start('poverty-monitoring', {
    tenant,
    subject: { village: 'liuyang', household: 'b-1' },
    event: {
      type: 'FLAG',
      actor: who.department,
      payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
    },
  });
  const steps = [
    [
      'CONFIRM_RISK',
      cadre,
      { perCapitaIncomeCny: 4000, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: true },
    ],
    ['REVIEW_PASSED', who.committee, { meetingOn: '2022-01-02', attendees: 20 }],
    ['NOTICE_COMPLETED', who.committee, {}, 6],
    ['TOWNSHIP_APPROVE', who.official, {}],
    ['COUNTY_APPROVE', who.county, { category: 'marginal' }],
  ];
  for (const [type, actor, payload, days] of steps) {
    if (days) clock.advanceDays(days);
    await runtime.send(instanceId, { type, actor, payload });
  }
  return { runtime, store, instanceId };
}

async function durable() {
  const { runtime, store, instanceId } = await assistingCase();
  for (let i = 0; i < WARMUP; i += 1) await runtime.send(instanceId, income(i));
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += 1) await runtime.send(instanceId, income(i));
  const us = Number(process.hrtime.bigint() - start) / 1000 / EVENTS;
  const ok = (await runtime.verifyAudit()).ok;
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
  const audit = db.prepare('INSERT INTO audit (seq, instance_id, prev_hash, hash, entry) VALUES (?, ?, ?, ?, ?)');
  const outbox = db.prepare('INSERT INTO outbox (event) VALUES (?)');
  let seq = (await store.auditHead()).seq;
  let snapshot = povertyMonitoringMachine.resolveState({
    value: record.state,
    context: record.envelope.snapshot.context,
  });
  const parameters = {
    'monitoring.noticeMinDays': 5,
    'monitoring.eliminationStableMonths': 6,
    'monitoring.incomeThreshold': 6000,
  };
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

const best = async (fn) => {
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r += 1) min = Math.min(min, await fn());
  return min;
};
const floorUs = await best(floor);
const durableUs = await best(durable);
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
