// Issue 22, point 2: personal data reached the audit through channels nobody scanned — an
// idempotency key stored verbatim, an actor id or unit that is an ID number, a refused event
// whose type is one, a subject id or a payload key name holding one. Each is now hashed,
// refused with a clear error, or audited by its code.
import { describe, expect, it } from 'vitest';
import { createMaintenance, createMemoryStore, createRuntime, generateCheckpointKeys } from '../../src/index.js';
import { department, harness, plan, refusal, START_AT, supervisor, TENANT } from './fixtures.js';

const ID = '330106198503174616';
const PHONE = '13957912468';
const CARD = '6228480012345671';
const SUBJECT = { village: 'liuyang', household: 'lh-003' };

const flag = (extra: Record<string, unknown> = {}, actor = department, subject: object = SUBJECT) => ({
  tenant: TENANT,
  subject: subject as typeof SUBJECT,
  event: { type: 'FLAG', actor, payload: { channel: 'department-alert', riskTypes: ['income'], note: '', ...extra } },
});

const storedText = async (h: ReturnType<typeof harness>) => JSON.stringify(await h.store.readAudit());

describe('idempotency keys', () => {
  it('are stored and audited only as a keyed hash; a retry with the same key still finds its result', async () => {
    const store = createMemoryStore();
    const maintenance = createMaintenance({ store, auditKey: generateCheckpointKeys().privateKey });
    const runtime = createRuntime({ plan, store, maintenance });
    const input = flag();
    const first = await runtime.start('poverty-monitoring', {
      ...input,
      event: { ...input.event, idempotencyKey: PHONE },
    });
    const again = await runtime.start('poverty-monitoring', {
      ...input,
      event: { ...input.event, idempotencyKey: PHONE },
    });
    expect(again).toMatchObject({ instanceId: first.instanceId, duplicate: true });
    const [entry] = await store.readAudit();
    expect(entry!.idempotencyKey).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(JSON.stringify(await store.readAudit())).not.toContain(PHONE);
    expect(
      await store.findIdempotent(JSON.stringify(['start:poverty-monitoring:changjiang', TENANT, department.id]), PHONE),
    ).toBeUndefined();
  });
});

describe('ids holding a personal number', () => {
  it('an actor id or unit that is an ID number is refused (zh/en), not audited', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    for (const actor of [
      { ...department, id: ID },
      { ...department, unit: ID },
    ]) {
      const error = await refusal(h.runtime.start('poverty-monitoring', flag({}, actor)));
      expect(error.code).toBe('invalid-principal');
      expect(error.message).toContain('含有身份证号（不予回显）');
      expect(error.message).toContain('holds an ID number (not echoed)');
      expect(error.message).not.toContain(ID);
    }
    expect(await h.store.readAudit()).toHaveLength(0);
  });

  it('a subject id or tenant holding a bank-card or phone number is refused, nothing stored', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const error = await refusal(
      h.runtime.start('poverty-monitoring', flag({}, department, { village: 'liuyang', household: CARD })),
    );
    expect(error.code).toBe('invalid-subject');
    expect(error.message).toContain('household holds a bank-card number (not echoed)');
    expect(error.message).not.toContain(CARD);
    const forgetting = await refusal(
      h.runtime.forget({
        tenant: TENANT,
        subject: { village: 'liuyang', household: PHONE },
        actor: supervisor,
        reason: 'R-1',
      }),
    );
    expect(forgetting.code).toBe('invalid-subject');
    expect(await storedText(h)).not.toContain(PHONE);
  });

  it('a payload key name holding a number is refused, audited without it', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const error = await refusal(h.runtime.start('poverty-monitoring', flag({ [CARD]: 'x' })));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('(a key name) holds a bank-card number (not echoed)');
    expect(error.message).not.toContain(CARD);
    const text = await storedText(h);
    expect(text).toContain('invalid-payload');
    expect(text).not.toContain(CARD);
  });

  it('a refused event whose type is an ID number is audited by its code, not by that text', async () => {
    const h = harness(START_AT['poverty-monitoring']);
    const { instanceId } = await h.runtime.start('poverty-monitoring', flag());
    const error = await refusal(h.runtime.send(instanceId, { type: ID, actor: department }));
    expect(error.code).toBe('unknown-event');
    expect(error.message).not.toContain(ID);
    const refused = (await h.store.readAudit()).at(-1)!;
    expect(refused).toMatchObject({
      outcome: 'refused',
      event: '[未知事件 unknown event]',
      reason: { code: 'unknown-event' },
    });
    expect(await storedText(h)).not.toContain(ID);
    // a type shaped like an event name is still echoed, to help with a typo
    const typo = await refusal(h.runtime.send(instanceId, { type: 'CONFIRMM', actor: department }));
    expect(typo.message).toContain('"CONFIRMM"');
  });
});
