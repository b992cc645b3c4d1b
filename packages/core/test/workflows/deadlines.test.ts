// Deadlines on a simulated clock: calendar days, working days across a holiday and a make-up
// working day (调休), the identification and rectification deadlines, and escalation.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chineseWorkingDayCalendar,
  type OutboxEntry,
  type WorkingDayCalendar,
} from '../../src/index.js';
import { committee, districtApprover, harness, official, PATHS, START_AT, walk } from './fixtures.js';

describe('the working-day calendar', () => {
  it('knows holidays and make-up working days (2021 National Day, 2026 Spring Festival)', () => {
    const cal = chineseWorkingDayCalendar;
    expect(cal.isWorkingDay('2021-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2021-09-26')).toBe(true); // Sunday, 调休
    expect(cal.isWorkingDay('2021-10-09')).toBe(true); // Saturday, 调休
    expect(cal.isWorkingDay('2021-10-16')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // 春节
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
  });

  it('counts working days after a date, skipping the holiday and counting the make-up days', () => {
    // 2021-09-24 (Fri) + 20 working days: 9/26 (Sun, 调休), 9/27–30, 10/8, 10/9 (Sat, 调休), 10/11–15, 10/18–22, 10/25–27
    expect(addWorkingDays(chineseWorkingDayCalendar, '2021-09-24', 20)).toBe('2021-10-27');
    const weekdaysOnly: WorkingDayCalendar = {
      isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    };
    expect(addWorkingDays(weekdaysOnly, '2021-09-24', 20)).toBe('2021-10-22');
  });
});

describe('deadlines', () => {
  it('sets the publication deadline in working days and escalates to natural-resources when it passes', async () => {
    const h = harness('2021-07-01T01:00:00Z');
    const events: OutboxEntry[] = [];
    h.runtime.subscribe((e) => void events.push(e));
    const path = PATHS['village-plan'];
    const id = await walk(h, { ...path, steps: path.steps.slice(0, 5) }); // in districtReview
    h.clock.set('2021-09-24T02:00:00Z');
    await h.runtime.send(id, { type: 'APPROVE', actor: districtApprover });
    const instance = await h.runtime.get(id);
    expect(instance.deadlines).toEqual([
      expect.objectContaining({
        id: 'publication',
        due: '2021-10-27',
        escalateTo: ['natural-resources'],
        firesAt: '2021-10-27T16:00:00.000Z',
      }),
    ]);
    expect(await h.maintenance.tick(new Date('2021-10-27T15:59:59Z'))).toEqual([]);
    const fired = await h.maintenance.tick(new Date('2021-10-27T16:00:00Z'));
    expect(fired).toEqual([
      {
        instanceId: id,
        deadline: expect.objectContaining({ id: 'publication', overdueAt: '2021-10-27T16:00:00.000Z' }),
      },
    ]);
    expect(await h.maintenance.tick(new Date('2021-11-30T00:00:00Z'))).toEqual([]); // fires once
    await h.maintenance.deliver();
    const overdue = events.filter((e) => e.type === 'overdue');
    expect(overdue).toEqual([
      expect.objectContaining({
        instanceId: id,
        data: expect.objectContaining({
          deadline: 'publication',
          state: 'approved',
          escalateTo: ['natural-resources'],
        }),
      }),
    ]);
    const after = await h.runtime.get(id);
    expect(after).toMatchObject({ overdue: true, state: 'approved' }); // a deadline does not move the state
    expect((await h.runtime.history(id)).at(-1)).toMatchObject({
      outcome: 'overdue',
      actor: { id: 'system' },
      stateBefore: 'approved',
    });
    await h.runtime.send(id, { type: 'PUBLISH', actor: official(), payload: { where: '公告栏' } });
    expect((await h.runtime.get(id)).deadlines).toEqual([]);
  });

  it('marks a village plan not approved by deadline.villagePlan overdue, escalating to the lead unit of 3.1', async () => {
    const h = harness('2022-11-01T01:00:00Z');
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    expect((await h.runtime.get(id)).deadlines).toEqual([
      expect.objectContaining({ id: 'approval', due: '2022-12-31' }),
    ]);
    const fired = await h.maintenance.tick(new Date('2022-12-31T16:00:00Z'));
    expect(fired.map((f) => [f.deadline.id, f.deadline.escalateTo])).toEqual([['approval', ['natural-resources']]]);
  });

  it('sets the district review deadline from planning.reviewMaxDays and clears it on leaving review', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'districtReview');
    const review = (await h.runtime.get(id)).deadlines.find((d) => d.id === 'review');
    expect(review?.due).toBe('2021-05-04'); // entered 2021-04-04 + 30 days
    await h.runtime.send(id, {
      type: 'REQUEST_CHANGES',
      actor: districtApprover,
      payload: { reasons: ['补充用地图'] },
    });
    expect((await h.runtime.get(id)).deadlines.map((d) => d.id)).toEqual(['approval']);
  });

  it('caps an immediate toilet-quality rectification at deadline.qualityToiletRectification', async () => {
    const h = harness('2021-12-10T01:00:00Z');
    const report = { source: 'survey', category: 'toilet-quality', description: '化粪池渗漏' };
    const started = await h.runtime.start('rectification', {
      tenant: 'changjiang',
      subject: { village: 'jianglian', household: 'jh-009' },
      event: { type: 'REPORT', actor: committee(), payload: report },
    });
    expect((await h.runtime.get(started.instanceId)).deadlines).toEqual([
      expect.objectContaining({ id: 'accept', due: '2021-12-12' }),
    ]);
    await h.runtime.send(started.instanceId, {
      type: 'ACCEPT',
      actor: official(),
      payload: { assigneeUnit: 'agri-water', track: 'immediate' },
    });
    const rectify = (await h.runtime.get(started.instanceId)).deadlines;
    expect(rectify).toEqual([
      expect.objectContaining({ id: 'rectify', due: '2021-12-31', escalateTo: ['agri-water'] }),
    ]);
    // after that date has passed, the ordinary 30 days apply
    const later = harness('2022-03-01T01:00:00Z');
    const s2 = await later.runtime.start('rectification', {
      tenant: 'changjiang',
      subject: { village: 'jianglian' },
      event: { type: 'REPORT', actor: committee(), payload: report },
    });
    await later.runtime.send(s2.instanceId, {
      type: 'ACCEPT',
      actor: official(),
      payload: { assigneeUnit: 'agri-water', track: 'immediate' },
    });
    expect((await later.runtime.get(s2.instanceId)).deadlines[0]?.due).toBe('2022-03-31');
  });

  it('sets the identification deadline on the flag and keeps it through review until county approval', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'townshipReview');
    expect((await h.runtime.get(id)).deadlines).toEqual([
      expect.objectContaining({ id: 'identification', due: '2022-01-16', escalateTo: ['rural-revitalization'] }),
    ]);
    const fired = await h.maintenance.tick(new Date('2022-01-16T16:00:00Z'));
    expect(fired).toHaveLength(1);
    const approved = harness(START_AT['poverty-monitoring']);
    const assisting = await walk(approved, PATHS['poverty-monitoring'], 'assisting');
    expect((await approved.runtime.get(assisting)).deadlines).toEqual([]);
  });
});
