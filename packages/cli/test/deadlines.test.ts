// Deadlines that act: `ruralkit serve` fires a passed deadline by itself and its `overdue` event,
// naming the units to escalate to, goes out through the relay; `workflow run` is the worker
// without HTTP (`--once`, or until SIGTERM); bad options are refused naming them.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECRET, waitFor, webhookReceiver } from '../../relay/test/support.js';
import { capture, tmp } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const official = { id: 'liyang-official', roles: ['township-official'], tenant: 'changjiang', township: 'liyang' };

/** A SQLite file with a village plan of 江联村 started in 2021: its approval deadline (2022-12-31) has passed. */
async function dueVillagePlan(): Promise<{ db: string; id: string }> {
  const db = join(tmp(), 'workflows.db');
  const started = await capture([
    ...['workflow', 'start', 'village-plan', '--db', db, '--tenant', 'changjiang', '--village', 'jianglian'],
    ...['--event', JSON.stringify({ type: 'START', actor: official }), '--at', '2021-03-01T09:00:00+08:00'],
  ]);
  expect(started.code).toBe(0);
  return { db, id: started.stdout.trim() };
}

/** `ruralkit ARGS` as a process: its output so far, and its exit. */
function start(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn('node', [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, out, exited };
}

describe('ruralkit serve fires deadlines', () => {
  it('fires a passed deadline by itself; the overdue event names the units and goes out through the relay', async () => {
    const { db, id } = await dueVillagePlan();
    const hook = await webhookReceiver();
    const serve = start(['serve', '--port', '0', '--db', db, '--tick-every', '1', '--relay', hook.url], {
      ...process.env,
      RURALKIT_WEBHOOK_SECRET: SECRET,
    });
    try {
      await waitFor(() => hook.received.some((e) => e.type === 'ruralkit.village-plan.overdue'), 15_000);
      expect(hook.received.find((e) => e.type === 'ruralkit.village-plan.overdue')).toMatchObject({
        subject: id,
        data: { instanceId: id, tenant: 'changjiang', deadline: 'approval', escalateTo: ['natural-resources'] },
      });
      expect(serve.out.stderr).toContain('firing passed deadlines every 1 s');
      expect(serve.out.stderr).toContain(
        `ruralkit: overdue ${id} approval (due 2022-12-31) → escalate to natural-resources`,
      );
    } finally {
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      await hook.close();
    }
    // fired once, however many beats passed
    const history = await capture(['workflow', 'history', id, '--db', db, '--format', 'json']);
    const passed = JSON.parse(history.stdout).filter((e: { event: string }) => e.event === 'DEADLINE_PASSED');
    expect(passed).toHaveLength(1);
    expect(passed[0].payload).toEqual({ deadline: 'approval', due: '2022-12-31', escalateTo: ['natural-resources'] });
  });

  it('leaves deadlines to another process with --no-tick', async () => {
    const { db, id } = await dueVillagePlan();
    const serve = start(['serve', '--port', '0', '--db', db, '--no-tick']);
    try {
      await waitFor(() => /serving .* at http/.test(serve.out.stderr), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(serve.out.stderr).toContain('--no-tick: deadlines are fired by another process');
    } finally {
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    }
    const shown = await capture(['workflow', 'show', id, '--db', db, '--format', 'json']);
    expect(JSON.parse(shown.stdout).overdue).toBe(false);
  });
});

describe('ruralkit workflow run', () => {
  it('fires what is due with --once, then stops', async () => {
    const { db, id } = await dueVillagePlan();
    const once = await capture(['workflow', 'run', '--db', db, '--once']);
    expect(once).toMatchObject({
      code: 0,
      stdout: `overdue ${id} approval (due 2022-12-31) → escalate to natural-resources\n`,
    });
    expect(once.stderr).toContain('1 deadline(s) overdue');
    expect(await capture(['workflow', 'run', '--db', db, '--once'])).toMatchObject({ code: 0, stdout: '' });
  });

  it('fires only the tenant given with --tenant', async () => {
    const { db } = await dueVillagePlan();
    const other = await capture(['workflow', 'run', '--db', db, '--once', '--tenant', 'fuliang']);
    expect(other).toMatchObject({ code: 0, stdout: '' });
  });

  it('keeps firing until SIGTERM, then stops cleanly', async () => {
    const { db, id } = await dueVillagePlan();
    const worker = start(['workflow', 'run', '--db', db, '--tick-every', '1']);
    try {
      await waitFor(() => worker.out.stdout.includes(`overdue ${id} approval`), 15_000);
      expect(worker.out.stderr).toContain('firing deadlines every 1 s');
    } finally {
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }
    expect(worker.out.stderr).toContain('1 deadline(s) overdue');
  });

  it('refuses a --tick-every that is not whole seconds above 0, naming it, in both languages', async () => {
    const { db } = await dueVillagePlan();
    for (const args of [
      ['workflow', 'run', '--db', db, '--tick-every'],
      ['serve', '--db', db, '--tick-every'],
    ]) {
      for (const value of ['0', 'abc', '1.5']) {
        const refused = await capture([...args, value]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain(`--tick-every 应为正整数秒数（得到 "${value}"）`);
        expect(refused.stderr).toContain(`--tick-every must be a whole number of seconds above 0 (got "${value}")`);
      }
    }
    const both = await capture(['serve', '--db', db, '--no-tick', '--tick-every', '5']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --tick-every or --no-tick, not both');
  });
});
