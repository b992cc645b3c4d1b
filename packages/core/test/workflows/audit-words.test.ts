// The audit keeps a refusal's codes and parameters, never its words: the words are said where a
// person reads them (the error, a history shown), in any language whose files exist — a third
// one is one file per area — and entries written with their text before keep verifying.
import { describe, expect, it } from 'vitest';
import {
  auditReasonText,
  renderMessage,
  WorkflowError,
  workflowsFor,
  type AuditEntry,
  type EventInput,
  type Message,
  type Words,
} from '../../src/index.js';
import { auditRecord } from '../../src/workflows/audit.js';
import { pseudo as pseudoChangjiang } from '../locales/pseudo-changjiang.js';
import { pseudo as pseudoModel } from '../locales/pseudo-model.js';
import { pseudo as pseudoWorkflows } from '../locales/pseudo-workflows.js';
import { committee, districtApprover, harness, official, PATHS, plan, START_AT, TENANT, walk } from './fixtures.js';

const CJK = /[\u3400-\u9fff]/;
const PSEUDO: readonly Words[] = [pseudoWorkflows, pseudoModel, pseudoChangjiang];
const definition = workflowsFor(plan).definitionOf('village-plan');

/** A village plan in consultation, and every kind of refusal sent to it, with the errors thrown. */
async function refusals() {
  const h = harness(START_AT['village-plan']);
  const id = await walk(h, PATHS['village-plan'], 'consultation');
  const attempts: EventInput[] = [
    { type: 'NOPE', actor: official() },
    { type: 'APPROVE', actor: districtApprover },
    { type: 'CLOSE_CONSULTATION', actor: committee() },
    { type: 'CLOSE_CONSULTATION', actor: { ...official(), tenant: 'another-county' } },
    { type: 'CLOSE_CONSULTATION', actor: official(), payload: { '13812345678': 1 } },
    { type: 'CLOSE_CONSULTATION', actor: official(), payload: { extra: true } },
    { type: 'CLOSE_CONSULTATION', actor: official() }, // the guard: 30 days have not passed
  ];
  const errors: WorkflowError[] = [];
  for (const attempt of attempts)
    errors.push(
      await h.runtime.send(id, attempt).then(
        () => expect.fail('accepted'),
        (e) => e,
      ),
    );
  // the vote's own check (a message of the plan's words) and zod's (an issue's facts)
  h.clock.advanceDays(30);
  await h.runtime.send(id, { type: 'CLOSE_CONSULTATION', actor: official() });
  for (const payload of [
    { attendees: 10, inFavour: 11 },
    { attendees: 'ten', inFavour: 1 },
  ]) {
    errors.push(await h.runtime.send(id, { type: 'RECORD_VOTE', actor: committee(), payload }).catch((e) => e));
  }
  const refused = (await h.store.readAudit()).filter((e) => e.outcome === 'refused');
  return { h, errors, refused };
}

describe('a refusal in the audit', () => {
  it('is kept as codes and parameters, never as words', async () => {
    const { errors, refused } = await refusals();
    expect(refused).toHaveLength(errors.length);
    expect(refused.map((e) => e.reason!.code)).toEqual(errors.map((e) => e.code));
    for (const entry of refused) {
      expect(entry.reason).toMatchObject({ message: { code: expect.stringMatching(/^refusal\./) } });
      const kept = JSON.stringify(entry.reason);
      expect(kept, kept).not.toMatch(CJK);
      expect(kept).not.toMatch(/may not send|does not accept|cannot accept|invalid payload/);
    }
    const codes = refused.flatMap((e) => ('reasons' in e.reason! ? e.reason.reasons.map((r) => r.code) : []));
    expect(codes).toEqual(
      expect.arrayContaining([
        'scope.other-tenant',
        'identifier.in-key-name',
        'payload.issue',
        'village-plan.consultation-too-short',
        'payload.check',
      ]),
    );
  });

  it('is said at the edge as the error said it, with the workflow’s own words', async () => {
    const { errors, refused } = await refusals();
    for (const [i, entry] of refused.entries()) {
      const error = errors[i]!;
      const said = auditReasonText(entry.reason!, definition);
      expect(said.zh).toBe([error.text.zh, ...(error.reasons ?? []).map((r) => r.zh)].join('；'));
      expect(said.en).toBe([error.text.en, ...(error.reasons ?? []).map((r) => r.en)].join('; '));
      expect(said.zh).toMatch(CJK);
    }
    const guard = refused.find((e) => e.reason!.code === 'guard')!;
    expect(auditReasonText(guard.reason!, definition).zh).toContain('不足 30 天（planning.consultationMinDays）');
    expect(auditReasonText(guard.reason!, definition).en).toContain('it needs 30 days');
  });

  it('can be said in a third language given one words file per area', async () => {
    const { refused } = await refusals();
    const messages = refused.flatMap((e) => ('message' in e.reason! ? [e.reason.message, ...e.reason.reasons] : []));
    const said = messages.map((m: Message) => renderMessage(m, PSEUDO));
    for (const text of said) {
      expect(text).toMatch(/^⟪/);
      expect(text).not.toMatch(CJK);
    }
    expect(said).toContain('⟪consultation 0/30 from 2021-04-01⟫');
    expect(said).toContain('⟪payload.inFavour ⟪in favour > attendees⟫⟫');
  });

  it('says a code no words file has as the code and its parameters, dropping nothing', () => {
    expect(renderMessage({ code: 'county.unknown', params: { n: 1 } }, PSEUDO)).toBe('[county.unknown] {"n":1}');
  });

  it('keeps an entry written with its text before, which still verifies and is shown as it is', async () => {
    const { h } = await refusals();
    const [first] = await h.store.readAudit();
    const legacy = { code: 'forbidden', zh: '旧的拒绝理由', en: 'an older refusal' };
    await h.store.record({
      audit: [
        auditRecord(
          {
            tenant: TENANT,
            instanceId: first!.instanceId,
            workflow: 'village-plan',
            planHash: first!.planHash,
            machineVersion: 1,
          },
          {
            event: 'APPROVE',
            outcome: 'refused',
            actor: districtApprover,
            at: h.clock.now().toISOString(),
            stateBefore: 'villagerVote',
            stateAfter: 'villagerVote',
            reason: legacy,
          },
        ),
      ],
      outbox: [],
    });
    expect(await h.maintenance.verify()).toMatchObject({ ok: true });
    const kept = (await h.store.readAudit()).at(-1) as AuditEntry;
    expect(auditReasonText(kept.reason!, definition)).toEqual(legacy);
  });
});
