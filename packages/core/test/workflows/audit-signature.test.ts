// Issue 22, point 3: a runtime with an audit key signs every entry and checkpoints on its own
// (every N entries, every T minutes), so entries newer than the last checkpoint stay few and
// cannot be forged without the key. (Tampering by raw SQL: test/support/tamper.ts.)
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createManualClock, createMemoryStore, createRuntime, generateCheckpointKeys } from '../../src/index.js';
import { input, PATHS, plan, START_AT, TENANT } from './fixtures.js';

const keys = generateCheckpointKeys();

async function walkVillagePlan(runtime: ReturnType<typeof createRuntime>, clock: ReturnType<typeof createManualClock>) {
  const [first, ...rest] = PATHS['village-plan'].steps;
  const { instanceId } = await runtime.start('village-plan', {
    tenant: TENANT,
    subject: PATHS['village-plan'].subject,
    event: input(first!),
  });
  for (const step of rest) {
    if (step.after) clock.advanceDays(step.after);
    await runtime.send(instanceId, input(step));
  }
}

describe('a runtime with an audit key', () => {
  it('signs every entry, verified with the public key', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const runtime = createRuntime({ plan, store, clock, auditKey: keys.privateKey });
    await walkVillagePlan(runtime, clock);
    const entries = await store.readAudit();
    expect(entries.every((e) => e.signature?.keyId)).toBe(true);
    expect(await runtime.verifyAudit({ publicKey: keys.publicKey })).toMatchObject({ ok: true, signedEntries: 7 });
    const other = generateCheckpointKeys();
    expect(await runtime.verifyAudit({ publicKey: other.publicKey })).toMatchObject({
      ok: false,
      problem: 'signature',
      seq: 1,
    });
  });

  it('checkpoints on its own every N entries', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const runtime = createRuntime({ plan, store, clock, auditKey: keys.privateKey, autoCheckpoint: { entries: 3 } });
    await walkVillagePlan(runtime, clock);
    await sleep(50);
    const { checkpoints } = await store.auditEvidence();
    expect(checkpoints!.length).toBeGreaterThanOrEqual(2);
    expect(await runtime.verifyAudit({ publicKey: keys.publicKey })).toMatchObject({ ok: true });
    runtime.close();
  });

  it('checkpoints on its own every T minutes', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const runtime = createRuntime({
      plan,
      store,
      clock,
      auditKey: keys.privateKey,
      autoCheckpoint: { minutes: 0.001 }, // 60 ms
    });
    await walkVillagePlan(runtime, clock);
    await sleep(200);
    expect((await store.auditEvidence()).checkpoints).toHaveLength(1);
    runtime.close();
  });

  it('checkpoints with its audit key when no key is given; without one, says how to configure it', async () => {
    const clock = createManualClock(START_AT['village-plan']);
    const runtime = createRuntime({ plan, store: createMemoryStore(), clock, auditKey: keys.privateKey });
    await walkVillagePlan(runtime, clock);
    expect(await runtime.checkpointAudit()).toHaveLength(1);
    const bare = createRuntime({ plan, store: createMemoryStore() });
    await expect(bare.checkpointAudit()).rejects.toThrow(/createRuntime\(\{ auditKey \}\)/);
  });
});
