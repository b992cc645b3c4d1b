// Clients from the document: a typed TypeScript client (openapi-typescript + openapi-fetch) and
// a Python standard-library client walk evaluation and a workflow over a real socket.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '@ruralkit/core';
import type { paths } from './client/api.js';
import { clientTypes } from './client/generate.js';
import { example, plan, startService, token, who, type TestService } from './helpers.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

describe('typed client', () => {
  it('is generated from the current document', async () => {
    const committed = readFileSync(new URL('./client/api.d.ts', import.meta.url), 'utf8');
    expect(committed, 'run pnpm --filter @ruralkit/http generate:client').toBe(await clientTypes());
  });

  it('walks evaluation and a workflow', async () => {
    // Typed by the document's input schema: a village of the example, as a county would send it.
    const input = {
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
          indicators: { '2025': { tapWaterRate: 0.93 } },
        },
      ],
    };
    const client = createClient<paths>({
      baseUrl: service.url,
      headers: { authorization: `Bearer ${await token(who.liyang)}`, 'accept-language': 'en' },
    });
    const evaluated = await client.POST('/plans/{plan}/evaluate', {
      params: { path: { plan: 'changjiang-2021' }, query: { asOf: '2025-12-31' } },
      body: input,
    });
    expect(evaluated.response.status).toBe(200);
    const expected = evaluate(plan, input, { asOf: '2025-12-31' });
    // JSON is the operation's one media type: the report is typed, with no cast.
    expect(evaluated.data?.summary).toEqual(JSON.parse(JSON.stringify(expected.summary)));
    expect(evaluated.data?.results[0]?.ruleId).toBe(expected.results[0]!.ruleId);
    const page = await client.POST('/plans/{plan}/evaluate/report.html', {
      params: { path: { plan: 'changjiang-2021' }, query: { asOf: '2025-12-31' } },
      body: input,
      parseAs: 'text',
    });
    expect(page.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.data).toContain('<svg');

    const started = await client.POST('/plans/{plan}/workflows/{type}', {
      params: { path: { plan: 'changjiang-2021', type: 'village-plan' } },
      body: { subject: { village: 'jianglian' }, event: { type: 'START' } },
    });
    const instanceId = started.data!.instanceId;
    const sent = await client.POST('/instances/{id}/events', {
      params: { path: { id: instanceId }, header: { 'If-Match': started.response.headers.get('etag')! } },
      body: { type: 'SUBMIT_DRAFT', payload: { draft: 'typed draft' } },
    });
    expect(sent.data).toMatchObject({ from: 'drafting', to: 'consultation', version: 2 });
    const refused = await client.POST('/instances/{id}/events', {
      params: { path: { id: instanceId } },
      body: { type: 'CLOSE_CONSULTATION' },
    });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'guard', allowedNow: ['CLOSE_CONSULTATION'] });
    const instance = await client.GET('/instances/{id}', { params: { path: { id: instanceId } } });
    expect(instance.data?.state).toBe('consultation');
  });
});

describe('Python standard-library client', () => {
  it('walks evaluation and a workflow from the document’s paths', async () => {
    const input = join(mkdtempSync(join(tmpdir(), 'ruralkit-python-')), 'input.json');
    writeFileSync(input, JSON.stringify(example));
    const script = fileURLToPath(new URL('./client/client.py', import.meta.url));
    // Asynchronously: the service answers from this same process.
    const child = await promisify(execFile)('python3', [script, input], {
      env: { ...process.env, BASE_URL: service.url, TOKEN: await token(who.liyang) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const seen = JSON.parse(child.stdout);
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    expect(seen.evaluate).toEqual({ status: 200, results: report.results.length, overall: report.summary.overall });
    expect(seen.invalid).toMatchObject({ status: 422, code: 'invalid-input' });
    expect(seen.invalid.keys).toContain('tapWaterRate');
    expect(seen.workflow).toEqual({
      started: [201, 'drafting', '"1"'],
      sent: [200, 'consultation', 2],
      stale: [412, 'precondition-failed'],
      allowed: ['CLOSE_CONSULTATION'],
      refused: [409, 'guard', ['CLOSE_CONSULTATION']],
      history: ['START:started', 'SUBMIT_DRAFT:accepted', 'CLOSE_CONSULTATION:refused'],
    });
  });
});
