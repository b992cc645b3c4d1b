// The role matrix of workflows.md: every event against every role, allowed or refused; another
// tenant's principal and a principal of another village refused; refusals audited.
import { describe, expect, it } from 'vitest';
import { ROLES, WorkflowError, type Principal, type Role } from '../../src/index.js';
import {
  assignee,
  harness,
  input,
  PATHS,
  principal,
  reporter,
  START_AT,
  TENANT,
  walk,
  type Step,
  type WorkflowType,
} from './fixtures.js';

/** Who may send what, as workflows.md writes it (relations: see the tests below). */
const TABLE: Record<WorkflowType, Record<string, Role[] | 'any' | 'assignee' | 'reporter'>> = {
  'village-plan': {
    START: ['township-official'],
    SUBMIT_DRAFT: ['township-official'],
    CLOSE_CONSULTATION: ['township-official'],
    RECORD_VOTE: ['village-committee'],
    SUBMIT_FOR_APPROVAL: ['township-official'],
    APPROVE: ['district-approver'],
    REQUEST_CHANGES: ['district-approver'],
    PUBLISH: ['township-official'],
  },
  rectification: {
    REPORT: 'any',
    ACCEPT: ['township-official'],
    DISMISS: ['township-official'],
    SUBMIT_ROADMAP: 'assignee',
    SUBMIT_EVIDENCE: 'assignee',
    VERIFY_PASS: ['supervisor'],
    VERIFY_FAIL: ['supervisor'],
    RATE: 'reporter',
  },
  'poverty-monitoring': {
    FLAG: ['household', 'village-cadre', 'department'],
    CONFIRM_RISK: ['village-cadre'],
    REJECT_RISK: ['village-cadre'],
    REVIEW_PASSED: ['village-committee'],
    REVIEW_FAILED: ['village-committee'],
    OBJECTION: ['village-committee'],
    NOTICE_COMPLETED: ['village-committee'],
    TOWNSHIP_APPROVE: ['township-official'],
    TOWNSHIP_RETURN: ['township-official'],
    COUNTY_APPROVE: ['county-approver'],
    COUNTY_REJECT: ['county-approver'],
    ADD_MEASURE: ['village-cadre', 'township-official'],
    RESOLVE_RISK: ['village-cadre'],
    RECORD_INCOME: ['village-cadre'],
    PROPOSE_ELIMINATION: ['village-cadre'],
    ELIMINATION_NOTICE_COMPLETED: ['village-committee'],
    ELIMINATION_APPROVE: ['county-approver'],
    ELIMINATION_REJECT: ['county-approver'],
  },
};

/** Payloads for events off the happy path. */
const PAYLOAD: Record<string, unknown> = {
  REQUEST_CHANGES: { reasons: ['x'] },
  DISMISS: { reason: 'x' },
  VERIFY_FAIL: { reason: 'x' },
  REJECT_RISK: { reason: 'x' },
  REVIEW_FAILED: { reason: 'x' },
  OBJECTION: { content: 'x' },
  TOWNSHIP_RETURN: { reason: 'x' },
  COUNTY_REJECT: { reason: 'x' },
  ELIMINATION_REJECT: { reason: 'x' },
  FLAG: { channel: 'self-declaration', riskTypes: ['medical'], note: '' },
};

/** The path step that sends `event` and the state it is sent in; branches share the step of their sibling. */
const SIBLING: Record<string, string> = {
  REQUEST_CHANGES: 'APPROVE',
  DISMISS: 'ACCEPT',
  VERIFY_FAIL: 'VERIFY_PASS',
  REJECT_RISK: 'CONFIRM_RISK',
  REVIEW_FAILED: 'REVIEW_PASSED',
  OBJECTION: 'NOTICE_COMPLETED',
  TOWNSHIP_RETURN: 'TOWNSHIP_APPROVE',
  COUNTY_REJECT: 'COUNTY_APPROVE',
  ELIMINATION_REJECT: 'ELIMINATION_APPROVE',
};

function scoped(role: Role, type: WorkflowType): Principal {
  return principal(role, type === 'poverty-monitoring' ? 'liuyang' : 'jianglian');
}

/** Reach the state `event` is sent in, then send it as `actor`. */
async function attempt(type: WorkflowType, event: string, actor: Principal) {
  const h = harness(START_AT[type]);
  const path = PATHS[type];
  const index = path.steps.findIndex((s) => s.event === (SIBLING[event] ?? event));
  const before = { ...path, steps: path.steps.slice(0, index) };
  const id = await walk(h, before);
  const step: Step = { ...path.steps[index]!, event, actor, payload: PAYLOAD[event] ?? path.steps[index]!.payload };
  if (step.after) h.clock.advanceDays(step.after);
  const send =
    index === 0
      ? h.runtime.start(type, { tenant: TENANT, subject: path.subject, event: input(step) })
      : h.runtime.send(id, input(step));
  const error = await send.then(
    () => undefined,
    (e: unknown) => e as WorkflowError,
  );
  return { h, id, error };
}

for (const type of ['village-plan', 'rectification', 'poverty-monitoring'] as const) {
  describe(`${type} role matrix`, () => {
    for (const [event, who] of Object.entries(TABLE[type])) {
      it(`${event}: ${Array.isArray(who) ? who.join(', ') : who} only`, async () => {
        const outcomes: Record<string, string> = {};
        for (const role of ROLES) {
          const { h, id, error } = await attempt(type, event, scoped(role, type));
          outcomes[role] = error ? error.code : 'accepted';
          if (error) {
            expect(error.code, `${role} ${event}: ${error.message}`).toBe('forbidden');
            expect(error.message).toContain(event);
            const audit = id ? await h.runtime.history(id) : await h.store.readAudit();
            expect(audit.at(-1)).toMatchObject({ outcome: 'refused', event, actor: { id: scoped(role, type).id } });
          }
        }
        const expected = Object.fromEntries(
          ROLES.map((role) => [
            role,
            who === 'any' || (Array.isArray(who) && who.includes(role)) ? 'accepted' : 'forbidden',
          ]),
        );
        expect(outcomes).toEqual(expected);
      });
    }
  });
}

describe('relations and scope', () => {
  it('lets only the assignee unit submit a roadmap and evidence, and only the reporter rate', async () => {
    for (const event of ['SUBMIT_ROADMAP', 'SUBMIT_EVIDENCE']) {
      expect((await attempt('rectification', event, assignee)).error).toBeUndefined();
      const otherUnit = { ...assignee, id: 'housing-officer', unit: 'housing' };
      expect((await attempt('rectification', event, otherUnit)).error?.code).toBe('forbidden');
    }
    expect((await attempt('rectification', 'RATE', reporter)).error).toBeUndefined();
    expect((await attempt('rectification', 'RATE', { ...reporter, id: 'neighbour' })).error?.code).toBe('forbidden');
  });

  it('lets a household flag only itself and only by self-declaration', async () => {
    const own = principal('household', 'liuyang');
    expect((await attempt('poverty-monitoring', 'FLAG', own)).error).toBeUndefined();
    const other = { ...own, id: 'neighbour', household: 'lh-004' };
    expect((await attempt('poverty-monitoring', 'FLAG', other)).error?.code).toBe('forbidden');
    const h = harness(START_AT['poverty-monitoring']);
    const error = await h.runtime
      .start('poverty-monitoring', {
        tenant: TENANT,
        subject: { village: 'liuyang', household: 'lh-003' },
        event: { type: 'FLAG', actor: own, payload: { channel: 'department-alert', riskTypes: ['income'], note: '' } },
      })
      .catch((e: WorkflowError) => e);
    expect((error as WorkflowError).code).toBe('forbidden');
    expect((error as WorkflowError).message).toContain('payload');
  });

  it('refuses a principal of another tenant, township or village, and audits the attempt', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'villagerVote');
    const payload = { attendees: 10, inFavour: 9 };
    const cases: [Principal, string, string][] = [
      [{ ...principal('village-committee'), tenant: 'fuliang' }, 'other-tenant', 'fuliang'],
      [principal('village-committee', 'liuyang'), 'out-of-scope', 'nianyushan'],
      [{ ...principal('village-committee'), village: 'xinfeng' }, 'out-of-scope', 'xinfeng'],
      [
        { ...principal('district-approver'), roles: ['district-approver', 'village-committee'] },
        'forbidden',
        'RECORD_VOTE',
      ],
    ];
    for (const [actor, code, named] of cases) {
      const error = await h.runtime.send(id, { type: 'RECORD_VOTE', actor, payload }).catch((e: WorkflowError) => e);
      expect(error).toBeInstanceOf(WorkflowError);
      expect((error as WorkflowError).code).toBe(code);
      expect((error as WorkflowError).message).toContain(named);
      expect((error as WorkflowError).allowedNow).toEqual([]);
    }
    const refused = (await h.runtime.history(id)).filter((e) => e.outcome === 'refused');
    expect(refused.map((e) => e.reason?.code)).toEqual(cases.map(([, code]) => code));
    expect((await h.runtime.get(id)).state).toBe('villagerVote');
    expect((await h.maintenance.verify()).ok).toBe(true);
  });
});
