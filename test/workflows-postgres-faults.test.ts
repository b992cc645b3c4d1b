// Faults with real processes over one real PostgreSQL: several writers colliding, a process
// killed mid-stream whose claims are taken over, tickers racing, and the server restarted.
// Each run works in its own schema and drops it. Needs DATABASE_URL (CI sets it).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMaintenance,
  createRuntime,
  getPlan,
  hashedIdempotencyKey,
  type AuditEntry,
  type Maintenance,
  type Principal,
  type Runtime,
} from '@ruralkit/core';
import type { PostgresStore } from '@ruralkit/store-postgres';
import { DATABASE_URL, dropTestSchemas, openTestStore, SKIP_POSTGRES, testSchema } from './support/postgres.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const worker = fileURLToPath(new URL('./support/pg-worker.ts', import.meta.url));
const plan = getPlan('changjiang-2021');
const department: Principal = { id: 'dept-setup', roles: ['department'], tenant: 'changjiang' };

type Line = Record<string, unknown>;

/** A worker process: its output lines as they come, and its exit. */
function run(job: Record<string, unknown>) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, JSON.stringify(job)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  const waiters: { test: (l: Line[]) => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as Line);
    for (const w of waiters.filter((w) => w.test(lines))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`the worker exited (${code}): ${stderr}`));
      resolve(code);
    }),
  );
  return {
    child,
    lines,
    exited,
    stderr: () => stderr,
    /** Resolves once the lines so far satisfy `test`. */
    until: (test: (l: Line[]) => boolean) =>
      new Promise<void>((resolve, reject) => (test(lines) ? resolve() : waiters.push({ test, resolve, reject }))),
  };
}

/** A tag as the audit keeps it: an idempotency key is stored only as its hash. */
const stored = (tag: string) => hashedIdempotencyKey(tag, undefined);
const acked = (lines: Line[]) => lines.filter((l) => l.ack).map((l) => stored(l.ack as string));
const failed = (lines: Line[]) => lines.filter((l) => l.failed).map((l) => stored(l.failed as string));
/** Tags (hashed idempotency keys) of accepted FLAG events in an audit log, one per accepted entry. */
const appliedTags = (audit: AuditEntry[]) =>
  audit
    .filter((e) => e.event === 'FLAG' && e.outcome !== 'refused' && e.idempotencyKey !== undefined)
    .map((e) => e.idempotencyKey!);

/** A fresh schema with `count` open poverty-monitoring cases, each with a deadline. */
async function setup(
  count: number,
): Promise<{ schema: string; store: PostgresStore; runtime: Runtime; maintenance: Maintenance; ids: string[] }> {
  const schema = testSchema('fault');
  const store = await openTestStore(schema);
  const maintenance = createMaintenance({ store, lease: { owner: 'test' } });
  const runtime = createRuntime({ plan, store, maintenance });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = await runtime.start('poverty-monitoring', {
      tenant: 'changjiang',
      subject: { village: 'liuyang', household: `f-${i}` },
      event: {
        type: 'FLAG',
        actor: department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
      },
    });
    ids.push(started.instanceId);
  }
  return { schema, store, runtime, maintenance, ids };
}

describe.skipIf(SKIP_POSTGRES !== undefined)('PostgreSQL under faults, with real processes', () => {
  const stores: PostgresStore[] = [];
  beforeAll(() => {
    if (SKIP_POSTGRES) console.warn(SKIP_POSTGRES);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropTestSchemas();
  });

  it('keeps every acknowledged event exactly once when 4 processes send 500 events each to 50 instances', async () => {
    const { schema, store, runtime, maintenance, ids } = await setup(50);
    stores.push(store);
    const workers = [0, 1, 2, 3].map((n) =>
      run({ job: 'send', schema, name: `p${n}`, instances: ids, events: 500, offset: n * 3 }),
    );
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0, 0, 0]);
    const ack = workers.flatMap((w) => acked(w.lines));
    const refused = workers.flatMap((w) => failed(w.lines));
    expect(ack.length + refused.length).toBe(2000);
    expect(ack.length).toBeGreaterThan(0);
    for (const w of workers) expect(w.lines.filter((l) => l.failed).every((l) => l.code === 'conflict')).toBe(true);
    const applied = appliedTags(await store.readAudit());
    expect(applied.length).toBe(ack.length);
    expect(new Set(applied)).toEqual(new Set(ack));
    expect(applied.some((tag) => refused.includes(tag))).toBe(false);
    // each instance's version counts its accepted events: nothing applied twice or lost
    for (const id of ids.slice(0, 10)) {
      const view = await runtime.get(id);
      expect(view.version).toBe((await runtime.history(id)).filter((e) => e.outcome !== 'refused').length);
    }
    expect(await maintenance.verify()).toMatchObject({ ok: true });
  }, 120_000);

  it('loses nothing acknowledged when a process is killed mid-stream; its claims are taken over when they expire', async () => {
    const { schema, store, runtime, maintenance, ids } = await setup(12);
    stores.push(store);
    const streamed = ids.slice(0, 4);
    const victim = run({ job: 'claim', schema, name: 'victim', instances: streamed, events: 100_000, leaseMs: 3000 });
    await victim.until((l) => acked(l).length >= 20);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const claimed = victim.lines.find((l) => l.claimedDue) as { claimedDue: string[]; claimedEvents: number[] };
    expect(claimed.claimedDue.sort()).toEqual([...ids].sort());
    expect(claimed.claimedEvents.length).toBeGreaterThanOrEqual(12);

    const ack = acked(victim.lines);
    const applied = appliedTags(await store.readAudit());
    for (const tag of ack) expect(applied).toContain(tag);
    expect(applied.length - ack.length).toBeLessThanOrEqual(1); // at most the send in flight
    expect(await maintenance.verify()).toMatchObject({ ok: true });

    // the killed process's claims are invisible to the others until its lease runs out (a
    // save ends an instance's claim: the instances it was sending to are due again at once) …
    const FAR = new Date('2030-01-01T00:00:00Z');
    const seen: number[] = [];
    runtime.subscribe((e) => void seen.push(e.id));
    const early = (await maintenance.tick(FAR)).map((f) => f.instanceId);
    expect(early.every((id) => streamed.includes(id))).toBe(true);
    await maintenance.deliver();
    expect(seen.some((id) => claimed.claimedEvents.includes(id))).toBe(false);
    // … then taken over: every deadline fires once, every claimed event is delivered
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const late = (await maintenance.tick(FAR)).map((f) => f.instanceId);
    expect([...early, ...late].sort()).toEqual([...ids].sort());
    await maintenance.deliver();
    await maintenance.deliver();
    for (const id of claimed.claimedEvents) expect(seen).toContain(id);
    expect(await store.pendingOutbox()).toEqual([]);
    expect(await maintenance.verify()).toMatchObject({ ok: true });
  }, 120_000);

  it('fires each passed deadline exactly once when 3 processes tick at the same time', async () => {
    const { schema, store, ids } = await setup(40);
    stores.push(store);
    const tickers = [0, 1, 2].map((n) => run({ job: 'tick', schema, name: `ticker-${n}`, instances: [], events: 0 }));
    expect(await Promise.all(tickers.map((t) => t.exited))).toEqual([0, 0, 0]);
    const fired = tickers.flatMap((t) => t.lines.filter((l) => l.fired).map((l) => l.fired as string));
    expect(fired.length).toBe(ids.length);
    expect(new Set(fired)).toEqual(new Set(ids));
    const overdue = (await store.readAudit()).filter((e) => e.outcome === 'overdue');
    expect(overdue).toHaveLength(ids.length);
  }, 120_000);

  const restart = spawnSync('sh', ['-c', 'command -v pg_ctlcluster && ls /etc/postgresql'], { encoding: 'utf8' });
  const cluster = restart.status === 0 ? restart.stdout.trim().split('\n').pop() : undefined;
  it.skipIf(!cluster)(
    'reports the sends that failed while PostgreSQL restarts, reconnects by itself and loses nothing acknowledged',
    async () => {
      const { schema, store, maintenance, ids } = await setup(10);
      stores.push(store);
      const sender = run({ job: 'send', schema, name: 'survivor', instances: ids, events: 100_000 });
      try {
        await sender.until((l) => acked(l).length >= 30);
        const restarted = spawnSync(
          'pg_ctlcluster',
          ['--skip-systemctl-redirect', cluster!, 'main', 'restart', '--mode', 'fast'],
          { encoding: 'utf8', timeout: 60_000 },
        );
        expect(restarted.status, restarted.stderr).toBe(0);
        const before = acked(sender.lines).length;
        await sender.until((l) => acked(l).length >= before + 30);
      } finally {
        sender.child.kill('SIGTERM');
        await sender.exited;
        await serverUp();
      }
      expect(failed(sender.lines).length).toBeGreaterThan(0); // the sends during the restart
      const ack = acked(sender.lines);
      const applied = appliedTags(await retrying(() => store.readAudit()));
      for (const tag of ack) expect(applied).toContain(tag);
      expect(await retrying(() => maintenance.verify())).toMatchObject({ ok: true });
    },
    120_000,
  );
});

/** Wait until PostgreSQL accepts connections again (the restart test leaves it up). */
async function serverUp(): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('PostgreSQL did not come back after the restart');
}

/** The first query after a restart may meet a pooled connection the server dropped. */
async function retrying<T>(query: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await query();
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}
