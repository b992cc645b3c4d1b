// Shared test fixtures: principals of the Changjiang tenant and happy paths through each workflow.
import { expect } from 'vitest';
import {
  createMaintenance,
  createManualClock,
  createMemoryStore,
  createRuntime,
  getPlan,
  memoryKeys,
  type EventInput,
  type Maintenance,
  type ManualClock,
  type PersonalDataKeys,
  type Principal,
  type Role,
  type Runtime,
  type StartInput,
  type WorkflowStore,
  WorkflowError,
} from '../../src/index.js';

export const plan = getPlan('changjiang-2021');

/** The workflows `changjiang-2021` registers. */
export type WorkflowType = 'village-plan' | 'rectification' | 'poverty-monitoring';
export const TENANT = 'changjiang';

/** A principal with one role, scoped the way that role must be for 江联村 / a household of 留阳村. */
export function principal(
  role: Role,
  village: 'jianglian' | 'liuyang' = 'jianglian',
  extra: Partial<Principal> = {},
): Principal {
  const township = village === 'jianglian' ? 'liyang' : 'nianyushan';
  const scoped: Partial<Principal> =
    role === 'township-official'
      ? { township }
      : role === 'village-committee' || role === 'village-cadre'
        ? { township, village }
        : role === 'household'
          ? { township, village, household: 'lh-003' }
          : {};
  return { id: `${role}@${village}`, roles: [role], tenant: TENANT, ...scoped, ...extra };
}

export const official = (v?: 'jianglian' | 'liuyang') => principal('township-official', v);
export const committee = (v?: 'jianglian' | 'liuyang') => principal('village-committee', v);
export const cadre = (v?: 'jianglian' | 'liuyang') => principal('village-cadre', v);
export const districtApprover = principal('district-approver');
export const countyApprover = principal('county-approver');
export const department = principal('department');
export const supervisor = principal('supervisor');
export const assignee = principal('department', 'jianglian', { id: 'agri-water-officer', unit: 'agri-water' });
export const reporter = principal('household', 'jianglian', { id: 'villager-wang', household: 'jh-001' });

/** One step of a path: who sends what, and how many days later. */
export interface Step {
  event: string;
  actor: Principal;
  payload?: unknown;
  /** Days to advance the clock before sending. */
  after?: number;
}

export interface PathCase {
  type: WorkflowType;
  subject: StartInput['subject'];
  steps: Step[];
}

const months = (from: number, n: number) =>
  Array.from({ length: n }, (_, i): Step => ({
    event: 'RECORD_INCOME',
    actor: cadre('liuyang'),
    payload: { month: `2022-${String(from + i).padStart(2, '0')}`, perCapitaIncomeCny: 7200 },
  }));

/** Happy paths that pass through every state with a transition out. */
export const PATHS: Record<WorkflowType, PathCase> = {
  'village-plan': {
    type: 'village-plan',
    subject: { village: 'jianglian' },
    steps: [
      { event: 'START', actor: official() },
      { event: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'JL-2021-draft-1' }, after: 1 },
      { event: 'CLOSE_CONSULTATION', actor: official(), after: 30 },
      { event: 'RECORD_VOTE', actor: committee(), payload: { attendees: 120, inFavour: 97 }, after: 2 },
      { event: 'SUBMIT_FOR_APPROVAL', actor: official(), after: 1 },
      { event: 'APPROVE', actor: districtApprover, after: 10 },
      { event: 'PUBLISH', actor: official(), payload: { where: '丽阳镇政府网站' }, after: 5 },
    ],
  },
  rectification: {
    type: 'rectification',
    subject: { village: 'jianglian' },
    steps: [
      {
        event: 'REPORT',
        actor: reporter,
        payload: { source: 'complaint', category: 'toilet-technical', description: '户厕冬季冻裂' },
      },
      { event: 'ACCEPT', actor: official(), payload: { assigneeUnit: 'agri-water', track: 'planned' }, after: 1 },
      {
        event: 'SUBMIT_ROADMAP',
        actor: assignee,
        payload: { milestones: [{ name: '改造方案', dueOn: '2021-06-30' }], finalDueOn: '2021-09-30' },
        after: 3,
      },
      {
        event: 'SUBMIT_EVIDENCE',
        actor: assignee,
        payload: { evidence: ['photo-001.jpg'], note: '已改造' },
        after: 20,
      },
      { event: 'VERIFY_PASS', actor: supervisor, after: 2 },
      { event: 'RATE', actor: reporter, payload: { satisfied: true }, after: 1 },
    ],
  },
  'poverty-monitoring': {
    type: 'poverty-monitoring',
    subject: { village: 'liuyang', household: 'lh-003' },
    steps: [
      {
        event: 'FLAG',
        actor: department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '收入骤降' },
      },
      {
        event: 'CONFIRM_RISK',
        actor: cadre('liuyang'),
        payload: { perCapitaIncomeCny: 4800, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: true },
        after: 2,
      },
      {
        event: 'REVIEW_PASSED',
        actor: committee('liuyang'),
        payload: { meetingOn: '2022-01-05', attendees: 23 },
        after: 1,
      },
      { event: 'NOTICE_COMPLETED', actor: committee('liuyang'), after: 5 },
      { event: 'TOWNSHIP_APPROVE', actor: official('liuyang'), after: 1 },
      { event: 'COUNTY_APPROVE', actor: countyApprover, payload: { category: 'marginal' }, after: 2 },
      {
        event: 'ADD_MEASURE',
        actor: official('liuyang'),
        payload: { riskType: 'income', measure: 'employment', unit: 'human-resources' },
        after: 1,
      },
      ...months(1, 6),
      { event: 'RESOLVE_RISK', actor: cadre('liuyang'), payload: { riskType: 'income' } },
      { event: 'PROPOSE_ELIMINATION', actor: cadre('liuyang'), after: 1 },
      { event: 'ELIMINATION_NOTICE_COMPLETED', actor: committee('liuyang'), after: 5 },
      { event: 'ELIMINATION_APPROVE', actor: countyApprover, after: 1 },
    ],
  },
};

/** Personal values (个人信息) of a household: tests check they never leave an instance in the clear. */
export const PERSONAL = Object.freeze({
  name: '王建国',
  note: '户主患尿毒症，每周透析三次',
  objection: '邻居反映其子女在城里有房',
});

/** A poverty-monitoring case carrying the head's name, a health note and an objection. */
export const PERSONAL_PATH: PathCase = {
  type: 'poverty-monitoring',
  subject: { village: 'liuyang', household: 'lh-003' },
  steps: [
    {
      event: 'FLAG',
      actor: department,
      payload: {
        channel: 'department-alert',
        riskTypes: ['medical'],
        note: PERSONAL.note,
        householdHead: PERSONAL.name,
      },
    },
    {
      event: 'CONFIRM_RISK',
      actor: cadre('liuyang'),
      payload: { perCapitaIncomeCny: 4800, riskTypes: ['medical'], hasLaborCapacity: true, consentSigned: true },
      after: 1,
    },
    { event: 'REVIEW_PASSED', actor: committee('liuyang'), payload: { meetingOn: '2022-01-03', attendees: 21 } },
    { event: 'OBJECTION', actor: committee('liuyang'), payload: { content: PERSONAL.objection } },
  ],
};

export const START_AT: Record<WorkflowType, string> = {
  'village-plan': '2021-03-01T01:00:00Z',
  rectification: '2021-05-10T01:00:00Z',
  'poverty-monitoring': '2022-01-01T01:00:00Z',
};

export interface Harness {
  runtime: Runtime;
  /** The store's maintenance (运维): deadlines, delivery, the audit's verification. */
  maintenance: Maintenance;
  clock: ManualClock;
  store: WorkflowStore;
  /** The keyring of personal data (memory: it dies with the test). */
  keys: PersonalDataKeys;
}

export function harness(
  start: string,
  store: WorkflowStore = createMemoryStore(),
  keys: PersonalDataKeys = memoryKeys(),
): Harness {
  const clock = createManualClock(start);
  const maintenance = createMaintenance({ store, clock });
  return { runtime: createRuntime({ plan, store, clock, keys, maintenance }), maintenance, clock, store, keys };
}

export function input(step: Step): EventInput {
  return { type: step.event, actor: step.actor, ...(step.payload !== undefined ? { payload: step.payload } : {}) };
}

/**
 * Walk `path` until the instance is in `state` (or to the end); returns the instance id.
 * The start step is sent with `start`, the rest with `send`.
 */
export async function walk(h: Harness, path: PathCase, until?: string): Promise<string> {
  let id = '';
  for (const [i, step] of path.steps.entries()) {
    if (until && id && (await h.runtime.get(id)).state === until) return id;
    if (step.after) h.clock.advanceDays(step.after);
    if (i === 0) {
      if (until === 'idle') return '';
      id = (await h.runtime.start(path.type, { tenant: TENANT, subject: path.subject, event: input(step) })).instanceId;
    } else {
      await h.runtime.send(id, input(step));
    }
  }
  return id;
}

/** The WorkflowError `promise` is refused with (fails the test when it is not refused). */
export async function refusal(promise: Promise<unknown>): Promise<WorkflowError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowError);
  return error as WorkflowError;
}
