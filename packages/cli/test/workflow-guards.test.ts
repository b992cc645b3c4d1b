// Operator hazards of `ruralkit workflow` (issue 14, point 9): a mistyped --db, tick beyond one
// batch, and --at that is no time, goes backwards or jumps years ahead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock, createRuntime, getPlan } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { capture, tmp } from './helpers.js';

const official = {
  id: 'liyang-official',
  roles: ['township-official' as const],
  tenant: 'changjiang',
  township: 'liyang',
};
const startEvent = JSON.stringify({ type: 'START', actor: official });
const start = (db: string, village: string, ...more: string[]) =>
  capture([
    ...['workflow', 'start', 'village-plan', '--db', db, '--tenant', 'changjiang', '--village', village],
    ...['--event', startEvent, ...more],
  ]);

describe('--db', () => {
  it.each([['show', 'x'], ['history', 'x'], ['send', 'x'], ['tick'], ['verify']])(
    'workflow %s on a database that does not exist says so and creates nothing',
    async (...action) => {
      const db = join(tmp(), 'mistyped.db');
      const extra = action[0] === 'send' ? ['--event', startEvent] : [];
      const { code, stderr } = await capture(['workflow', ...action, '--db', db, ...extra]);
      expect(code).toBe(2);
      expect(stderr).toContain(`the database "${db}" does not exist`);
      expect(existsSync(db)).toBe(false);
    },
  );

  it('is created by start, or by --create', async () => {
    const dir = tmp();
    expect((await start(join(dir, 'a.db'), 'jianglian', '--at', '2021-03-01T09:00:00+08:00')).code).toBe(0);
    expect(existsSync(join(dir, 'a.db'))).toBe(true);
    const verified = await capture(['workflow', 'verify', '--db', join(dir, 'b.db'), '--create']);
    expect(verified.code).toBe(0);
    expect(existsSync(join(dir, 'b.db'))).toBe(true);
  });
});

describe('workflow tick', () => {
  it('fires every due deadline in batches, saying how far it is, not silently stopping at 100', async () => {
    const db = join(tmp(), 'many.db');
    const store = openSqliteStore(db);
    const runtime = createRuntime({
      plan: getPlan('changjiang-2021'),
      store,
      clock: createManualClock('2021-03-01T09:00:00+08:00'),
    });
    for (let i = 0; i < 230; i++) {
      await runtime.start('village-plan', {
        tenant: 'changjiang',
        subject: { village: `v${i}`, township: 'liyang' },
        event: { type: 'START', actor: official },
      });
    }
    await store.close();
    const { code, stdout, stderr } = await capture([
      'workflow',
      'tick',
      '--db',
      db,
      '--at',
      '2023-01-01T00:00:00+08:00',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(230);
    expect(stderr).toContain('batch 3: 30 deadline(s) overdue, 230 so far');
    expect(stderr).toContain('ruralkit: 共 230 个期限逾期 / 230 deadline(s) overdue');
  }, 60_000);
});

describe('--at', () => {
  it.each(['1', '2099', 'yesterday', '2021-02-30T09:00', '2021-03-01 09:00'])(
    'refuses %j as no date-time',
    async (at) => {
      const { code, stderr } = await start(join(tmp(), 'a.db'), 'jianglian', '--at', at);
      expect(code).toBe(2);
      expect(stderr).toContain(`--at must be a date-time in ISO 8601`);
    },
  );

  it('refuses a time more than a day ahead unless --force', async () => {
    const db = join(tmp(), 'a.db');
    const ahead = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const refused = await start(db, 'jianglian', '--at', ahead);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is more than a day after now');
    expect((await start(db, 'jianglian', '--at', ahead, '--force')).code).toBe(0);
  });

  it('refuses a time before the instance last recorded: time does not go backwards', async () => {
    const db = join(tmp(), 'a.db');
    const started = await start(db, 'jianglian', '--at', '2021-03-05T09:00:00+08:00');
    const id = started.stdout.trim();
    const draft = JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'JL-1' }, actor: official });
    const back = await capture(['workflow', 'send', id, '--db', db, '--event', draft, '--at', '2021-03-01']);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('time cannot go backwards');
    const ok = await capture(['workflow', 'send', id, '--db', db, '--event', draft, '--at', '2021-03-06']);
    expect(ok.code).toBe(0);
  });
});

describe('terminal output of stored data', () => {
  it('strips control and bidi characters from history and show', async () => {
    const db = join(tmp(), 'a.db');
    const actor = { ...official, id: 'official\u202e\u001b[2Jx' };
    const started = await capture([
      ...['workflow', 'start', 'village-plan', '--db', db, '--tenant', 'changjiang', '--village', 'jianglian'],
      ...['--event', JSON.stringify({ type: 'START', actor }), '--at', '2021-03-01T09:00:00+08:00'],
    ]);
    expect(started.code).toBe(0);
    const history = await capture(['workflow', 'history', started.stdout.trim(), '--db', db]);
    expect(history.stdout).toContain('by official[2Jx');
    expect(history.stdout).not.toContain('\u202e');
    expect(history.stdout).not.toContain('\u001b');
  });
});
