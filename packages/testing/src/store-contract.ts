/**
 * The store contract (存储契约测试): one vitest suite every workflow store must pass — the
 * in-memory store, the SQLite store and, later, the PostgreSQL store. Import it from
 * `@ruralkit/testing/store-contract` (it needs vitest).
 * @module store-contract
 */
import {
  ConflictError,
  verifyAuditChain,
  type AuditRecord,
  type Commit,
  type DomainEvent,
  type InstanceRecord,
  type WorkflowStore,
} from '@ruralkit/core';
import { afterEach, describe, expect, it } from 'vitest';

/** Makes a fresh, empty store for each test. */
export type StoreFactory = () => WorkflowStore | Promise<WorkflowStore>;

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

function auditRecord(instanceId: string, event: string, payload: unknown = {}): AuditRecord {
  return {
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

const commit = (id: string, event: string, extra: Partial<Commit> = {}): Commit => ({
  audit: [auditRecord(id, event)],
  outbox: [domainEvent(id, 'transitioned')],
  ...extra,
});

/** Register the contract suite for a store under `describe(name)`. */
export function storeContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} store contract`, () => {
    const open: WorkflowStore[] = [];
    const fresh = async () => {
      const store = await makeStore();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
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
      const head = await store.auditHead();
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
      expect(await store.auditHead()).toEqual(head);
      expect(await store.pendingOutbox()).toHaveLength(1);
      expect(await store.findIdempotent('a', 'k-1')).toBeUndefined();
      await expect(store.create(sampleInstance('b'), { ...failing, idempotency: undefined })).rejects.toThrow();
      expect(await store.load('b')).toBeUndefined();
      // and the store still works afterwards
      await store.save(sampleInstance('a', { version: 2 }), 1, commit('a', 'CONFIRM_RISK'));
      expect(verifyAuditChain(await store.readAudit(), await store.auditHead()).ok).toBe(true);
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
      expect(await store.auditHead()).toEqual({ seq: 3, hash: all[2]!.hash });
      expect((await store.readAudit({ instanceId: 'a' })).map((e) => e.seq)).toEqual([1, 3]);
      expect(verifyAuditChain(all, await store.auditHead())).toMatchObject({ ok: true, entries: 3 });
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

    it('finds instances whose next deadline has passed', async () => {
      const store = await fresh();
      await store.create(sampleInstance('a', { nextDeadlineAt: '2022-01-16T16:00:00.000Z' }), commit('a', 'FLAG'));
      await store.create(sampleInstance('b', { nextDeadlineAt: '2022-02-01T16:00:00.000Z' }), commit('b', 'FLAG'));
      await store.create(sampleInstance('c'), commit('c', 'FLAG'));
      expect(await store.findDue('2022-01-16T15:59:59.999Z')).toEqual([]);
      expect((await store.findDue('2022-01-16T16:00:00.000Z')).map((i) => i.id)).toEqual(['a']);
      expect((await store.findDue('2023-01-01T00:00:00.000Z')).map((i) => i.id).sort()).toEqual(['a', 'b']);
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
  });
}
