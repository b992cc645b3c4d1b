// Idempotency keys (幂等键): a key stands for one request of one principal. Reused for another
// request it is refused; another tenant is refused before any replay; another principal's key
// is its own; screening's predictable keys reveal nothing of another household.
import { describe, expect, it } from 'vitest';
import { WorkflowError } from '../../src/index.js';
import { department, harness, official, PATHS, START_AT, TENANT, walk } from './fixtures.js';

const refusal = async (promise: Promise<unknown>): Promise<WorkflowError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('idempotency keys', () => {
  it('refuses a key reused with another payload or event type, without echoing the key (it may be personal data)', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const first = { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v1' }, idempotencyKey: 'k-1' };
    await h.runtime.send(id, first);
    const otherPayload = await refusal(h.runtime.send(id, { ...first, payload: { draft: 'v2' } }));
    expect(otherPayload.code).toBe('idempotency-key-reused');
    expect(otherPayload.message).not.toContain('k-1');
    expect(otherPayload.message).toContain('幂等键');
    const otherType = await refusal(h.runtime.send(id, { ...first, type: 'CLOSE_CONSULTATION', payload: {} }));
    expect(otherType.code).toBe('idempotency-key-reused');
    expect((await h.runtime.history(id)).filter((e) => e.event === 'SUBMIT_DRAFT')).toHaveLength(1);
  });

  it('refuses a start key reused for another subject without revealing the first instance', async () => {
    const h = harness('2022-01-01T01:00:00Z');
    const flag = (household: string) => ({
      tenant: TENANT,
      subject: { village: 'liuyang', household },
      event: {
        type: 'FLAG',
        actor: department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
        idempotencyKey: 'screening:2025-12-31:lh-001',
      },
    });
    const first = await h.runtime.start('poverty-monitoring', flag('lh-001'));
    const reused = await refusal(h.runtime.start('poverty-monitoring', flag('lh-002')));
    expect(reused.code).toBe('idempotency-key-reused');
    expect(reused.message).not.toContain(first.instanceId);
    expect(reused.instanceId).toBeNull();
  });

  it('scopes keys by principal: another principal’s equal key applies its own event', async () => {
    const h = harness('2022-01-01T01:00:00Z');
    const flag = (actor: typeof department, household: string) => ({
      tenant: TENANT,
      subject: { village: 'liuyang', household },
      event: {
        type: 'FLAG',
        actor,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
        idempotencyKey: 'screening:2025-12-31:lh-001',
      },
    });
    const mine = await h.runtime.start('poverty-monitoring', flag(department, 'lh-001'));
    const otherDepartment = { ...department, id: 'health-bureau' };
    const theirs = await h.runtime.start('poverty-monitoring', flag(otherDepartment, 'lh-009'));
    expect(theirs.duplicate).toBeUndefined();
    expect(theirs.instanceId).not.toBe(mine.instanceId);
  });

  it('authorizes before replaying: another tenant’s principal is refused, not answered', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    const event = { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v1' }, idempotencyKey: 'k-9' };
    await h.runtime.send(id, event);
    const stranger = { ...official(), tenant: 'fuliang' };
    const refused = await refusal(h.runtime.send(id, { ...event, actor: stranger }));
    expect(refused.code).toBe('other-tenant');
    const audit = await h.runtime.history(id);
    expect(audit.at(-1)).toMatchObject({ outcome: 'refused', actor: { tenant: 'fuliang' } });
  });

  it('refuses a key that is not a short string without control characters', async () => {
    const h = harness(START_AT['village-plan']);
    const id = await walk(h, PATHS['village-plan'], 'drafting');
    for (const key of ['', 'a\u0000b', 'x'.repeat(201), 42]) {
      const bad = { type: 'SUBMIT_DRAFT', actor: official(), payload: { draft: 'v1' }, idempotencyKey: key as string };
      expect((await refusal(h.runtime.send(id, bad))).message).toContain('idempotencyKey');
    }
  });
});
