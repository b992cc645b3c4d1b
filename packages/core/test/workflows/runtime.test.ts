// The runtime over the in-memory store: the three happy paths, refusals with readable errors,
// idempotency, screening to workflow, the outbox and migrations.
import { describe, expect, it } from 'vitest';
import { evaluate, type OutboxEntry } from '../../src/index.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import {
  cadre,
  committee,
  department,
  districtApprover,
  harness,
  official,
  PATHS,
  plan,
  principal,
  START_AT,
  supervisor,
  TENANT,
  walk,
  refusal,
} from './fixtures.js';

describe('the runtime', () => {
  for (const type of ['village-plan', 'rectification', 'poverty-monitoring'] as const) {
    it(`walks ${type} from start to its final state, auditing every event`, async () => {
      const h = harness(START_AT[type]);
      const id = await walk(h, PATHS[type]);
      const instance = await h.runtime.get(id);
      expect(instance.state).toBe(
        { 'village-plan': 'published', rectification: 'closed', 'poverty-monitoring': 'riskEliminated' }[type],
      );
      const history = await h.runtime.history(id);
      expect(history).toHaveLength(PATHS[type].steps.length);
      expect(history.map((e) => e.event)).toEqual(PATHS[type].steps.map((s) => s.event));
      expect(history[0]!.outcome).toBe('started');
      expect(history.every((e) => e.planHash === h.runtime.planHash && e.machineVersion === 1)).toBe(true);
      expect(await h.maintenance.verify()).toMatchObject({ ok: true, entries: PATHS[type].steps.length });
    });
  }

  it('records the approval date and emits plan-approved for villagePlanApprovedOn', async () => {
    const h = harness(START_AT['village-plan']);
    const events: OutboxEntry[] = [];
    h.runtime.subscribe((e) => void events.push(e));
    const id = await walk(h, PATHS['village-plan']);
    await h.maintenance.deliver();
    const context = (await h.runtime.get(id)).context;
    expect(context.approvedOn).toBe('2021-04-14');
    expect(events.find((e) => e.type === 'plan-approved')?.data).toEqual({ villagePlanApprovedOn: '2021-04-14' });
    expect(events.filter((e) => e.type === 'transitioned')).toHaveLength(6);
  });

  it('sends a failed vote back to drafting and keeps the vote', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'villagerVote');
    await h.runtime.send(id, { type: 'RECORD_VOTE', actor: committee(), payload: { attendees: 100, inFavour: 50 } });
    const instance = await h.runtime.get(id);
    expect(instance.state).toBe('drafting');
    expect(instance.context.votes).toEqual([expect.objectContaining({ attendees: 100, inFavour: 50, passed: false })]);
  });

  it('refuses an event not allowed in the state, naming the state and what is allowed now', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    const error = await refusal(h.runtime.send(id, { type: 'APPROVE', actor: districtApprover }));
    expect(error.code).toBe('not-allowed-in-state');
    expect(error.message).toContain('consultation');
    expect(error.message).toContain('APPROVE');
    expect(error.message).toContain('不接受');
    expect(error.allowedNow).toEqual([]); // the district approver may send nothing now
    const asOfficial = await refusal(h.runtime.send(id, { type: 'APPROVE', actor: official() }));
    expect(asOfficial.allowedNow).toEqual(['CLOSE_CONSULTATION']);
    expect((await h.runtime.get(id)).state).toBe('consultation');
  });

  it('refuses to close consultation before planning.consultationMinDays, saying when it may', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'consultation');
    h.clock.advanceDays(29);
    const error = await refusal(h.runtime.send(id, { type: 'CLOSE_CONSULTATION', actor: official() }));
    expect(error.code).toBe('guard');
    expect(error.message).toContain('planning.consultationMinDays');
    expect(error.message).toContain('2021-04-01');
    h.clock.advanceDays(1);
    await h.runtime.send(id, { type: 'CLOSE_CONSULTATION', actor: official() });
    expect((await h.runtime.get(id)).state).toBe('villagerVote');
  });

  it('refuses unknown events and invalid payloads naming the field, and audits them', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'villagerVote');
    const unknown = await refusal(h.runtime.send(id, { type: 'CELEBRATE', actor: committee() }));
    expect(unknown.code).toBe('unknown-event');
    expect(unknown.message).toContain('"CELEBRATE"');
    const bad = await refusal(
      h.runtime.send(id, { type: 'RECORD_VOTE', actor: committee(), payload: { attendees: 10, inFavour: 11 } }),
    );
    expect(bad.code).toBe('invalid-payload');
    expect(bad.message).toContain('payload.inFavour');
    const missing = await refusal(h.runtime.send(id, { type: 'RECORD_VOTE', actor: committee(), payload: {} }));
    expect(missing.message).toContain('payload.attendees');
    const refused = (await h.runtime.history(id)).filter((e) => e.outcome === 'refused');
    expect(refused.map((e) => e.reason?.code)).toEqual(['unknown-event', 'invalid-payload', 'invalid-payload']);
    expect(refused[1]!.actor).toMatchObject({ id: 'village-committee@jianglian' });
  });

  it('does not audit an actor that is not a valid principal, and says which field is wrong', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const error = await refusal(
      h.runtime.send(id, { type: 'SUBMIT_DRAFT', actor: { id: 'x', roles: ['mayor'] } as never }),
    );
    expect(error.code).toBe('invalid-principal');
    expect(error.message).toContain('actor.roles');
    expect(error.message).toContain('actor.tenant');
    expect((await h.runtime.history(id)).filter((e) => e.outcome === 'refused')).toHaveLength(0);
  });

  it('refuses an unknown instance, workflow type and subject clearly', async () => {
    const h = harness(START_AT['village-plan']);
    expect((await refusal(h.runtime.send('nope', { type: 'START', actor: official() }))).code).toBe('unknown-instance');
    expect(
      (
        await refusal(
          h.runtime.start('harvest' as never, {
            tenant: TENANT,
            subject: { village: 'jianglian' },
            event: { type: 'START', actor: official() },
          }),
        )
      ).message,
    ).toContain('harvest');
    const subject = await refusal(
      h.runtime.start('village-plan', {
        tenant: TENANT,
        subject: { village: 'xinfeng' },
        event: { type: 'START', actor: official() },
      }),
    );
    expect(subject.code).toBe('invalid-subject');
    expect(subject.message).toContain('xinfeng');
    const household = await refusal(
      h.runtime.start('poverty-monitoring', {
        tenant: TENANT,
        subject: { village: 'liuyang' },
        event: { type: 'FLAG', actor: department },
      }),
    );
    expect(household.message).toContain('household');
  });

  it('applies the same idempotency key once and returns the first result', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const event = { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v1' }, idempotencyKey: 'k-1' };
    const first = await h.runtime.send(id, event);
    const again = await h.runtime.send(id, event);
    expect(again).toEqual({ ...first, duplicate: true });
    expect((await h.runtime.get(id)).version).toBe(2);
    expect((await h.runtime.history(id)).filter((e) => e.event === 'SUBMIT_DRAFT')).toHaveLength(1);
  });

  describe('sends racing on one instance', () => {
    const income = (month: string) => ({
      type: 'RECORD_INCOME',
      actor: cadre('liuyang'),
      payload: { month, perCapitaIncomeCny: 7000 },
    });

    it('applies both without an expected version: the one that lost the race is tried again', async () => {
      const h = harness(START_AT['poverty-monitoring']);
      const id = await walk(h, PATHS['poverty-monitoring'], 'assisting');
      const { version } = await h.runtime.get(id);
      const results = await Promise.all([h.runtime.send(id, income('2022-01')), h.runtime.send(id, income('2022-02'))]);
      expect(results.map((r) => r.version).sort()).toEqual([version + 1, version + 2]);
      const incomes = (await h.runtime.get(id)).context.incomes as { month: string }[];
      expect(incomes.map((r) => r.month).sort()).toEqual(['2022-01', '2022-02']);
    });

    it('gives up after its retries with a conflict, and never retries a send naming its expected version', async () => {
      const h = harness(START_AT['poverty-monitoring']);
      const id = await walk(h, PATHS['poverty-monitoring'], 'assisting');
      const { version } = await h.runtime.get(id);
      const once = await Promise.allSettled([
        h.runtime.send(id, income('2022-01'), { retries: 0 }),
        h.runtime.send(id, income('2022-02'), { retries: 0 }),
      ]);
      expect(once.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(once.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });

      const expected = { expectedVersion: version + 1 };
      const named = await Promise.allSettled([
        h.runtime.send(id, income('2022-03'), expected),
        h.runtime.send(id, income('2022-04'), expected),
      ]);
      expect(named.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(named.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { name: 'StaleVersionError', code: 'precondition-failed', currentVersion: version + 2 },
      });
      expect((await h.runtime.get(id)).version).toBe(version + 2);
    });
  });

  it('explains every unmet elimination condition', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'assisting');
    await h.runtime.send(id, {
      type: 'ADD_MEASURE',
      actor: cadre('liuyang'),
      payload: { riskType: 'income', measure: 'social-security', unit: 'civil-affairs' },
    });
    await h.runtime.send(id, {
      type: 'RECORD_INCOME',
      actor: cadre('liuyang'),
      payload: { month: '2022-01', perCapitaIncomeCny: 5000 },
    });
    const error = await refusal(h.runtime.send(id, { type: 'PROPOSE_ELIMINATION', actor: cadre('liuyang') }));
    expect(error.code).toBe('guard');
    expect(error.message).toContain('risk income is not resolved');
    expect(error.message).toContain('no developmental (industry or employment) measure');
    expect(error.message).toContain('only 1 months of income recorded; 6 are needed');
    expect(error.message).toContain('below the threshold of 6000 CNY in 2022-01');
    expect(error.allowedNow).toContain('ADD_MEASURE');
  });

  it('never proposes a household without labour capacity for elimination', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const path = structuredClone(PATHS['poverty-monitoring']);
    (path.steps[1]!.payload as { hasLaborCapacity: boolean }).hasLaborCapacity = false;
    path.steps.splice(path.steps.findIndex((s) => s.event === 'PROPOSE_ELIMINATION'));
    const id = await walk(h, path);
    const error = await refusal(h.runtime.send(id, { type: 'PROPOSE_ELIMINATION', actor: cadre('liuyang') }));
    expect(error.message).toContain('no labour capacity');
    expect((await h.runtime.get(id)).state).toBe('assisting');
  });

  it('requires signed consent when confirming a risk', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'verifying');
    const error = await refusal(
      h.runtime.send(id, {
        type: 'CONFIRM_RISK',
        actor: cadre('liuyang'),
        payload: { perCapitaIncomeCny: 4000, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: false },
      }),
    );
    expect(error.message).toContain('payload.consentSigned');
  });

  it('keeps one open case per household: a second flag adds its risks; a new risk reopens an eliminated case', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'verifying');
    const second = await h.runtime.start('poverty-monitoring', {
      tenant: TENANT,
      subject: { village: 'liuyang', household: 'lh-003' },
      event: {
        type: 'FLAG',
        actor: cadre('liuyang'),
        payload: { channel: 'cadre-screening', riskTypes: ['medical'], note: '大病' },
      },
    });
    expect(second.instanceId).toBe(id);
    expect((await h.runtime.get(id)).context.flaggedRisks).toEqual(['income', 'medical']);
    const done = harness(START_AT['poverty-monitoring']);
    const eliminated = await walk(done, PATHS['poverty-monitoring']);
    const reopened = await done.runtime.start('poverty-monitoring', {
      tenant: TENANT,
      subject: { village: 'liuyang', household: 'lh-003' },
      event: {
        type: 'FLAG',
        actor: department,
        payload: { channel: 'department-alert', riskTypes: ['housing'], note: '' },
      },
    });
    expect(reopened).toMatchObject({ instanceId: eliminated, from: 'riskEliminated', to: 'verifying' });
    expect((await done.runtime.get(eliminated)).context).toMatchObject({ cycle: 2, flaggedRisks: ['housing'] });
  });

  it('starts poverty-monitoring from screening results, idempotently, one case per household', async () => {
    const data = parse(
      readFileSync(new URL('../../../../examples/changjiang-2021/data.yaml', import.meta.url), 'utf8'),
    );
    const report = evaluate(plan, data, { asOf: '2025-12-31' });
    const flagged = report.households.filter((hh) => hh.risks.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const h = harness('2026-01-05T01:00:00Z');
    const first = await h.runtime.startFromScreening(report, { tenant: TENANT, actor: department });
    expect(first.map((s) => s.outcome)).toEqual(flagged.map(() => 'started'));
    const again = await h.runtime.startFromScreening(report, { tenant: TENANT, actor: department });
    expect(again.map((s) => s.outcome)).toEqual(flagged.map(() => 'duplicate'));
    expect(again.map((s) => s.instanceId)).toEqual(first.map((s) => s.instanceId));
    const one = await h.runtime.get(first[0]!.instanceId);
    expect(one.context.flaggedRisks).toEqual(flagged[0]!.risks);
    expect(one.context.flags).toHaveLength(1);
    // a later screening (another as-of) adds to the open case instead of opening a second one
    const later = await h.runtime.startFromScreening(
      { ...report, asOf: '2026-01-31' },
      { tenant: TENANT, actor: department },
    );
    expect(later.map((s) => s.outcome)).toEqual(flagged.map(() => 'added'));
    expect((await h.runtime.get(first[0]!.instanceId)).context.flags).toHaveLength(2);
    const repeated = await h.runtime.startFromScreening(
      { ...report, asOf: '2026-01-31' },
      { tenant: TENANT, actor: department },
    );
    expect(repeated.map((s) => s.outcome)).toEqual(flagged.map(() => 'duplicate'));
    expect((await h.runtime.get(first[0]!.instanceId)).context.flags).toHaveLength(2);
  });

  it('refuses to run an instance of another plan or machine version until it is migrated, audited', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const { createRuntime } = await import('../../src/index.js');
    const amended = {
      ...plan,
      parameters: plan.parameters.map((p) =>
        p.id === 'planning.consultationMinDays' ? { ...p, values: [{ from: '2021-01-01', value: 20 }] } : p,
      ),
    };
    const newer = createRuntime({ plan: amended, store: h.store, clock: h.clock });
    const error = await refusal(newer.send(id, { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v2' } }));
    expect(error.code).toBe('plan-mismatch');
    expect(error.message).toContain('migrate');
    expect((await refusal(newer.migrate(id, { actor: official(), reason: 'new plan' }))).message).toContain(
      'supervisor',
    );
    await newer.migrate(id, { actor: supervisor, reason: '县级插件调整征求意见天数' });
    expect((await newer.get(id)).planHash).toBe(newer.planHash);
    await newer.send(id, { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v2' } });
    const migrated = (await newer.history(id)).find((e) => e.outcome === 'migrated');
    expect(migrated?.payload).toMatchObject({ toPlan: newer.planHash, reason: '县级插件调整征求意见天数' });
  });

  it('migrates machine versions through the migration hook', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const record = (await h.store.load(id))!;
    await h.store.save(
      { ...record, version: record.version + 1, envelope: { ...record.envelope, machineVersion: 0 } },
      record.version,
      { audit: [], outbox: [] },
    );
    expect(
      (await refusal(h.runtime.send(id, { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v' } }))).code,
    ).toBe('machine-version');
    expect((await refusal(h.runtime.migrate(id, { actor: supervisor, reason: 'upgrade' }))).message).toContain(
      'from machine version 0 to 1',
    );
    const { createRuntime } = await import('../../src/index.js');
    const withHook = createRuntime({
      plan,
      store: h.store,
      clock: h.clock,
      migrations: { 'village-plan': { 0: (s) => ({ ...s, context: { ...s.context, changeRequests: [] } }) } },
    });
    await withHook.migrate(id, { actor: supervisor, reason: 'upgrade' });
    expect((await withHook.get(id)).machineVersion).toBe(1);
    await withHook.send(id, { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v' } });
  });

  it('lists the events a principal may send now', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const id = await walk(h, PATHS['poverty-monitoring'], 'assisting');
    expect(await h.runtime.allowedEvents(id, cadre('liuyang'))).toEqual([
      'FLAG',
      'ADD_MEASURE',
      'RESOLVE_RISK',
      'RECORD_INCOME',
      'PROPOSE_ELIMINATION',
    ]);
    expect(await h.runtime.allowedEvents(id, official('liuyang'))).toEqual(['ADD_MEASURE']);
    expect(await h.runtime.allowedEvents(id, cadre('jianglian'))).toEqual([]);
    expect(await h.runtime.allowedEvents(id, principal('household', 'liuyang'))).toEqual(['FLAG']);
  });
});
