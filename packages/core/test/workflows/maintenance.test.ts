// Maintenance (运维) apart from the runtimes (issue 23, point 3): one maintenance of a store
// fires deadlines, delivers, verifies and checkpoints for every runtime written through it, and
// its audit key signs what each of them writes. (Over SQLite and PostgreSQL: the store contract.)
import { describe, expect, it } from 'vitest';
import {
  createMaintenance,
  createManualClock,
  createMemoryStore,
  createRuntime,
  generateCheckpointKeys,
  type OutboxEntry,
} from '../../src/index.js';
import { input, PATHS, plan, START_AT, TENANT } from './fixtures.js';

const keys = generateCheckpointKeys();

describe('a maintenance given to runtimes', () => {
  it('signs what every runtime writes with its audit key, and checkpoints and verifies their chain', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const maintenance = createMaintenance({ store, clock, auditKey: keys.privateKey });
    const [one, two] = [0, 1].map(() => createRuntime({ plan, store, clock, maintenance }));
    const [first] = PATHS['village-plan'].steps;
    const { instanceId } = await one!.start('village-plan', {
      tenant: TENANT,
      subject: PATHS['village-plan'].subject,
      event: input(first!),
    });
    const [, second] = PATHS['village-plan'].steps;
    await two!.send(instanceId, input(second!));
    expect((await store.readAudit()).every((e) => e.signature?.keyId)).toBe(true);
    expect(await maintenance.checkpoint()).toMatchObject([{ tenant: TENANT, seq: 2 }]);
    expect(await maintenance.verify({ publicKey: keys.publicKey })).toMatchObject({ ok: true, signedEntries: 2 });
    maintenance.close();
  });

  it('delivers what the runtimes commit and the deadlines it fires to its subscribers', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(START_AT['village-plan']);
    const maintenance = createMaintenance({ store, clock });
    const runtime = createRuntime({ plan, store, clock, maintenance });
    const events: OutboxEntry[] = [];
    maintenance.subscribe((e) => void events.push(e));
    const [first] = PATHS['village-plan'].steps;
    await runtime.start('village-plan', {
      tenant: TENANT,
      subject: PATHS['village-plan'].subject,
      event: input(first!),
    });
    const fired = await maintenance.tick(new Date('2023-01-01T00:00:00+08:00'));
    expect(fired.length).toBeGreaterThan(0);
    await maintenance.deliver();
    expect(events.map((e) => e.type)).toEqual(['started', ...fired.map(() => 'overdue')]);
  });

  it('refuses a runtime over another store than its maintenance', () => {
    const maintenance = createMaintenance({ store: createMemoryStore() });
    expect(() => createRuntime({ plan, store: createMemoryStore(), maintenance })).toThrow(
      /maintenance is over another store/,
    );
  });

  it('asks for a key when checkpointing without an audit key', async () => {
    await expect(createMaintenance({ store: createMemoryStore() }).checkpoint()).rejects.toThrow(
      /createMaintenance\(\{ auditKey \}\)/,
    );
  });
});
