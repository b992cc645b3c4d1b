// What each principal sees of an instance over HTTP: a household sees its own case only; another
// household's case answers exactly as a missing instance (404) on every route that reads or
// changes it, while the roles handling the case still see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowError, type Principal } from '@ruralkit/core';
import { problemBody, toProblem, unknownInstance } from '../src/problem.js';
import { json, startService, who, type TestService } from './helpers.js';

let service: TestService;
let instanceId: string;
const neighbour: Principal = { ...who.household, id: 'lh-002', household: 'lh-002' };
const cadre: Principal = {
  id: 'liuyang-cadre',
  roles: ['village-cadre'],
  tenant: 'changjiang',
  township: 'nianyushan',
  village: 'liuyang',
};

const call = async (principal: Principal, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}${path}`, {
    ...init,
    headers: { ...(await service.auth(principal)), 'accept-language': 'en', ...init.headers },
  });

beforeAll(async () => {
  service = await startService();
  const flag = await call(who.household, '/plans/changjiang-2021/workflows/poverty-monitoring', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: { village: 'liuyang', household: 'lh-001' },
      event: {
        type: 'FLAG',
        payload: { channel: 'self-declaration', riskTypes: ['income'], note: '收入骤减', householdHead: '李建华' },
      },
    }),
  });
  expect(flag.status).toBe(201);
  instanceId = (await json(flag)).instanceId;
});
afterAll(() => service.close());

describe('a household’s view', () => {
  it('answers another household’s case as a missing instance, on every route', async () => {
    const missing = await json(await call(neighbour, '/instances/no-such-instance'));
    for (const path of ['', '/history', '/allowed-events', '/public-notice']) {
      const response = await call(neighbour, `/instances/${instanceId}${path}`);
      expect(response.status, path).toBe(404);
      const problem = await json(response);
      expect(problem.code).toBe('unknown-instance');
      expect([problem.title, problem.detail.replace(instanceId, 'ID')]).toEqual([
        missing.title,
        missing.detail.replace('no-such-instance', 'ID'),
      ]);
    }
    const send = await call(neighbour, `/instances/${instanceId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'FLAG', payload: { channel: 'self-declaration', riskTypes: ['medical'] } }),
    });
    expect(send.status).toBe(404);
    expect((await json(send)).code).toBe('unknown-instance');
  });

  it('shows the household its own case, and the roles handling it every case of their scope', async () => {
    for (const reader of [who.household, cadre, who.supervisor]) {
      for (const path of ['', '/history', '/allowed-events', '/public-notice']) {
        expect((await call(reader, `/instances/${instanceId}${path}`)).status, `${reader.id} ${path}`).toBe(200);
      }
    }
    const history = await json(await call(who.household, `/instances/${instanceId}/history`));
    expect(history.entries.map((e: { event: string }) => e.event)).toEqual(['FLAG']);
  });

  it('shows a principal holding only the household role without a household no case', async () => {
    const nobody = { id: 'no-household', roles: ['household'], tenant: 'changjiang' } as Principal;
    expect((await call(nobody, `/instances/${instanceId}`)).status).toBe(404);
  });
});

describe('another tenant’s instance', () => {
  it('is answered word for word as a missing one, even when the runtime’s own refusal reaches the service', () => {
    const refused = new WorkflowError(
      'other-tenant',
      { zh: `实例 ${instanceId}：不允许 x 发送 FLAG`, en: `instance ${instanceId}: x may not send FLAG` },
      {
        instanceId,
        event: 'FLAG',
        state: 'identification',
        allowedNow: [],
        reasons: [
          {
            zh: '主体 x 属于租户 a，该实例属于 changjiang',
            en: 'principal x belongs to tenant a; the instance belongs to changjiang',
          },
        ],
      },
    );
    const answer = problemBody(toProblem(refused), 'en', `/instances/${instanceId}`, 'r');
    const missing = problemBody(toProblem(new WorkflowError('unknown-instance', { zh: '', en: '' })), 'en', '/', 'r');
    expect(answer).toEqual(problemBody(unknownInstance(instanceId), 'en', `/instances/${instanceId}`, 'r'));
    expect(answer.status).toBe(missing.status);
    expect(JSON.stringify(answer)).not.toMatch(/changjiang|identification|tenant a/);
  });
});
