// Sending an event finds the instance's runtime from the stored record alone: the answers are the
// ones reading the instance gives — 404 for an instance the sender may not see, unknown-workflow
// and plan-mismatch for a plan not served, the principal's own faults — and the pinned plan's
// runtime takes the event.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, type Principal, type WorkflowStore } from '@ruralkit/core';
import { ruralkit } from '@ruralkit/http';
import { base, county, official } from './county-plan.js';

const stranger: Principal = { ...official, id: 'stranger', tenant: 'elsewhere' };
const household: Principal = {
  id: 'lh-009',
  roles: ['household'],
  tenant: 'changjiang',
  township: 'liyang',
  village: 'jianglian',
  household: 'lh-009',
};
const malformed = { id: 'x', roles: ['no-such-role'], tenant: 'changjiang' } as unknown as Principal;

/** A service over `store` serving `plans`, whose caller is whoever `x-who` names. */
async function serve(store: WorkflowStore, plans: Parameters<typeof ruralkit>[1]['plans']) {
  const app = Fastify();
  const people: Record<string, Principal> = { official, stranger, household, malformed };
  await app.register(ruralkit, {
    plans,
    store,
    authenticate: async (request) => people[String(request.headers['x-who'] ?? 'official')]!,
  });
  return app;
}

const store = createMemoryStore();
let both: FastifyInstance;
let baseOnly: FastifyInstance;
let village: string;
let own: string;
let pinned: string;
beforeAll(async () => {
  both = await serve(store, [base, { key: 'county-a', plan: county }]);
  baseOnly = await serve(store, [base]);
  const start = async (plan: string, type: string) => {
    const response = await both.inject({
      method: 'POST',
      url: `/plans/${plan}/workflows/${type}`,
      payload: { subject: { village: 'jianglian' }, event: { type: 'START' } },
    });
    expect(response.statusCode).toBe(201);
    return response.json().instanceId as string;
  };
  village = await start('changjiang-2021', 'village-plan');
  own = await start('county-a', 'own-plan');
  pinned = await start('county-a', 'village-plan');
});
afterAll(async () => {
  await Promise.all([both.close(), baseOnly.close()]);
});

/** A send's problem and the one reading the same instance answers, without what names the request. */
async function sendAndRead(app: FastifyInstance, id: string, who = 'official') {
  const send = await app.inject({
    method: 'POST',
    url: `/instances/${id}/events`,
    headers: { 'x-who': who, 'accept-language': 'en' },
    payload: { type: 'SUBMIT_DRAFT', payload: { draft: 'd' } },
  });
  const read = await app.inject({
    url: `/instances/${id}/allowed-events`,
    headers: { 'x-who': who, 'accept-language': 'en' },
  });
  const strip = ({ instance: _i, requestId: _r, ...rest }: Record<string, unknown>) => rest;
  return { status: [send.statusCode, read.statusCode], send: strip(send.json()), read: strip(read.json()) };
}

describe('sending an event', () => {
  it('is taken by the runtime of the plan the instance was started under', async () => {
    for (const id of [village, own, pinned]) {
      const sent = await both.inject({
        method: 'POST',
        url: `/instances/${id}/events`,
        payload: { type: 'SUBMIT_DRAFT', payload: { draft: 'd' } },
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toMatchObject({ instanceId: id, from: 'drafting', to: 'consultation', version: 2 });
    }
  });

  it('answers an instance the sender may not see as missing, as reading it does', async () => {
    for (const who of ['stranger', 'household']) {
      const answers = await sendAndRead(both, village, who);
      expect(answers.status).toEqual([404, 404]);
      expect(answers.send).toEqual(answers.read);
      expect(answers.send).toMatchObject({ code: 'unknown-instance', detail: `no instance ${village}` });
    }
    const missing = await sendAndRead(both, 'no-such-instance');
    expect(missing.status).toEqual([404, 404]);
    expect(missing.send).toEqual(missing.read);
  });

  it('answers an instance of a plan not served as reading it does: unknown-workflow, plan-mismatch', async () => {
    const unknownType = await sendAndRead(baseOnly, own);
    expect(unknownType.status).toEqual([404, 404]);
    expect(unknownType.send).toEqual(unknownType.read);
    expect(unknownType.send).toMatchObject({ code: 'unknown-workflow' });
    const otherPlan = await sendAndRead(baseOnly, pinned);
    expect(otherPlan.status).toEqual([409, 409]);
    expect(otherPlan.send).toEqual(otherPlan.read);
    expect(otherPlan.send).toMatchObject({ code: 'plan-mismatch' });
    expect(otherPlan.send.detail).toContain(`instance ${pinned} was started under plan ${county.hash}`);
  });

  it('answers a malformed principal as reading does, naming what is wrong', async () => {
    const answers = await sendAndRead(both, village, 'malformed');
    expect(answers.send).toEqual(answers.read);
    expect(answers.send).toMatchObject({ code: 'invalid-principal' });
  });
});
