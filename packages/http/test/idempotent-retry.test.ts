// A retry is answered, not refused: a send whose Idempotency-Key was already applied gets the
// stored response whatever its If-Match says, one after the other and all at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startService, who, type TestService } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

async function startPlan(): Promise<string> {
  const response = await fetch(`${service.url}/plans/changjiang-2021/workflows/village-plan`, {
    method: 'POST',
    headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
    body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
  });
  expect(response.status).toBe(201);
  return (await json(response)).instanceId;
}

const send = async (id: string, headers: Record<string, string>, draft = 'd') =>
  fetch(`${service.url}/instances/${id}/events`, {
    method: 'POST',
    headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft } }),
  });

async function drafts(id: string): Promise<number> {
  const history = await json(
    await fetch(`${service.url}/instances/${id}/history`, { headers: await service.auth(who.liyang) }),
  );
  return history.entries.filter((e: { event: string }) => e.event === 'SUBMIT_DRAFT').length;
}

describe('Idempotency-Key with If-Match', () => {
  it('answers an identical resend with the stored response, not 412', async () => {
    const id = await startPlan();
    const headers = { 'if-match': '"1"', 'idempotency-key': 'K' };
    const first = await send(id, headers);
    expect(first.status).toBe(200);
    const applied = await json(first);
    const again = await send(id, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await json(again)).toEqual({ ...applied, duplicate: true });
    expect(await drafts(id)).toBe(1);
  });

  it('answers three identical sends at once with one applied event and its response', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await startPlan();
      const headers = { 'if-match': '"1"', 'idempotency-key': `K-${round}` };
      const responses = await Promise.all([send(id, headers), send(id, headers), send(id, headers)]);
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      const results = await Promise.all(responses.map((r) => json(r)));
      expect(new Set(results.map((r) => r.version))).toEqual(new Set([2]));
      expect(results.filter((r) => r.duplicate)).toHaveLength(2);
      expect(await drafts(id)).toBe(1);
    }
  });

  it('still refuses a stale If-Match with a new key or none (412)', async () => {
    const id = await startPlan();
    expect((await send(id, { 'if-match': '"1"', 'idempotency-key': 'A' })).status).toBe(200);
    const stales: Record<string, string>[] = [{ 'if-match': '"1"', 'idempotency-key': 'B' }, { 'if-match': '"1"' }];
    for (const headers of stales) {
      const stale = await send(id, headers, 'another draft');
      expect(stale.status).toBe(412);
      expect(await json(stale)).toMatchObject({ code: 'precondition-failed', currentVersion: 2 });
    }
    expect(await drafts(id)).toBe(1);
  });
});
