// ruralkit evaluate --from-workflows (issue 20, point 7): the tenant's workflow store feeds the
// indicators its procedures settle; --open-rectifications opens cases for binding targets not met.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock, createRuntime, getPlan, type Principal } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { capture, root, tmp } from './helpers.js';

const data = join(root, 'examples/changjiang-2021/data.yaml');
const tenant = 'changjiang';
const who = (role: string, extra: Partial<Principal> = {}): Principal => ({
  id: `${role}-1`,
  roles: [role as Principal['roles'][number]],
  tenant,
  ...extra,
});
const official = who('township-official', { township: 'liyang' });

/** A SQLite store where 江联村's village plan was approved on 2022-11-08 (the data says 2023-03-20). */
async function approvedStore(): Promise<string> {
  const db = join(tmp(), 'workflows.db');
  const store = openSqliteStore(db);
  const clock = createManualClock('2022-06-01T02:00:00Z');
  const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store, clock });
  const { instanceId } = await runtime.start('village-plan', {
    tenant,
    subject: { village: 'jianglian' },
    event: { type: 'START', actor: official },
  });
  const steps: [string, Principal, unknown, string][] = [
    ['SUBMIT_DRAFT', official, { draft: 'jl-plan-v1' }, '2022-06-02'],
    ['CLOSE_CONSULTATION', official, undefined, '2022-07-05'],
    [
      'RECORD_VOTE',
      who('village-committee', { township: 'liyang', village: 'jianglian' }),
      { attendees: 100, inFavour: 80 },
      '2022-07-10',
    ],
    ['SUBMIT_FOR_APPROVAL', official, undefined, '2022-10-30'],
    ['APPROVE', who('district-approver'), undefined, '2022-11-08'],
  ];
  for (const [type, actor, payload, day] of steps) {
    clock.set(`${day}T02:00:00Z`);
    await runtime.send(instanceId, { type, actor, ...(payload === undefined ? {} : { payload }) });
  }
  await store.close();
  return db;
}

describe('ruralkit evaluate --from-workflows', () => {
  it('reads the approval date from the workflow, names the instance, and notes the typed date that differs', async () => {
    const db = await approvedStore();
    const args = ['evaluate', data, '--as-of', '2025-12-31', '--from-workflows', '--db', db, '--tenant', tenant];
    const { code, stdout } = await capture([...args, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const plan = report.results.find(
      (r: { subject: { id: string }; ruleId: string }) =>
        r.subject.id === 'jianglian' && r.ruleId === 'planning.village-plan',
    );
    expect(plan.status).toBe('met');
    expect(plan.sources).toEqual([
      expect.objectContaining({ key: 'villagePlanApprovedOn', year: 2022, workflow: 'village-plan' }),
    ]);
    expect(report.notes).toContainEqual(
      expect.objectContaining({
        code: 'typed-differs-from-workflow',
        key: 'villagePlanApprovedOn',
        year: 2023,
        value: '2023-03-20',
      }),
    );
    const table = await capture(args);
    expect(table.stdout).toContain('江联村村庄规划已于2022-11-08批准');
  });

  it('opens rectification cases once with --open-rectifications', async () => {
    const db = await approvedStore();
    const as = JSON.stringify(who('supervisor'));
    const args = ['evaluate', data, '--as-of', '2025-12-31', '--from-workflows', '--db', db, '--tenant', tenant];
    const first = await capture([...args, '--open-rectifications', '--as', as]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/rectification cases opened [1-9]\d*, already open 0/);
    const again = await capture([...args, '--open-rectifications', '--as', as]);
    expect(again.stderr).toMatch(/rectification cases opened 0, already open [1-9]/);
  });

  it('refuses incomplete or stray options with exit 2, naming the option', async () => {
    const db = await approvedStore();
    const base = ['evaluate', data, '--as-of', '2025-12-31'];
    const cases: [string[], RegExp][] = [
      [['--from-workflows', '--db', db], /--from-workflows needs --tenant ID/],
      [['--tenant', tenant], /--tenant goes with --from-workflows/],
      [['--from-workflows', '--tenant', tenant], /give one store: --db FILE/],
      [['--from-workflows', '--tenant', tenant, '--db', join(tmp(), 'none.db')], /does not exist/],
      [['--from-workflows', '--tenant', tenant, '--db', db, '--open-rectifications'], /--as is required/],
    ];
    for (const [extra, message] of cases) {
      const { code, stderr } = await capture([...base, ...extra]);
      expect(code, extra.join(' ')).toBe(2);
      expect(stderr, extra.join(' ')).toMatch(message);
    }
  });
});
