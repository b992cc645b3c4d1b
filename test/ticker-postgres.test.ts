// One ticker per tenant across processes: `ruralkit workflow run` workers as real child
// processes on one PostgreSQL schema. One holds the tenant's lease and fires every deadline,
// once; when it stops (SIGTERM) another takes over at once, and when it dies (SIGKILL) another
// takes over once its lease runs out.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock, createRuntime, getPlan, type Principal } from '@ruralkit/core';
import type { PostgresStore } from '@ruralkit/store-postgres';
import { DATABASE_URL, dropTestSchemas, openTestStore, SKIP_POSTGRES, testSchema } from './support/postgres.js';

const bin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const department: Principal = { id: 'civil-affairs', roles: ['department'], tenant: 'changjiang' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
  throw new Error('timed out');
}

/** A `workflow run` worker on `schema`, beating every second; what it printed, and its exit. */
function worker(schema: string) {
  const child = spawn(
    'node',
    [bin, 'workflow', 'run', '--database-url', DATABASE_URL!, '--schema', schema, '--tick-every', '1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  /** The instances this worker fired a deadline of. */
  const fired = () => [...out.stdout.matchAll(/^overdue (\S+) identification /gm)].map((m) => m[1]!);
  return { child, out, exited, fired };
}

if (SKIP_POSTGRES !== undefined) {
  const note = SKIP_POSTGRES;
  describe('tickers across processes on PostgreSQL', () => it.skip(note, () => undefined));
} else {
  describe('tickers across processes on PostgreSQL', () => {
    const stores: PostgresStore[] = [];
    const workers: ReturnType<typeof worker>[] = [];
    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await Promise.all(stores.map((s) => s.close()));
      await dropTestSchemas();
    });

    it('fires each deadline once, from the one worker holding the lease; passes it on when that worker stops or dies', async () => {
      const schema = testSchema('ticker');
      const store = await openTestStore(schema);
      stores.push(store);
      // cases flagged in January 2022: their identification deadlines have long passed
      const runtime = createRuntime({
        plan: getPlan('changjiang-2021'),
        store,
        clock: createManualClock('2022-01-03T09:00:00+08:00'),
      });
      const flag = async (household: string) =>
        (
          await runtime.start('poverty-monitoring', {
            tenant: 'changjiang',
            subject: { village: 'liuyang', household },
            event: {
              type: 'FLAG',
              actor: department,
              payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
            },
          })
        ).instanceId;
      const first: string[] = [];
      for (let i = 1; i <= 6; i += 1) first.push(await flag(`pg-${i}`));
      const overdue = async () => (await store.readAudit()).filter((e) => e.event === 'DEADLINE_PASSED');
      const holder = async () =>
        (await store.pool.query<{ owner: string }>(`SELECT owner FROM "${schema}".ticker_leases`)).rows.map(
          (r) => r.owner,
        );

      const [a, b] = [worker(schema), worker(schema)];
      workers.push(a, b);
      await until(async () => (await overdue()).length === first.length);
      await sleep(2500); // two more beats each: nothing fires twice
      const [holding, idle] = a.fired().length ? [a, b] : [b, a];
      expect([...holding.fired()].sort()).toEqual([...first].sort());
      expect(idle.fired()).toEqual([]);
      const entries = await overdue();
      expect(entries).toHaveLength(first.length);
      expect(new Set(entries.map((e) => e.instanceId))).toEqual(new Set(first));
      const events = (await store.pendingOutbox(1000)).filter((e) => e.type === 'overdue');
      expect(events).toHaveLength(first.length);
      const [deadline] = (await store.load(first[0]!))!.deadlines;
      expect(deadline!.escalateTo.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.data).toMatchObject({ deadline: 'identification', escalateTo: deadline!.escalateTo });
      }
      expect(await holder()).toHaveLength(1);

      // the holder stops: it gives the lease up, and the other worker fires the next deadline
      holding.child.kill('SIGTERM');
      expect(await holding.exited).toBe(0);
      expect(await holder()).toEqual([]);
      const second = await flag('pg-7');
      await until(() => idle.fired().includes(second));

      // the new holder dies: a third worker takes over once its lease (three beats) runs out
      const c = worker(schema);
      workers.push(c);
      await sleep(1500);
      const dying = await holder();
      expect(dying).toHaveLength(1);
      idle.child.kill('SIGKILL');
      await idle.exited;
      expect(await holder()).toEqual(dying); // the dead worker's lease, still running
      const third = await flag('pg-8');
      await until(() => c.fired().includes(third), 15_000);
      c.child.kill('SIGTERM');
      expect(await c.exited).toBe(0);

      const all = await overdue();
      expect(all).toHaveLength(first.length + 2);
      expect(new Set(all.map((e) => e.instanceId)).size).toBe(all.length);
      expect([...holding.fired(), ...idle.fired(), ...c.fired()]).toHaveLength(all.length);
    }, 60_000);
  });
}
