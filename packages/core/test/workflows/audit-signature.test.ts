// Issue 22, point 3: a runtime with an audit key signs every entry and checkpoints on its own
// (every N entries, every T minutes), so entries newer than the last checkpoint stay few and
// cannot be forged without the key. (Tampering by raw SQL: test/support/tamper.ts.)
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  createMaintenance,
  createManualClock,
  createMemoryStore,
  createRuntime,
  generateCheckpointKeys,
} from '../../src/index.js';
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

describe('a maintenance with an audit key', () => {
  it('signs every entry, verified with the public key', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const maintenance = createMaintenance({ store, clock, auditKey: keys.privateKey });
    const runtime = createRuntime({ plan, store, clock, maintenance });
    await walkVillagePlan(runtime, clock);
    const entries = await store.readAudit();
    expect(entries.every((e) => e.signature?.keyId)).toBe(true);
    expect(await maintenance.verify({ publicKey: keys.publicKey })).toMatchObject({ ok: true, signedEntries: 7 });
    const other = generateCheckpointKeys();
    expect(await maintenance.verify({ publicKey: other.publicKey })).toMatchObject({
      ok: false,
      problem: 'signature',
      seq: 1,
    });
  });

  it('checkpoints on its own every N entries', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const maintenance = createMaintenance({ store, clock, auditKey: keys.privateKey, autoCheckpoint: { entries: 3 } });
    const runtime = createRuntime({ plan, store, clock, maintenance });
    await walkVillagePlan(runtime, clock);
    await sleep(50);
    const { checkpoints } = await store.auditEvidence();
    expect(checkpoints!.length).toBeGreaterThanOrEqual(2);
    expect(await maintenance.verify({ publicKey: keys.publicKey })).toMatchObject({ ok: true });
    maintenance.close();
  });

  it('checkpoints on its own every T minutes', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const maintenance = createMaintenance({
      store,
      clock,
      auditKey: keys.privateKey,
      autoCheckpoint: { minutes: 0.001 }, // 60 ms
    });
    const runtime = createRuntime({ plan, store, clock, maintenance });
    await walkVillagePlan(runtime, clock);
    await sleep(200);
    expect((await store.auditEvidence()).checkpoints).toHaveLength(1);
    maintenance.close();
  });

  it('checkpoints with its audit key when no key is given; without one, says how to configure it', async () => {
    const clock = createManualClock(START_AT['village-plan']);
    const store = createMemoryStore();
    const maintenance = createMaintenance({ store, clock, auditKey: keys.privateKey });
    await walkVillagePlan(createRuntime({ plan, store, clock, maintenance }), clock);
    expect(await maintenance.checkpoint()).toHaveLength(1);
    const bare = createMaintenance({ store: createMemoryStore() });
    await expect(bare.checkpoint()).rejects.toThrow(/createMaintenance\(\{ auditKey \}\)/);
  });
});
