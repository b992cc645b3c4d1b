// A start or send's steps decide and write nothing; the commit step alone writes what they
// decided — an accepted transition, or a refusal's audit entry before its error is thrown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attemptOn, type Setting } from '../../src/workflows/attempt.js';
import { authorizeEvent, authorizeScope } from '../../src/workflows/authorize.js';
import { chineseWorkingDayCalendar } from '../../src/workflows/calendar.js';
import { commitRefusal } from '../../src/workflows/commit.js';
import { Refusal } from '../../src/workflows/refusal.js';
import { transition } from '../../src/workflows/transition.js';
import { planHash, workflowsFor, WorkflowError, type Principal } from '../../src/index.js';
import { districtApprover, harness, official, PATHS, plan, START_AT, walk } from './fixtures.js';

/** A walked village plan in consultation, its store's writes counted, and an attempt maker on it. */
async function inConsultation() {
  const h = harness(START_AT['village-plan']);
  const id = await walk(h, PATHS['village-plan'], 'consultation');
  const writes: string[] = [];
  const store = {
    ...h.store,
    record: (...args: Parameters<typeof h.store.record>) => (writes.push('record'), h.store.record(...args)),
    save: (...args: Parameters<typeof h.store.save>) => (writes.push('save'), h.store.save(...args)),
    create: (...args: Parameters<typeof h.store.create>) => (writes.push('create'), h.store.create(...args)),
  };
  const setting: Setting = {
    plan,
    planHash: planHash(plan),
    store,
    calendar: chineseWorkingDayCalendar,
    now: () => h.clock.now().toISOString(),
  };
  const record = (await h.store.load(id))!;
  const definition = workflowsFor(plan).definitionOf(record.type);
  const attempt = (type: string, actor: Principal) =>
    attemptOn(definition, record, { type, actor }, actor, setting.now());
  return { h, id, writes, setting, attempt };
}

describe('the steps of a send', () => {
  it('return a refusal and write nothing: out of scope, not allowed in the state, blocked by a guard', async () => {
    const { writes, setting, attempt } = await inConsultation();
    const outsider = { ...official(), tenant: 'another-county' };
    const scope = authorizeScope(setting, attempt('CLOSE_CONSULTATION', outsider));
    expect(scope).toBeInstanceOf(Refusal);
    expect(scope!.error.code).toBe('other-tenant');

    const inState = authorizeEvent(setting, attempt('APPROVE', districtApprover));
    expect(inState).toBeInstanceOf(Refusal);
    expect((inState as Refusal).error.code).toBe('not-allowed-in-state');

    // the consultation has not run its minimum days: the machine's guard lets nothing through
    const early = attempt('CLOSE_CONSULTATION', official());
    const authorized = authorizeEvent(setting, early);
    expect(authorized).not.toBeInstanceOf(Refusal);
    const guarded = transition(setting, early, (authorized as { payload: unknown }).payload);
    expect(guarded).toBeInstanceOf(Refusal);
    expect((guarded as Refusal).error.code).toBe('guard');
    expect((guarded as Refusal).audit).toMatchObject({ outcome: 'refused', event: 'CLOSE_CONSULTATION' });

    expect(writes).toEqual([]);
  });

  it('leave the writing to the commit step, which audits a refusal and then throws its error', async () => {
    const { h, id, writes, setting, attempt } = await inConsultation();
    const refused = authorizeEvent(setting, attempt('APPROVE', districtApprover)) as Refusal;
    const before = (await h.runtime.history(id)).length;
    const thrown = await commitRefusal(setting, refused).catch((error: unknown) => error);
    expect(thrown).toBe(refused.error);
    expect(thrown).toBeInstanceOf(WorkflowError);
    expect(writes).toEqual(['record']);
    const history = await h.runtime.history(id);
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)).toMatchObject({
      outcome: 'refused',
      event: 'APPROVE',
      reason: refused.audit.reason,
    });
  });

  it('are modules that never call a store write: only the commit step does', () => {
    const steps = ['authorize.ts', 'transition.ts', 'refusal.ts', 'privacy/privacy.ts', 'privacy/protect.ts'];
    for (const step of steps) {
      const text = readFileSync(new URL(`../../src/workflows/${step}`, import.meta.url), 'utf8');
      expect(text, step).not.toMatch(/\bstore\.(record|save|create)\(/);
    }
    const commit = readFileSync(new URL('../../src/workflows/commit.ts', import.meta.url), 'utf8');
    expect(commit).toMatch(/\bstore\.record\(/);
  });
});
