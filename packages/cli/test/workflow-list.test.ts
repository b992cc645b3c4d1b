// `ruralkit workflow list` and `workflow tasks` over a real SQLite file: what a principal's roles
// cover, filtered and paged, as text or JSON; the task list with the events allowed now; bad
// options refused naming the option (exit 2).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { capture, tmp } from './helpers.js';

const cli = (argv: string[]) => capture(argv, { today: '2022-01-03' });
const AT = ['--at', '2022-01-03T09:00:00+08:00'];

const liyang = JSON.stringify({
  id: 'liyang-official',
  roles: ['township-official'],
  tenant: 'changjiang',
  township: 'liyang',
});
const cadre = JSON.stringify({
  id: 'liuyang-cadre',
  roles: ['village-cadre'],
  tenant: 'changjiang',
  township: 'nianyushan',
  village: 'liuyang',
});
const supervisor = JSON.stringify({ id: 'sup', roles: ['supervisor'], tenant: 'changjiang' });

let db: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = join(tmp(), 'workflows.db');
  const start = async (type: string, village: string, event: unknown, as: string, household?: string) => {
    const args = ['workflow', 'start', type, '--db', db, '--tenant', 'changjiang', '--village', village];
    const started = await cli([
      ...args,
      ...(household ? ['--household', household] : []),
      ...['--event', JSON.stringify(event), '--as', as, ...AT],
    ]);
    expect(started.stderr).not.toContain('Error');
    expect(started.code).toBe(0);
    return started.stdout.trim();
  };
  ids.plan = await start('village-plan', 'jianglian', { type: 'START' }, liyang);
  ids.toilet = await start(
    'rectification',
    'liuyang',
    { type: 'REPORT', payload: { source: 'survey', category: 'toilet-quality', description: '渗漏' } },
    cadre,
  );
  ids.case = await start(
    'poverty-monitoring',
    'liuyang',
    { type: 'FLAG', payload: { channel: 'cadre-screening', riskTypes: ['income'], note: '' } },
    cadre,
    'lh-001',
  );
});

describe('ruralkit workflow list', () => {
  it('lists what the principal covers, by due date, with counts by state, in Chinese and English', async () => {
    const township = await cli(['workflow', 'list', '--db', db, '--as', liyang, '--counts']);
    expect(township.code).toBe(0);
    expect(township.stdout).toContain('实例 instances: 1（共 1 个 / 1 in all）');
    expect(township.stdout).toContain('按状态 by state: drafting 1');
    expect(township.stdout).toContain(`${ids.plan}  village-plan  drafting  liyang / jianglian`);
    expect(township.stdout).not.toContain(ids.toilet);

    const all = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--format', 'json', '--counts']);
    const page = JSON.parse(all.stdout);
    expect(page.instances.map((i: { id: string }) => i.id).sort()).toEqual(Object.values(ids).sort());
    expect(page.counts).toEqual({ drafting: 1, reported: 1, verifying: 1 });
    const dues = page.instances.map((i: { due: string | null }) => i.due ?? '~');
    expect(dues).toEqual([...dues].sort());
  });

  it('applies the filters and pages with the cursor it prints', async () => {
    const filtered = await cli([
      ...['workflow', 'list', '--db', db, '--as', supervisor, '--type', 'rectification,poverty-monitoring'],
      ...['--village', 'liuyang', '--format', 'json'],
    ]);
    expect(
      JSON.parse(filtered.stdout)
        .instances.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([ids.toilet, ids.case].sort());
    const household = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--household', 'lh-001']);
    expect(household.stdout).toContain(`${ids.case}  poverty-monitoring  verifying  nianyushan / liuyang / lh-001`);
    const overdue = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--overdue']);
    expect(overdue.stdout).toContain('实例 instances: 0');

    const first = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--limit', '2']);
    const cursor = /--cursor (\S+)/.exec(first.stdout)?.[1];
    expect(cursor).toBeDefined();
    const second = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--limit', '2', '--cursor', cursor!]);
    expect(second.stdout).toContain('实例 instances: 1\n');
    expect(second.stdout).not.toContain('--cursor');
  });

  it('refuses bad options naming them, and a missing --as (exit 2)', async () => {
    const date = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--due-before', '2022-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('查询参数 --due-before 有误');
    expect(date.stderr).toContain('query parameter --due-before: use a date YYYY-MM-DD');
    const type = await cli(['workflow', 'list', '--db', db, '--as', supervisor, '--type', 'plan']);
    expect(type).toMatchObject({ code: 2 });
    expect(type.stderr).toContain('unknown workflow type "plan"');
    const limit = await cli(['workflow', 'tasks', '--db', db, '--as', supervisor, '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit');
    const nobody = await cli(['workflow', 'list', '--db', db]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('--as');
  });
});

describe('ruralkit workflow tasks', () => {
  it('lists the instances where the principal may send an event now, with the events', async () => {
    const township = await cli(['workflow', 'tasks', '--db', db, '--as', liyang]);
    expect(township.code).toBe(0);
    expect(township.stdout).toContain('待办 tasks: 1');
    expect(township.stdout).toContain(
      `${ids.plan}  village-plan  drafting  liyang / jianglian  可发送 allowed now: SUBMIT_DRAFT`,
    );
    const village = await cli(['workflow', 'tasks', '--db', db, '--as', cadre, '--format', 'json']);
    expect(JSON.parse(village.stdout)).toMatchObject({
      tasks: [{ id: ids.case, events: ['FLAG', 'CONFIRM_RISK', 'REJECT_RISK'], escalated: false }],
      next: null,
    });
  });
});
