// `ruralkit workflow` over a real SQLite file: a village plan from start to a refused event,
// history, deadlines, audit verification, personal data behind --keys and --as, and bad input.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { capture, tmp } from './helpers.js';

const cli = (argv: string[]) => capture(argv, { today: '2021-03-01' });

/** `workflow start village-plan` for 江联村 of the Changjiang tenant, with an event (and a time). */
const startVillagePlan = (db: string, event: string, at?: string) => [
  ...['workflow', 'start', 'village-plan', '--db', db, '--tenant', 'changjiang', '--village', 'jianglian'],
  ...['--event', event],
  ...(at ? ['--at', at] : []),
];

const official = { id: 'liyang-official', roles: ['township-official'], tenant: 'changjiang', township: 'liyang' };
const approver = JSON.stringify({ id: 'district-approver', roles: ['district-approver'], tenant: 'changjiang' });

describe('ruralkit workflow', () => {
  it('starts, sends, shows and lists the history of an instance; refuses with what is allowed now', async () => {
    const dir = tmp();
    const db = join(dir, 'workflows.db');
    const eventFile = join(dir, 'start.yaml');
    writeFileSync(
      eventFile,
      `type: START\nactor:\n  id: liyang-official\n  roles: [township-official]\n  tenant: changjiang\n  township: liyang\n`,
    );
    const started = await cli(startVillagePlan(db, eventFile, '2021-03-01T09:00:00+08:00'));
    expect(started.code).toBe(0);
    const id = started.stdout.trim();
    expect(started.stderr).toContain('START: (start) → drafting');

    const draft = JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'JL-1' }, actor: official });
    const sent = await cli(['workflow', 'send', id, '--db', db, '--event', draft, '--at', '2021-03-02T09:00:00+08:00']);
    expect(sent).toMatchObject({ code: 0, stdout: 'SUBMIT_DRAFT: drafting → consultation (version 2)\n' });

    const refused = await cli(['workflow', 'send', id, '--db', db, '--event', '{"type":"APPROVE"}', '--as', approver]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('在状态 consultation 不接受事件 APPROVE');
    expect(refused.stderr).toContain('allowed now: （无 / none）');
    const early = await cli([
      'workflow',
      'send',
      id,
      '--db',
      db,
      '--event',
      JSON.stringify({ type: 'CLOSE_CONSULTATION', actor: official }),
      '--at',
      '2021-03-10T09:00:00+08:00',
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('close it on 2021-04-01 or later');
    expect(early.stderr).toContain('allowed now: CLOSE_CONSULTATION');

    const shown = await cli(['workflow', 'show', id, '--db', db, '--as', JSON.stringify(official)]);
    expect(shown.stdout).toContain('状态 state:   consultation');
    expect(shown.stdout).toContain('approval 2022-12-31');
    expect(shown.stdout).toContain('natural-resources');
    expect(shown.stdout).toContain('allowed now: CLOSE_CONSULTATION');
    const json = JSON.parse((await cli(['workflow', 'show', id, '--db', db, '--format', 'json'])).stdout);
    expect(json).toMatchObject({ id, state: 'consultation', version: 2 });

    const history = (await cli(['workflow', 'history', id, '--db', db])).stdout.trim().split('\n');
    expect(history).toHaveLength(4);
    expect(history[0]).toMatch(/^#1 2021-03-01 01:00 started\s+START \(start\) → drafting by liyang-official$/);
    expect(history[2]).toContain('refused  APPROVE consultation → consultation by district-approver');

    expect(await cli(['workflow', 'verify', '--db', db])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('audit chain intact: 4 entries'),
    });
    const tick = await cli(['workflow', 'tick', '--db', db, '--at', '2023-01-01T00:00:00+08:00']);
    expect(tick.stdout).toContain(`overdue ${id} approval (due 2022-12-31) → escalate to natural-resources`);

    const store = openSqliteStore(db);
    store.db.prepare('DELETE FROM audit WHERE seq = 2').run();
    await store.close();
    const broken = await cli(['workflow', 'verify', '--db', db]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit entry #2 is missing');
  });

  it('seals personal data with the --keys file and shows it only to an --as principal that needs it', async () => {
    const db = join(tmp(), 'workflows.db');
    const keys = join(tmp(), 'personal.keys');
    const department = { id: 'dept', roles: ['department'], tenant: 'changjiang' };
    const cadre = {
      id: 'cadre',
      roles: ['village-cadre'],
      tenant: 'changjiang',
      township: 'nianyushan',
      village: 'liuyang',
    };
    const flag = JSON.stringify({
      type: 'FLAG',
      actor: department,
      payload: { channel: 'department-alert', riskTypes: ['medical'], note: '透析', householdHead: '王建国' },
    });
    const start = (...more: string[]) =>
      cli([
        ...['workflow', 'start', 'poverty-monitoring', '--db', db, '--tenant', 'changjiang'],
        ...['--village', 'liuyang', '--household', 'lh-003', '--event', flag, ...more],
      ]);
    const refused = await start();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('payload.householdHead is personal data');
    expect(refused.stderr).toContain('--keys FILE');
    expect(refused.stderr).not.toContain('王建国');

    const started = await start('--keys', keys);
    expect(started.code, started.stderr).toBe(0);
    expect(statSync(keys).mode & 0o777).toBe(0o600);
    const id = started.stdout.trim();
    const show = async (...more: string[]) =>
      JSON.parse((await cli(['workflow', 'show', id, '--db', db, '--format', 'json', ...more])).stdout) as {
        context: { householdHead: string };
      };
    expect((await show('--keys', keys)).context.householdHead).toBe('[个人信息 personal data]');
    expect((await show('--keys', keys, '--as', JSON.stringify(department))).context.householdHead).toBe(
      '[个人信息 personal data]',
    );
    expect((await show('--keys', keys, '--as', JSON.stringify(cadre))).context.householdHead).toBe('王建国');
    expect((await show('--as', JSON.stringify(cadre))).context.householdHead).toBe('[个人信息 personal data]');
    const history = await cli(['workflow', 'history', id, '--db', db, '--format', 'json']);
    expect(history.stdout).toContain('"hmac"');
    expect(history.stdout).not.toContain('王建国');
    expect(history.stdout).not.toContain('透析');

    const inside = await cli(['workflow', 'show', id, '--db', db, '--keys', db]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('--keys cannot be the database itself');
    const mistyped = await cli(['workflow', 'show', id, '--db', db, '--keys', `${keys}x`]);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain(`the key file "${keys}x" does not exist`);

    const household = ['--tenant', 'changjiang', '--village', 'liuyang', '--household', 'lh-003'];
    const supervisor = JSON.stringify({ id: 'sup', roles: ['supervisor'], tenant: 'changjiang' });
    const unkeyed = await cli(['workflow', 'forget', '--db', db, ...household, '--as', supervisor, '--reason', 'R-17']);
    expect(unkeyed.code).toBe(2);
    expect(unkeyed.stderr).toContain('--keys is required');
    const forget = (as: string) =>
      cli(['workflow', 'forget', '--db', db, '--keys', keys, ...household, '--as', as, '--reason', 'R-17']);
    const refusedForget = await forget(JSON.stringify(cadre));
    expect(refusedForget.code).toBe(1);
    expect(refusedForget.stderr).toContain('needs the supervisor role');
    const erased = await forget(supervisor);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('personal data erased: 1 key(s) destroyed; audited on 1 instance(s)');
    expect((await show('--keys', keys, '--as', JSON.stringify(cadre))).context.householdHead).toBe('[已删除 erased]');
    const after = await cli(['workflow', 'history', id, '--db', db]);
    expect(after.stdout).toMatch(/erased\s+FORGET .* by sup/);
    expect(await cli(['workflow', 'verify', '--db', db])).toMatchObject({ code: 0 });
  });

  it('exits 2 with a readable message on bad input', async () => {
    const db = join(tmp(), 'workflows.db');
    const cases: [string[], string][] = [
      [['workflow'], 'give an action'],
      [['workflow', 'show', 'x'], 'give one store: --db FILE'],
      [['workflow', 'show', 'x', '--db', db, '--database-url', 'postgres://h/d'], 'give one store'],
      [['workflow', 'verify', '--database-url', 'mysql://h/d'], '--database-url must start with postgres://'],
      [['workflow', 'verify', '--db', db, '--schema', 'x'], '--schema goes with --database-url'],
      [
        ['workflow', 'start', 'harvest', '--db', db, '--tenant', 't', '--village', 'v', '--event', '{}'],
        'unknown workflow type "harvest"',
      ],
      [startVillagePlan(db, '{bad'), 'not valid JSON'],
      [startVillagePlan(db, '{"type":"START"}'), 'actor'],
      [startVillagePlan(db, '{"type":"START","actor":{"id":"x"}}'), 'actor.roles'],
      [
        [
          'workflow',
          'send',
          'no-such-instance',
          '--db',
          db,
          '--event',
          JSON.stringify({ type: 'START', actor: official }),
        ],
        'no instance no-such-instance',
      ],
      [['workflow', 'show', 'x', '--db', db, '--at', 'yesterday'], '--at must be a date-time'],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});
