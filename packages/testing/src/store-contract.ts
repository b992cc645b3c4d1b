/**
 * The store contract (存储契约测试): one vitest suite every workflow store must pass — the
 * in-memory store, the SQLite store and, later, the PostgreSQL store. Import it from
 * `@ruralkit/testing/store-contract` (it needs vitest).
 * @module store-contract
 */
import {
  ConflictError,
  createManualClock,
  generateCheckpointKeys,
  createRuntime,
  createMaintenance,
  createTicker,
  getPlan,
  verifyAuditChains,
  verifyAuditEvidence,
  type AuditRecord,
  type Commit,
  type DomainEvent,
  type InstanceRecord,
  type WorkflowStore,
} from '@ruralkit/core';
import { auditEntryOf, GENESIS_HASH } from '@ruralkit/core/store';
import { afterEach, describe, expect, it } from 'vitest';
import { searchContract } from './search-contract.js';

/** Makes a fresh, empty store for each test. */
export type StoreFactory = () => WorkflowStore | Promise<WorkflowStore>;

/**
 * Opens another connection to the same data, as another process would (default: the same
 * store object, for stores that live in one process).
 */
export type StoreConnector = (store: WorkflowStore) => WorkflowStore | Promise<WorkflowStore>;

/** An instance record for store tests. */
export function sampleInstance(id: string, overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id,
    tenant: 'changjiang',
    type: 'poverty-monitoring',
    subject: { village: 'liuyang', township: 'nianyushan', household: `hh-${id}` },
    subjectKey: `liuyang/hh-${id}`,
    exclusiveKey: `liuyang/hh-${id}`,
    envelope: {
      type: 'poverty-monitoring',
      machineVersion: 1,
      planHash: 'sha256:test',
      snapshot: { value: 'verifying', status: 'active', context: { village: 'liuyang', note: '核实中' } },
    },
    version: 1,
    state: 'verifying',
    status: 'active',
    deadlines: [],
    nextDeadlineAt: null,
    createdAt: '2022-01-01T01:00:00.000Z',
    updatedAt: '2022-01-01T01:00:00.000Z',
    ...overrides,
  };
}

function auditRecord(instanceId: string, event: string, payload: unknown = {}, tenant = 'changjiang'): AuditRecord {
  return {
    tenant,
    instanceId,
    workflow: 'poverty-monitoring',
    event,
    outcome: 'accepted',
    actor: { id: 'system' },
    at: '2022-01-02T01:00:00.000Z',
    stateBefore: 'verifying',
    stateAfter: 'verifying',
    planHash: 'sha256:test',
    machineVersion: 1,
    payload,
  };
}

function domainEvent(instanceId: string, type: string): DomainEvent {
  return {
    type,
    instanceId,
    workflow: 'poverty-monitoring',
    tenant: 'changjiang',
    subject: { village: 'liuyang', township: 'nianyushan' },
    at: '2022-01-02T01:00:00.000Z',
    data: { type },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const commit = (id: string, event: string, extra: Partial<Commit> = {}): Commit => ({
  audit: [auditRecord(id, event)],
  outbox: [domainEvent(id, 'transitioned')],
  ...extra,
});

/** Register the contract suite for a store under `describe(name)`, concurrency cases included. */
export function storeContract(name: string, makeStore: StoreFactory, connect: StoreConnector = (store) => store): void {
  describe(`${name} store contract`, () => {
    const open: WorkflowStore[] = [];
    const fresh = async () => {
      const store = await makeStore();
      open.push(store);
      return store;
    };
    /** `count` connections to one fresh store, as `count` processes would have. */
    const connections = async (count: number) => {
      const first = await fresh();
      const others: WorkflowStore[] = [];
      for (let i = 1; i < count; i += 1) {
        const other = await connect(first);
        if (other !== first) open.unshift(other);
        others.push(other);
      }
      return [first, ...others];
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    searchContract(fresh);

    describe('concurrency', () => {
      const plan = getPlan('changjiang-2021');
      const department = { id: 'civil-affairs', roles: ['department' as const], tenant: 'changjiang' };
      const runtimes = (stores: WorkflowStore[], clock = createManualClock('2022-01-03T09:00:00+08:00')) =>
        stores.map((store, i) =>
          createRuntime({
            plan,
            store,
            clock,
            maintenance: createMaintenance({ store, clock, lease: { owner: `process-${i}` } }),
          }),
        );
      const flag = (household: string, idempotencyKey?: string) => ({
        tenant: 'changjiang',
        subject: { village: 'liuyang', household },
        event: {
          type: 'FLAG',
          actor: department,
          payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
          ...(idempotencyKey ? { idempotencyKey } : {}),
        },
      });

      it('lets exactly one of racing saves of one instance win; the others conflict and write nothing', async () => {
        const stores = await connections(4);
        await stores[0]!.create(sampleInstance('a'), commit('a', 'FLAG'));
        const results = await Promise.allSettled(
          stores.flatMap((store, i) =>
            [0, 1].map((j) =>
              store.save(sampleInstance('a', { version: 2, state: `s${i}-${j}` }), 1, commit('a', `E${i}-${j}`)),
            ),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
          expect(r.reason).toBeInstanceOf(ConflictError);
        }
        const audit = await stores[0]!.readAudit();
        expect(audit).toHaveLength(2);
        expect((await stores[0]!.load('a'))?.state).toBe(`s${audit[1]!.event.slice(1)}`);
        expect(await stores[0]!.pendingOutbox()).toHaveLength(2);
        expect(verifyAuditChains(audit, await stores[0]!.auditHeads()).ok).toBe(true);
      });

      it('answers racing sends with one idempotency key with the first result, applied once', async () => {
        const stores = await connections(4);
        const racers = runtimes(stores);
        const started = await Promise.all(racers.map((r) => r.start('poverty-monitoring', flag('lh-7', 'flag-lh-7'))));
        expect(new Set(started.map((r) => r.instanceId)).size).toBe(1);
        expect(started.filter((r) => !r.duplicate)).toHaveLength(1);
        const id = started[0]!.instanceId;
        const again = { ...flag('lh-7').event, idempotencyKey: 'second-flag' };
        const sent = await Promise.all(racers.map((r) => r.send(id, again)));
        expect(sent.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(sent.map((r) => r.version))).toEqual(new Set([2]));
        const history = await racers[0]!.history(id);
        expect(history.map((e) => e.outcome)).toEqual(['started', 'accepted']);
        expect(await createMaintenance({ store: stores[0]! }).verify()).toMatchObject({ ok: true, entries: 2 });
      });

      it('fires each passed deadline once when two maintenances tick at the same time', async () => {
        const stores = await connections(2);
        const clock = createManualClock('2022-01-03T09:00:00+08:00');
        const [a] = runtimes(stores, clock);
        const [one, two] = stores.map((store) => createMaintenance({ store, clock }));
        const households = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6'];
        for (const h of households) await a!.start('poverty-monitoring', flag(h));
        const later = new Date('2022-03-01T00:00:00Z');
        const fired = (await Promise.all([one!.tick(later), two!.tick(later)])).flat().map((f) => f.instanceId);
        expect(fired).toHaveLength(households.length);
        expect(new Set(fired).size).toBe(households.length);
        expect([...(await one!.tick(later)), ...(await two!.tick(later))]).toEqual([]);
        const overdue = (await stores[0]!.readAudit()).filter((e) => e.outcome === 'overdue');
        expect(overdue).toHaveLength(households.length);
      });

      it('keeps a maintenance scoped to a tenant to its deadlines and chain, refusing another tenant', async () => {
        const [store] = await connections(1);
        const clock = createManualClock('2022-01-03T09:00:00+08:00');
        const [runtime] = runtimes([store!], clock);
        await runtime!.start('poverty-monitoring', flag('s-1'));
        const later = new Date('2022-03-01T00:00:00Z');
        const elsewhere = createMaintenance({ store: store!, clock, tenant: 'another-county' });
        expect(await elsewhere.tick(later)).toEqual([]);
        expect(await elsewhere.verify()).toMatchObject({ ok: true, entries: 0 });
        await expect(elsewhere.tick(later, { tenant: 'changjiang' })).rejects.toThrow(
          /scoped to tenant another-county/,
        );
        await expect(elsewhere.verify('changjiang')).rejects.toThrow(/scoped to tenant another-county/);
        const own = createMaintenance({ store: store!, clock, tenant: 'changjiang' });
        expect(await own.tick(later)).toHaveLength(1);
        expect(await own.verify()).toMatchObject({ ok: true, entries: 2 });
      });

      it('gives a tenant’s ticker lease to one of racing claimers, renews it for its owner only', async () => {
        const stores = await connections(4);
        const claims = await Promise.all(
          stores.map((store, i) => store.claimTicker('changjiang', { owner: `ticker-${i}`, ms: 60_000 })),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        const holder = claims.indexOf(true);
        const other = (holder + 1) % stores.length;
        expect(await stores[holder]!.claimTicker('changjiang', { owner: `ticker-${holder}`, ms: 60_000 })).toBe(true);
        expect(await stores[other]!.claimTicker('changjiang', { owner: `ticker-${other}`, ms: 60_000 })).toBe(false);
        // another tenant's lease is another lease
        expect(await stores[other]!.claimTicker('fuliang', { owner: `ticker-${other}`, ms: 60_000 })).toBe(true);
        // only the holder gives it up; then another takes it at once
        await stores[other]!.releaseTicker('changjiang', `ticker-${other}`);
        expect(await stores[other]!.claimTicker('changjiang', { owner: `ticker-${other}`, ms: 60_000 })).toBe(false);
        await stores[holder]!.releaseTicker('changjiang', `ticker-${holder}`);
        expect(await stores[other]!.claimTicker('changjiang', { owner: `ticker-${other}`, ms: 60_000 })).toBe(true);
      });

      it('lets another ticker take a tenant’s lease over when its holder’s lease runs out', async () => {
        const [a, b] = await connections(2);
        expect(await a!.claimTicker('changjiang', { owner: 'dies', ms: 150 })).toBe(true);
        expect(await b!.claimTicker('changjiang', { owner: 'other', ms: 60_000 })).toBe(false);
        await sleep(300);
        expect(await b!.claimTicker('changjiang', { owner: 'other', ms: 60_000 })).toBe(true);
        expect(await a!.claimTicker('changjiang', { owner: 'dies', ms: 150 })).toBe(false);
      });

      it('fires each passed deadline once with two tickers, the one holding the tenant’s lease firing', async () => {
        const stores = await connections(2);
        const clock = createManualClock('2022-01-03T09:00:00+08:00');
        const [a] = runtimes(stores, clock);
        for (const h of ['k-1', 'k-2', 'k-3']) await a!.start('poverty-monitoring', flag(h));
        clock.set('2022-03-01T00:00:00Z');
        const tickers = stores.map((store, i) =>
          createTicker({
            maintenance: createMaintenance({ store, clock }),
            store,
            clock,
            lease: { owner: `ticker-${i}`, ms: 60_000 },
          }),
        );
        const [one, two] = await Promise.all(tickers.map((t) => t.beat()));
        expect([one!.length, two!.length].sort()).toEqual([0, 3]);
        const [holder, idle] = one!.length ? tickers : [tickers[1]!, tickers[0]!];
        expect([...holder!.stats.holding]).toEqual(['changjiang']);
        expect([...idle!.stats.holding]).toEqual([]);
        const overdue = (await stores[0]!.readAudit()).filter((e) => e.outcome === 'overdue');
        expect(overdue).toHaveLength(3);
        // the holder gives the lease up: the other ticker fires what comes due next
        await a!.start('poverty-monitoring', flag('k-4'));
        clock.set('2022-05-01T00:00:00Z');
        await holder!.release();
        expect((await idle!.beat()).map((f) => f.deadline.id)).toEqual(['identification']);
        expect(await holder!.beat()).toEqual([]);
        expect(idle!.stats.fired.get('changjiang')).toBe(1);
      });

      it('fires each passed deadline once even when two tickers both hold the lease (one owner)', async () => {
        const stores = await connections(2);
        const clock = createManualClock('2022-01-03T09:00:00+08:00');
        const [a] = runtimes(stores, clock);
        const households = ['j-1', 'j-2', 'j-3', 'j-4', 'j-5', 'j-6'];
        for (const h of households) await a!.start('poverty-monitoring', flag(h));
        clock.set('2022-03-01T00:00:00Z');
        const lease = { owner: 'one-owner', ms: 60_000 };
        const tickers = stores.map((store) =>
          createTicker({ maintenance: createMaintenance({ store, clock }), store, clock, lease }),
        );
        const fired = (await Promise.all(tickers.map((t) => t.beat()))).flat().map((f) => f.instanceId);
        expect(fired).toHaveLength(households.length);
        expect(new Set(fired).size).toBe(households.length);
        const overdue = (await stores[0]!.readAudit()).filter((e) => e.outcome === 'overdue');
        expect(overdue).toHaveLength(households.length);
      });

      it('delivers each domain event to one of two delivering maintenances, once', async () => {
        const stores = await connections(3);
        const [writer] = runtimes(stores);
        for (const h of ['d-1', 'd-2', 'd-3', 'd-4', 'd-5']) await writer!.start('poverty-monitoring', flag(h));
        const pending = (await stores[0]!.pendingOutbox(1000)).map((e) => e.id);
        expect(pending.length).toBeGreaterThanOrEqual(5);
        const seen: number[] = [];
        const [a, b] = stores.slice(1).map((store) => createMaintenance({ store }));
        a!.subscribe((e) => void seen.push(e.id));
        b!.subscribe((e) => void seen.push(e.id));
        await Promise.all([a!.deliver(), b!.deliver(), a!.deliver(), b!.deliver()]);
        await Promise.all([a!.deliver(), b!.deliver()]);
        expect([...seen].sort((x, y) => x - y)).toEqual(pending);
        expect(await stores[0]!.pendingOutbox()).toEqual([]);
      });
    });

    it('creates and loads an instance as it was written', async () => {
      const store = await fresh();
      const instance = sampleInstance('a');
      const entries = await store.create(instance, commit('a', 'FLAG'));
      expect(entries).toHaveLength(1);
      expect(await store.load('a')).toEqual(instance);
      expect(await store.load('missing')).toBeUndefined();
    });

    it('saves with the expected version and refuses a stale one with a conflict, writing nothing', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), commit('a', 'FLAG'));
      await store.save(sampleInstance('a', { version: 2, state: 'democraticReview' }), 1, commit('a', 'CONFIRM_RISK'));
      const stale = store.save(
        sampleInstance('a', { version: 2, state: 'closedNoRisk' }),
        1,
        commit('a', 'REJECT_RISK'),
      );
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      expect((await store.load('a'))?.state).toBe('democraticReview');
      expect((await store.readAudit()).map((e) => e.event)).toEqual(['FLAG', 'CONFIRM_RISK']);
      expect(await store.pendingOutbox()).toHaveLength(2);
    });

    it('commits the state change, its audit entry and its outbox events together or not at all', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), commit('a', 'FLAG'));
      const head = await store.auditHeads();
      // an audit entry that cannot be hashed makes the audit append fail inside the transaction
      const failing: Commit = {
        audit: [auditRecord('a', 'CONFIRM_RISK'), auditRecord('a', 'BROKEN', { income: Number.NaN })],
        outbox: [domainEvent('a', 'transitioned')],
        idempotency: { scope: 'a', key: 'k-1', result: { ok: true } },
      };
      await expect(
        store.save(sampleInstance('a', { version: 2, state: 'democraticReview' }), 1, failing),
      ).rejects.toThrow();
      expect(await store.load('a')).toMatchObject({ version: 1, state: 'verifying' });
      expect(await store.readAudit()).toHaveLength(1);
      expect(await store.auditHeads()).toEqual(head);
      expect(await store.pendingOutbox()).toHaveLength(1);
      expect(await store.findIdempotent('a', 'k-1')).toBeUndefined();
      await expect(store.create(sampleInstance('b'), { ...failing, idempotency: undefined })).rejects.toThrow();
      expect(await store.load('b')).toBeUndefined();
      // and the store still works afterwards
      await store.save(sampleInstance('a', { version: 2 }), 1, commit('a', 'CONFIRM_RISK'));
      expect(verifyAuditChains(await store.readAudit(), await store.auditHeads()).ok).toBe(true);
    });

    it('chains audit entries across instances and reads them per instance', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), commit('a', 'FLAG'));
      await store.create(sampleInstance('b'), commit('b', 'FLAG'));
      await store.record({ audit: [auditRecord('a', 'APPROVE')], outbox: [] });
      const all = await store.readAudit();
      expect(all.map((e) => [e.seq, e.instanceId, e.event])).toEqual([
        [1, 'a', 'FLAG'],
        [2, 'b', 'FLAG'],
        [3, 'a', 'APPROVE'],
      ]);
      expect(all[1]!.prevHash).toBe(all[0]!.hash);
      expect(await store.auditHeads()).toEqual({ changjiang: { seq: 3, hash: all[2]!.hash } });
      expect((await store.readAudit({ instanceId: 'a' })).map((e) => e.seq)).toEqual([1, 3]);
      expect(verifyAuditChains(all, await store.auditHeads())).toMatchObject({ ok: true, entries: 3 });
    });

    it('keeps one chain per tenant, each verified against its own head', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), commit('a', 'FLAG'));
      await store.create(sampleInstance('b', { tenant: 'fuliang' }), {
        audit: [auditRecord('b', 'FLAG', {}, 'fuliang')],
        outbox: [],
      });
      await store.record({
        audit: [auditRecord('a', 'APPROVE'), auditRecord('b', 'APPROVE', {}, 'fuliang')],
        outbox: [],
      });
      const all = await store.readAudit();
      expect(all.map((e) => [e.tenant, e.seq, e.event])).toEqual([
        ['changjiang', 1, 'FLAG'],
        ['changjiang', 2, 'APPROVE'],
        ['fuliang', 1, 'FLAG'],
        ['fuliang', 2, 'APPROVE'],
      ]);
      expect(all[2]!.prevHash).toBe(GENESIS_HASH);
      expect((await store.readAudit({ tenant: 'fuliang' })).map((e) => e.event)).toEqual(['FLAG', 'APPROVE']);
      const heads = await store.auditHeads();
      expect(Object.keys(heads).sort()).toEqual(['changjiang', 'fuliang']);
      const verified = verifyAuditChains(all, heads);
      expect(verified).toMatchObject({
        ok: true,
        entries: 4,
        tenants: { changjiang: { entries: 2 }, fuliang: { entries: 2 } },
      });
      const evidence = await store.auditEvidence();
      expect(evidence.audit.map(auditEntryOf)).toEqual(all);
      expect(evidence.heads).toEqual(heads);
      expect(evidence.instances.map((r) => r.id).sort()).toEqual(['a', 'b']);
      const fuliang = await store.auditEvidence({ tenant: 'fuliang' });
      expect(fuliang.audit.map(auditEntryOf)).toEqual(all.slice(2));
      expect(fuliang.heads).toEqual({ fuliang: heads.fuliang });
      expect(fuliang.instances.map((r) => r.id)).toEqual(['b']);
      expect(verifyAuditEvidence(evidence)).toMatchObject({ ok: true, entries: 4, instances: 2 });
      // one tenant's newest entry gone: that tenant's chain is reported, by name
      const broken = verifyAuditChains(all.slice(0, 3), heads);
      expect(broken).toMatchObject({ ok: false, tenant: 'fuliang', seq: 2, problem: 'missing' });
    });

    it('stores the instance and domain events each commit binds into its audit entries, verified together', async () => {
      const store = await fresh();
      const clock = createManualClock('2022-01-03T09:00:00+08:00');
      const maintenance = createMaintenance({ store, clock });
      const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store, clock, maintenance });
      const started = await runtime.start('poverty-monitoring', {
        tenant: 'changjiang',
        subject: { village: 'liuyang', household: 'lh-001' },
        event: {
          type: 'FLAG',
          actor: { id: 'civil-affairs', roles: ['department'], tenant: 'changjiang' },
          payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
        },
      });
      const [entry] = await store.readAudit({ instanceId: started.instanceId });
      expect(entry).toMatchObject({ v: 2, instanceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(entry!.eventHashes).toHaveLength((await store.pendingOutbox()).length);
      const { privateKey, publicKey } = generateCheckpointKeys();
      const [checkpoint] = await maintenance.checkpoint(privateKey);
      expect(checkpoint).toMatchObject({ tenant: 'changjiang', seq: 1, headHash: entry!.hash });
      await maintenance.checkpoint(privateKey); // the same checkpoint again is kept once
      expect((await store.auditEvidence()).checkpoints).toHaveLength(1);
      expect(await maintenance.verify({ publicKey })).toMatchObject({
        ok: true,
        entries: 1,
        instances: 1,
        events: entry!.eventHashes!.length,
        checkpoints: { count: 1, signatures: 'verified' },
      });
      const other = generateCheckpointKeys();
      expect(await maintenance.verify({ publicKey: other.publicKey })).toMatchObject({
        ok: false,
        problem: 'checkpoint',
        seq: 1,
      });
    });

    it('keeps one open instance per exclusive key', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a', { exclusiveKey: 'liuyang/lh-1' }), commit('a', 'FLAG'));
      await expect(
        store.create(sampleInstance('b', { exclusiveKey: 'liuyang/lh-1' }), commit('b', 'FLAG')),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(store.create(sampleInstance('a'), commit('a', 'FLAG'))).rejects.toBeInstanceOf(ConflictError);
      await store.save(
        sampleInstance('a', { version: 2, exclusiveKey: null, status: 'done' }),
        1,
        commit('a', 'REJECT_RISK'),
      );
      await store.create(sampleInstance('b', { exclusiveKey: 'liuyang/lh-1' }), commit('b', 'FLAG'));
      expect((await store.readAudit()).map((e) => e.instanceId)).toEqual(['a', 'a', 'b']);
    });

    it('finds instances by subject, open ones only on request', async () => {
      const store = await fresh();
      const subject = { subjectKey: 'liuyang/lh-9', exclusiveKey: null };
      await store.create(sampleInstance('a', { ...subject, status: 'done' }), commit('a', 'FLAG'));
      await store.create(sampleInstance('b', subject), commit('b', 'FLAG'));
      const query = { type: 'poverty-monitoring', tenant: 'changjiang', subjectKey: 'liuyang/lh-9' };
      expect((await store.findBySubject(query)).map((i) => i.id)).toEqual(['a', 'b']);
      expect((await store.findBySubject({ ...query, open: true })).map((i) => i.id)).toEqual(['b']);
      expect(await store.findBySubject({ ...query, tenant: 'fuliang' })).toEqual([]);
    });

    it('claims instances whose next deadline has passed, each for one lease at a time', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a', { nextDeadlineAt: '2022-01-16T16:00:00.000Z' }), commit('a', 'FLAG'));
      await store.create(sampleInstance('b', { nextDeadlineAt: '2022-02-01T16:00:00.000Z' }), commit('b', 'FLAG'));
      await store.create(sampleInstance('c'), commit('c', 'FLAG'));
      const one = { owner: 'one', ms: 60_000 };
      const two = { owner: 'two', ms: 60_000 };
      expect(await store.claimDue('2022-01-16T15:59:59.999Z', one)).toEqual([]);
      expect((await store.claimDue('2022-01-16T16:00:00.000Z', one)).map((i) => i.id)).toEqual(['a']);
      // a is claimed by `one`: invisible to `two` (and to `one` again) until done or expired
      expect((await store.claimDue('2023-01-01T00:00:00.000Z', two)).map((i) => i.id)).toEqual(['b']);
      expect(await store.claimDue('2023-01-01T00:00:00.000Z', one)).toEqual([]);
      // saving ends the claim; the instance is due again only if a deadline still is
      await store.save(
        sampleInstance('b', { version: 2, nextDeadlineAt: '2022-03-01T16:00:00.000Z' }),
        1,
        commit('b', 'X'),
      );
      expect((await store.claimDue('2023-01-01T00:00:00.000Z', one)).map((i) => i.id)).toEqual(['b']);
    });

    it('claims only one tenant’s due instances when given a tenant', async () => {
      const store = await fresh();
      const due = '2022-01-16T16:00:00.000Z';
      await store.create(sampleInstance('a', { nextDeadlineAt: due }), commit('a', 'FLAG'));
      await store.create(sampleInstance('b', { tenant: 'fuliang', nextDeadlineAt: due }), commit('b', 'FLAG'));
      const lease = { owner: 'one', ms: 60_000 };
      expect((await store.claimDue('2023-01-01T00:00:00.000Z', lease, 100, 'fuliang')).map((i) => i.id)).toEqual(['b']);
      expect((await store.claimDue('2023-01-01T00:00:00.000Z', lease)).map((i) => i.id)).toEqual(['a']);
    });

    it('lets another lease take a claimed deadline over when the first lease expires', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a', { nextDeadlineAt: '2022-01-16T16:00:00.000Z' }), commit('a', 'FLAG'));
      const now = '2022-02-01T00:00:00.000Z';
      expect(await store.claimDue(now, { owner: 'dies', ms: 150 })).toHaveLength(1);
      expect(await store.claimDue(now, { owner: 'other', ms: 60_000 })).toEqual([]);
      await sleep(300);
      expect((await store.claimDue(now, { owner: 'other', ms: 60_000 })).map((i) => i.id)).toEqual(['a']);
    });

    it('names the tenants with a deadline passed, whether claimed or not', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a', { nextDeadlineAt: '2022-01-16T16:00:00.000Z' }), commit('a', 'FLAG'));
      await store.create(
        sampleInstance('b', { tenant: 'fuliang', nextDeadlineAt: '2022-01-20T16:00:00.000Z' }),
        commit('b', 'FLAG'),
      );
      await store.create(sampleInstance('c', { tenant: 'hukou' }), commit('c', 'FLAG'));
      expect(await store.dueTenants('2022-01-16T15:59:59.999Z')).toEqual([]);
      expect(await store.dueTenants('2022-01-16T16:00:00.000Z')).toEqual(['changjiang']);
      await store.claimDue('2023-01-01T00:00:00.000Z', { owner: 'one', ms: 60_000 });
      expect(await store.dueTenants('2023-01-01T00:00:00.000Z')).toEqual(['changjiang', 'fuliang']);
    });

    it('stores the first result of an idempotency key and refuses a second write of it', async () => {
      const store = await fresh();
      await store.create(
        sampleInstance('a'),
        commit('a', 'FLAG', { idempotency: { scope: 's', key: 'k', result: { to: 'verifying' } } }),
      );
      expect(await store.findIdempotent('s', 'k')).toEqual({ to: 'verifying' });
      expect(await store.findIdempotent('s', 'other')).toBeUndefined();
      const again = store.save(
        sampleInstance('a', { version: 2 }),
        1,
        commit('a', 'X', { idempotency: { scope: 's', key: 'k', result: {} } }),
      );
      await expect(again).rejects.toBeInstanceOf(ConflictError);
      expect((await store.load('a'))?.version).toBe(1);
    });

    it('claims outbox events for one lease until delivered, released or expired', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), {
        audit: [],
        outbox: [domainEvent('a', 'started'), domainEvent('b', 'transitioned'), domainEvent('c', 'overdue')],
      });
      const one = await store.claimOutbox({ owner: 'one', ms: 150 }, 2);
      expect(one.map((e) => e.type)).toEqual(['started', 'transitioned']);
      const two = await store.claimOutbox({ owner: 'two', ms: 60_000 });
      expect(two.map((e) => e.type)).toEqual(['overdue']);
      expect(await store.claimOutbox({ owner: 'three', ms: 60_000 })).toEqual([]);
      expect(await store.pendingOutbox()).toHaveLength(3); // claimed is not delivered
      await store.markDelivered([one[0]!.id]);
      await store.releaseOutbox([two[0]!.id]);
      expect((await store.claimOutbox({ owner: 'three', ms: 60_000 })).map((e) => e.type)).toEqual(['overdue']);
      await sleep(300); // `one`'s lease on `transitioned` expires
      expect((await store.claimOutbox({ owner: 'four', ms: 60_000 })).map((e) => e.type)).toEqual(['transitioned']);
      expect((await store.pendingOutbox()).map((e) => e.type)).toEqual(['transitioned', 'overdue']);
    });

    it('delivers outbox events in order until marked delivered', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), {
        audit: [],
        outbox: [domainEvent('a', 'started'), domainEvent('a', 'transitioned')],
      });
      await store.record({ audit: [], outbox: [domainEvent('a', 'overdue')] });
      const pending = await store.pendingOutbox();
      expect(pending.map((e) => e.type)).toEqual(['started', 'transitioned', 'overdue']);
      expect(pending[0]).toMatchObject({ instanceId: 'a', data: { type: 'started' } });
      await store.markDelivered([pending[0]!.id, pending[2]!.id]);
      expect((await store.pendingOutbox()).map((e) => e.type)).toEqual(['transitioned']);
      expect(await store.pendingOutbox(0)).toEqual([]);
    });

    it('hands out the events of one instance in order, never to two claimers at once', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), { audit: [], outbox: [domainEvent('a', 'a1'), domainEvent('a', 'a2')] });
      await store.record({
        audit: [],
        outbox: [domainEvent('b', 'b1'), domainEvent('a', 'a3'), domainEvent('b', 'b2')],
      });
      const types = (events: { type: string }[]) => events.map((e) => e.type);
      const one = await store.claimOutbox({ owner: 'one', ms: 60_000 }, 1);
      expect(types(one)).toEqual(['a1']);
      // a2 and a3 wait for a1; b's events are free
      expect(types(await store.claimOutbox({ owner: 'two', ms: 60_000 }))).toEqual(['b1', 'b2']);
      expect(await store.claimOutbox({ owner: 'three', ms: 60_000 })).toEqual([]);
      await store.releaseOutbox([one[0]!.id]);
      // released, a1 goes out again before a2 and a3, and the limit never skips an earlier one
      expect(types(await store.claimOutbox({ owner: 'three', ms: 60_000 }, 2))).toEqual(['a1', 'a2']);
      expect(await store.claimOutbox({ owner: 'four', ms: 60_000 })).toEqual([]);
    });

    it('records dead letters, tells where delivery stands and replays from a position', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a'), {
        audit: [],
        outbox: [domainEvent('a', 'started'), domainEvent('a', 'transitioned'), domainEvent('a', 'overdue')],
      });
      const [first, second, third] = await store.claimOutbox({ owner: 'one', ms: 60_000 });
      expect(await store.outboxStatus()).toEqual({
        position: 0,
        last: third!.id,
        pending: 3,
        claimed: 3,
        deadLetters: 0,
      });
      await store.markDelivered([first!.id]);
      await store.deadLetterOutbox({
        outboxId: second!.id,
        destination: 'https://example.org/hook',
        attempts: 5,
        error: 'HTTP 500',
      });
      expect(await store.outboxStatus()).toMatchObject({
        position: second!.id,
        pending: 1,
        claimed: 1,
        deadLetters: 1,
      });
      const [letter] = await store.deadLetters();
      expect(letter).toMatchObject({
        outboxId: second!.id,
        destination: 'https://example.org/hook',
        attempts: 5,
        error: 'HTTP 500',
      });
      expect(Number.isNaN(Date.parse(letter!.at))).toBe(false);
      await store.releaseOutbox([third!.id]);
      expect(await store.replayOutbox(second!.id)).toBe(1);
      expect((await store.pendingOutbox()).map((e) => e.type)).toEqual(['transitioned', 'overdue']);
      expect(await store.outboxStatus()).toMatchObject({ position: first!.id, pending: 2, claimed: 0 });
      expect((await store.claimOutbox({ owner: 'two', ms: 60_000 })).map((e) => e.type)).toEqual([
        'transitioned',
        'overdue',
      ]);
    });

    it("tells where one tenant's delivery stands, counting no other tenant's events", async () => {
      const store = await fresh();
      const other = (type: string) => ({ ...domainEvent('b', type), tenant: 'other' });
      await store.record({ audit: [], outbox: [domainEvent('a', 'started'), other('started'), other('overdue')] });
      const [mine, theirs] = await store.claimOutbox({ owner: 'one', ms: 60_000 }, 2);
      await store.markDelivered([mine!.id]);
      await store.deadLetterOutbox({
        outboxId: theirs!.id,
        destination: 'https://example.org/hook',
        attempts: 5,
        error: 'HTTP 500',
      });
      expect(await store.outboxStatus('changjiang')).toEqual({
        position: mine!.id,
        last: mine!.id,
        pending: 0,
        claimed: 0,
        deadLetters: 0,
      });
      expect(await store.outboxStatus('other')).toEqual({
        position: theirs!.id,
        last: theirs!.id + 1,
        pending: 1,
        claimed: 0,
        deadLetters: 1,
      });
      expect(await store.outboxStatus('nobody')).toEqual({
        position: 0,
        last: 0,
        pending: 0,
        claimed: 0,
        deadLetters: 0,
      });
      expect(await store.outboxStatus()).toMatchObject({ position: theirs!.id, last: theirs!.id + 1, pending: 1 });
    });
  });
}
