// Evaluation fed by the caller's tenant's workflows over HTTP (issue 20, point 7): the indicators
// a procedure settles are merged from the service's own store, only the caller's tenant's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, startService, who, json, type TestService } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const attributes = { needsExpressPoint: true, hasEcommerceConditions: true };
const input = {
  villages: [{ id: 'jianglian', attributes, indicators: { '2022': { qualityProblemToiletsOpen: 0 } } }],
};

async function evaluateAs(principal: typeof who.liyang, query: string, body: unknown = input) {
  const response = await fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2022-12-31${query}`, {
    method: 'POST',
    headers: { ...(await service.auth(principal)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return json(response);
}

describe('POST /plans/{plan}/evaluate?fromWorkflows=true', () => {
  it("merges what the tenant's open cases settle, noting the typed value they contradict", async () => {
    const report = await fetch(`${service.url}/plans/changjiang-2021/workflows/rectification`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: { village: 'jianglian' },
        event: { type: 'REPORT', payload: { source: 'survey', category: 'toilet-quality', description: '渗漏' } },
      }),
    });
    expect(report.status).toBe(201);
    const { instanceId } = await json(report);

    const merged = await evaluateAs(who.liyang, '&fromWorkflows=true');
    expect(merged.notes).toEqual([
      expect.objectContaining({
        code: 'typed-differs-from-workflow',
        subject: { type: 'village', id: 'jianglian' },
        year: 2022,
        key: 'qualityProblemToiletsOpen',
        value: '0',
      }),
    ]);
    expect(merged.notes[0].message.en).toContain(instanceId);

    const typedOnly = await evaluateAs(who.liyang, '');
    expect(typedOnly.notes).toEqual([]);
    // Another tenant's workflows are not read.
    const county = await evaluateAs(who.county, '&fromWorkflows=true');
    expect(county.notes).toEqual([]);
  });

  it('refuses a value of fromWorkflows other than true or false', async () => {
    const response = await fetch(`${service.url}/plans/changjiang-2021/evaluate?fromWorkflows=yes`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
      body: JSON.stringify(example),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('fromWorkflows');
  });
});
