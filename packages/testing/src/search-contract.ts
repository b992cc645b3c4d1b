/**
 * The search part of the store contract (检索契约): every store finds, sorts, pages and counts
 * instances by the search index alike, and the runtime's search and task lists over it show
 * each role what it covers.
 */
import {
  createManualClock,
  createRuntime,
  endOfLocalDay,
  getPlan,
  WorkflowError,
  type Deadline,
  type InstanceRecord,
  type Principal,
  type Runtime,
  type WorkflowStore,
} from '@ruralkit/core';
import { beforeEach, describe, expect, it } from 'vitest';

const tenant = 'changjiang';

const deadline = (id: string, due: string, escalateTo: string[], overdue = false): Deadline => ({
  id,
  name: { zh: id, en: id },
  due,
  firesAt: endOfLocalDay(due),
  escalateTo,
  ...(overdue ? { overdueAt: endOfLocalDay(due) } : {}),
});

/** A stored instance of `type` in `state`, about `subject`, with `context` and `deadlines`. */
function record(
  id: string,
  type: InstanceRecord['type'],
  state: string,
  subject: InstanceRecord['subject'],
  more: {
    context?: Record<string, unknown>;
    deadlines?: Deadline[];
    status?: 'active' | 'done';
    tenant?: string;
    updatedAt?: string;
  } = {},
): InstanceRecord {
  const key = subject.household ? `${subject.village}/${subject.household}` : subject.village;
  const updatedAt = more.updatedAt ?? '2022-01-05T01:00:00.000Z';
  return {
    id,
    tenant: more.tenant ?? tenant,
    type,
    subject,
    subjectKey: key,
    exclusiveKey: null,
    envelope: {
      type,
      machineVersion: 1,
      planHash: 'sha256:test',
      snapshot: {
        value: state,
        status: more.status ?? 'active',
        context: { village: subject.village, ...more.context },
      },
    },
    version: 1,
    state,
    status: more.status ?? 'active',
    deadlines: more.deadlines ?? [],
    nextDeadlineAt: null,
    createdAt: '2022-01-01T01:00:00.000Z',
    updatedAt,
  };
}

const liuyang = { village: 'liuyang', township: 'nianyushan' };
const shanxia = { village: 'shanxia', township: 'jiangcun' };

/** Instances over two townships, one tenant besides, with deadlines due, overdue and none. */
const FIXTURE: InstanceRecord[] = [
  record(
    'pm-a',
    'poverty-monitoring',
    'verifying',
    { ...liuyang, household: 'hh-a' },
    {
      deadlines: [deadline('identification', '2022-01-20', ['civil-affairs'])],
    },
  ),
  record('pm-b', 'poverty-monitoring', 'closedNoRisk', { ...liuyang, household: 'hh-b' }, { status: 'done' }),
  record('rc-1', 'rectification', 'reported', shanxia, {
    context: { reporter: 'villager-9' },
    deadlines: [deadline('accept', '2022-01-12', ['housing'])],
  }),
  record('rc-2', 'rectification', 'rectifying', shanxia, {
    context: { assigneeUnit: 'water', reporter: 'villager-9' },
    deadlines: [deadline('rectify', '2022-01-08', ['housing'], true)],
    updatedAt: '2022-01-09T01:00:00.000Z',
  }),
  record('rc-3', 'rectification', 'closed', liuyang, { context: { assigneeUnit: 'water', reporter: 'villager-9' } }),
  record('vp-1', 'village-plan', 'drafting', liuyang, {
    deadlines: [deadline('plan', '2022-01-20', ['natural-resources'])],
  }),
  record('vp-2', 'village-plan', 'districtReview', shanxia, {
    deadlines: [deadline('review', '2022-02-01', ['natural-resources'])],
  }),
  record('other-1', 'village-plan', 'drafting', liuyang, { tenant: 'fuliang' }),
];

const who = {
  supervisor: { id: 'sup', roles: ['supervisor'], tenant },
  township: { id: 'twp', roles: ['township-official'], tenant, township: 'jiangcun' },
  cadre: { id: 'cadre', roles: ['village-cadre'], tenant, township: 'nianyushan', village: 'liuyang' },
  water: { id: 'water-office', roles: ['department'], tenant, unit: 'water' },
  housing: { id: 'housing-office', roles: ['department'], tenant, unit: 'housing' },
  household: { id: 'hh-a', roles: ['household'], tenant, village: 'liuyang', household: 'hh-a' },
  reporter: { id: 'villager-9', roles: [], tenant },
  district: { id: 'district', roles: ['district-approver'], tenant },
} satisfies Record<string, Principal>;

const ids = (page: { instances: { id: string }[] }) => page.instances.map((i) => i.id);

/** Register the search cases under the store contract of `fresh`'s store. */
export function searchContract(fresh: () => Promise<WorkflowStore>): void {
  describe('search and task lists', () => {
    let store: WorkflowStore;
    let runtime: Runtime;
    const commit = (r: InstanceRecord) => ({
      audit: [],
      outbox: [],
      idempotency: { scope: 'fixture', key: `${r.id}-${r.version}`, result: {} },
    });
    beforeEach(async () => {
      store = await fresh();
      for (const r of FIXTURE) await store.create(r, commit(r));
      runtime = createRuntime({
        plan: getPlan('changjiang-2021'),
        store,
        clock: createManualClock('2022-01-10T09:00:00+08:00'),
      });
    });

    it('shows each role what it covers, by due date then id, undated last, with counts by state', async () => {
      const all = await runtime.search(who.supervisor, { counts: true });
      expect(ids(all)).toEqual(['rc-2', 'rc-1', 'pm-a', 'vp-1', 'vp-2', 'pm-b', 'rc-3']);
      expect(all.counts).toEqual({
        verifying: 1,
        closedNoRisk: 1,
        reported: 1,
        rectifying: 1,
        closed: 1,
        drafting: 1,
        districtReview: 1,
      });
      expect(all.next).toBeNull();
      expect(ids(await runtime.search(who.township))).toEqual(['rc-2', 'rc-1', 'vp-2']);
      expect(ids(await runtime.search(who.cadre))).toEqual(['pm-a', 'vp-1', 'pm-b', 'rc-3']);
      expect(ids(await runtime.search(who.water))).toEqual(['rc-2', 'rc-3']);
      expect(ids(await runtime.search(who.housing))).toEqual(['rc-2', 'rc-1']);
      expect(ids(await runtime.search(who.household))).toEqual(['pm-a']);
      expect(await runtime.search(who.reporter, { counts: true })).toEqual({ instances: [], next: null, counts: {} });
      expect(await runtime.search(who.reporter)).toEqual({ instances: [], next: null });
      // two roles: the union of what each covers, once each
      const both = { ...who.water, roles: ['department' as const, 'township-official' as const], township: 'jiangcun' };
      expect(ids(await runtime.search(both))).toEqual(['rc-2', 'rc-1', 'vp-2']);
    });

    it('answers summaries: ids, states and dates, never the context', async () => {
      const [first] = (await runtime.search(who.supervisor, { limit: 1 })).instances;
      expect(first).toEqual({
        id: 'rc-2',
        type: 'rectification',
        state: 'rectifying',
        status: 'active',
        subject: shanxia,
        due: '2022-01-08',
        overdue: true,
        deadlines: [{ id: 'rectify', due: '2022-01-08', overdue: true, escalateTo: ['housing'] }],
        version: 1,
        updatedAt: '2022-01-09T01:00:00.000Z',
      });
    });

    it('applies every filter', async () => {
      const find = async (query: Parameters<Runtime['search']>[1]) => ids(await runtime.search(who.supervisor, query));
      expect(await find({ types: ['village-plan'] })).toEqual(['vp-1', 'vp-2']);
      expect(await find({ states: ['reported', 'drafting'] })).toEqual(['rc-1', 'vp-1']);
      expect(await find({ village: 'liuyang' })).toEqual(['pm-a', 'vp-1', 'pm-b', 'rc-3']);
      expect(await find({ township: 'jiangcun', types: ['rectification'] })).toEqual(['rc-2', 'rc-1']);
      expect(await find({ household: 'hh-b' })).toEqual(['pm-b']);
      expect(await find({ unit: 'natural-resources' })).toEqual(['vp-1', 'vp-2']);
      expect(await find({ overdue: true })).toEqual(['rc-2']);
      expect(await find({ overdue: false, types: ['rectification'] })).toEqual(['rc-1', 'rc-3']);
      expect(await find({ dueBefore: '2022-01-12' })).toEqual(['rc-2']);
      expect(await find({ dueBefore: '2022-01-13' })).toEqual(['rc-2', 'rc-1']);
      expect(await find({ dueAfter: '2022-01-12' })).toEqual(['pm-a', 'vp-1', 'vp-2']);
      expect(await find({ dueAfter: '2022-01-10', dueBefore: '2022-01-21' })).toEqual(['rc-1', 'pm-a', 'vp-1']);
      expect(await find({ updatedSince: '2022-01-09T09:00:00+08:00' })).toEqual(['rc-2']);
      expect(await find({ updatedSince: '2022-01-09' })).toEqual(['rc-2']);
      expect((await runtime.search(who.supervisor, { types: ['rectification'], counts: true })).counts).toEqual({
        reported: 1,
        rectifying: 1,
        closed: 1,
      });
    });

    it('keeps the index in step with each save: what changed is found anew, what did not is kept', async () => {
      const find = async (query: Parameters<Runtime['search']>[1]) => ids(await runtime.search(who.supervisor, query));
      const save = async (next: InstanceRecord, expected: number) => store.save(next, expected, commit(next));
      const rc1 = FIXTURE.find((r) => r.id === 'rc-1')!;
      // a save that changes no search column: found as before
      await save({ ...rc1, version: 2, updatedAt: '2022-01-10T01:00:00.000Z' }, 1);
      expect(await find({ unit: 'housing' })).toEqual(['rc-2', 'rc-1']);
      expect(await find({ states: ['reported'] })).toEqual(['rc-1']);
      expect(await find({ dueBefore: '2022-01-13', overdue: false })).toEqual(['rc-1']);
      // state, assignee, due date and overdue flag change together
      const rectifying = {
        ...rc1,
        version: 3,
        state: 'rectifying',
        envelope: {
          ...rc1.envelope,
          snapshot: {
            ...rc1.envelope.snapshot,
            value: 'rectifying',
            context: { village: 'shanxia', assigneeUnit: 'roads' },
          },
        },
        deadlines: [deadline('rectify', '2022-01-06', ['housing'], true)],
      };
      await save(rectifying, 2);
      expect(await find({ states: ['reported'] })).toEqual([]);
      expect(await find({ unit: 'roads' })).toEqual(['rc-1']);
      expect(await find({ unit: 'housing' })).toEqual(['rc-1', 'rc-2']);
      expect(await find({ overdue: true })).toEqual(['rc-1', 'rc-2']);
      expect(ids(await runtime.search({ ...who.water, unit: 'roads' }))).toEqual(['rc-1']);
      // parties gone, deadline gone, done
      await save({ ...rectifying, version: 4, status: 'done', deadlines: [], envelope: rc1.envelope }, 3);
      expect(await find({ unit: 'roads' })).toEqual([]);
      expect(await find({ unit: 'housing' })).toEqual(['rc-2']);
      expect(await find({ overdue: true })).toEqual(['rc-2']);
      const rectifyingNow = await runtime.search(who.supervisor, { states: ['rectifying'] });
      expect(rectifyingNow.instances.map((i) => [i.id, i.status, i.due])).toEqual([
        ['rc-2', 'active', '2022-01-08'],
        ['rc-1', 'done', null],
      ]);
    });

    it('refuses a bad query naming the parameter, in Chinese and English', async () => {
      const refusal = async (query: unknown) => {
        const error = await runtime.search(who.supervisor, query as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WorkflowError);
        expect((error as WorkflowError).code).toBe('invalid-query');
        return (error as WorkflowError).message;
      };
      expect(await refusal({ types: ['village-plans'] })).toMatch(
        /查询参数 type.*query parameter type: unknown workflow type "village-plans"/s,
      );
      expect(await refusal({ dueBefore: '2022-13-01' })).toMatch(/dueBefore.*YYYY-MM-DD/s);
      expect(await refusal({ updatedSince: 'yesterday' })).toMatch(/updatedSince/);
      expect(await refusal({ limit: 0 })).toMatch(/limit.*1 to 500/s);
      expect(await refusal({ limit: 501 })).toMatch(/limit/);
      expect(await refusal({ cursor: 'not-a-cursor' })).toMatch(/cursor.*next/s);
      expect(await refusal({ village: 'a b' })).toMatch(/village/);
      expect(await refusal({ counts: 'yes' })).toMatch(/counts.*true or false/s);
    });

    it('pages with a cursor that holds under concurrent writes: no duplicates, none of the unchanged missed', async () => {
      const first = await runtime.search(who.supervisor, { limit: 3 });
      expect(ids(first)).toEqual(['rc-2', 'rc-1', 'pm-a']);
      expect(first.next).toEqual(expect.any(String));
      // meanwhile: new instances before and after the cursor, and a change that keeps its deadline
      for (const r of [
        record('new-early', 'village-plan', 'drafting', liuyang, { deadlines: [deadline('plan', '2022-01-01', [])] }),
        record('new-late', 'village-plan', 'drafting', liuyang, { deadlines: [deadline('plan', '2022-03-01', [])] }),
      ]) {
        await store.create(r, commit(r));
      }
      const vp1 = FIXTURE.find((r) => r.id === 'vp-1')!;
      const moved = { ...vp1, state: 'consultation', version: 2, updatedAt: '2022-01-10T01:00:00.000Z' };
      await store.save(moved, 1, commit(moved));
      const second = await runtime.search(who.supervisor, { limit: 3, cursor: first.next!, counts: true });
      expect(second.counts).toMatchObject({ consultation: 1, drafting: 2 }); // every page's, as of now
      expect(first.counts).toBeUndefined(); // not asked for
      const third = await runtime.search(who.supervisor, { limit: 3, cursor: second.next! });
      const rest = [...ids(second), ...ids(third)];
      expect(rest).toEqual(['vp-1', 'vp-2', 'new-late', 'pm-b', 'rc-3']);
      expect(third.next).toBeNull();
      expect(second.instances[0]).toMatchObject({ state: 'consultation', version: 2 });
    });

    it('lists tasks: the events each principal may send now, escalated items included, by due date', async () => {
      const tasks = async (p: Principal) =>
        (await runtime.tasks(p)).tasks.map((t) => ({ id: t.id, events: t.events, escalated: t.escalated }));
      expect(await tasks(who.township)).toEqual([{ id: 'rc-1', events: ['ACCEPT', 'DISMISS'], escalated: false }]);
      // FLAG again in `verifying` is the cadre's, a department's and the household's (self-declaration)
      expect(await tasks(who.cadre)).toEqual([
        { id: 'pm-a', events: ['FLAG', 'CONFIRM_RISK', 'REJECT_RISK'], escalated: false },
      ]);
      expect(await tasks(who.water)).toEqual([
        { id: 'rc-2', events: ['SUBMIT_EVIDENCE'], escalated: false },
        { id: 'pm-a', events: ['FLAG'], escalated: false },
      ]);
      expect(await tasks(who.housing)).toEqual([
        { id: 'rc-2', events: [], escalated: true },
        { id: 'pm-a', events: ['FLAG'], escalated: false },
      ]);
      expect(await tasks(who.reporter)).toEqual([{ id: 'rc-3', events: ['RATE'], escalated: false }]);
      expect(await tasks(who.district)).toEqual([
        { id: 'vp-2', events: ['APPROVE', 'REQUEST_CHANGES'], escalated: false },
      ]);
      expect(await tasks(who.household)).toEqual([{ id: 'pm-a', events: ['FLAG'], escalated: false }]);
      const [task] = (await runtime.tasks(who.water)).tasks;
      expect(task).toMatchObject({ due: '2022-01-08', overdue: true, subject: shanxia });
      // rc-1's accept deadline passes (as tick saves it): it escalates to housing too
      const rc1 = FIXTURE.find((r) => r.id === 'rc-1')!;
      const overdue = { ...rc1, version: 2, deadlines: [deadline('accept', '2022-01-12', ['housing'], true)] };
      await store.save(overdue, 1, commit(overdue));
      expect(await tasks(who.housing)).toEqual([
        { id: 'rc-2', events: [], escalated: true },
        { id: 'rc-1', events: [], escalated: true },
        { id: 'pm-a', events: ['FLAG'], escalated: false },
      ]);
    });

    it('pages task lists', async () => {
      const sup = { ...who.supervisor, roles: ['supervisor' as const, 'district-approver' as const] };
      const one = await runtime.tasks(sup, { limit: 1 });
      expect(one.tasks.map((t) => t.id)).toEqual(['vp-2']);
      expect(one.next).toBeNull();
      const official = { ...who.township, roles: ['township-official' as const] };
      const first = await runtime.tasks(official, { limit: 1, types: ['rectification'] });
      expect(first.tasks.map((t) => t.id)).toEqual(['rc-1']);
      await expect(runtime.tasks(official, { limit: 0 })).rejects.toThrow(/limit/);
    });
  });
}
