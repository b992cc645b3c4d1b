// The OpenAPI document validates, lists every route, and the docs page needs nothing from elsewhere.
// Without a key, health, the document and the page are open; everything else is 401.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCheckpointKeys } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { startService, who, type TestService, json } from './helpers.js';

describe('with a key', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  it('serves an OpenAPI 3.1 document that validates', async () => {
    const document = await json(await fetch(`${service.url}/openapi.json`));
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((ops) => Object.values(ops))
      .map((op) => op.operationId);
    for (const id of ['evaluate', 'evaluateBatch', 'screenHouseholds', 'startWorkflow', 'sendEvent', 'getInstance']) {
      expect(operations).toContain(id);
    }
    for (const id of ['Report', 'RuleResult', 'HouseholdResult', 'Problem', 'TransitionResult', 'EventBody']) {
      expect(document.components.schemas).toHaveProperty(id);
    }
  });

  it('documents the report with the schema that checks it', async () => {
    const document = await json(await fetch(`${service.url}/openapi.json`));
    const evaluate = document.paths['/plans/{plan}/evaluate'].post;
    expect(evaluate.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Report',
    });
    expect(evaluate.responses['422'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    const status = document.components.schemas.RuleResult.properties.status;
    expect(status.enum).toEqual(['met', 'not-met', 'pending', 'not-applicable', 'missing-data']);
  });

  it('serves the docs page with nothing loaded from another host', async () => {
    const response = await fetch(`${service.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('js/scalar.js');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//);
  });

  it('answers health, readiness and metrics', async () => {
    expect(await json(await fetch(`${service.url}/livez`))).toEqual({ status: 'ok' });
    expect(await json(await fetch(`${service.url}/readyz`))).toEqual({ status: 'ok' });
    await fetch(`${service.url}/plans`, { headers: await service.auth(who.liyang) });
    const metrics = await fetch(`${service.url}/metrics`, { headers: await service.auth(who.supervisor) });
    const text = await metrics.text();
    expect(text).toMatch(/ruralkit_http_requests_total\{method="GET",route="\/plans",status="200"\} 1/);
    expect(text).toContain('ruralkit_http_request_duration_seconds_bucket');
  });

  it('keeps a plain X-Request-Id and answers unknown paths as problems', async () => {
    const response = await fetch(`${service.url}/nowhere`, { headers: { 'x-request-id': 'trace-42' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json(response)).toMatchObject({ status: 404, code: 'not-found', requestId: 'trace-42' });
  });
});

describe('with an audit key', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService({ auditKey: generateCheckpointKeys().privateKey });
  });
  afterAll(() => service.close());

  /** The fields of `value` that the document's component `id` (or one of its union's members) does not name. */
  type Component = { properties?: object; anyOf?: Component[] };
  const undocumented = (
    document: { components: { schemas: Record<string, Component> } },
    id: string,
    value: object,
  ) => {
    const schema = document.components.schemas[id]!;
    const named = (schema.anyOf ?? [schema]).flatMap((s) => Object.keys(s.properties ?? {}));
    return Object.keys(value).filter((key) => !named.includes(key));
  };

  it('documents every field of the audit entries and the verification it serves', async () => {
    const document = await json(await fetch(`${service.url}/openapi.json`));
    const headers = { ...(await service.auth(who.liyang)), 'content-type': 'application/json' };
    const started = await fetch(`${service.url}/plans/changjiang-2021/workflows/village-plan`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
    });
    const { instanceId } = await json(started);
    const history = await json(await fetch(`${service.url}/instances/${instanceId}/history`, { headers }));
    const [entry] = history.entries;
    expect(entry).toMatchObject({ tenant: 'changjiang', signature: { keyId: expect.any(String) } });
    expect(undocumented(document, 'AuditEntry', entry)).toEqual([]);

    const supervisor = await service.auth(who.supervisor);
    const verification = await json(await fetch(`${service.url}/audit/verify`, { headers: supervisor }));
    expect(verification).toMatchObject({ ok: true, signedEntries: 1 });
    expect(undocumented(document, 'AuditVerification', verification)).toEqual([]);
  });

  it('answers a chain whose signing stopped with the signature problem, as documented', async () => {
    // A second service over the same database without the key writes an unsigned entry.
    const unsigned = await startService({ store: openSqliteStore(service.file) });
    try {
      const started = await fetch(`${unsigned.url}/plans/changjiang-2021/workflows/village-plan`, {
        method: 'POST',
        headers: { ...(await unsigned.auth(who.liyang)), 'content-type': 'application/json' },
        body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
      });
      expect(started.status).toBe(201);
      const response = await fetch(`${unsigned.url}/audit/verify`, { headers: await unsigned.auth(who.supervisor) });
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ ok: false, problem: 'signature' });
    } finally {
      await unsigned.close();
    }
  });
});

describe('without a key', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService({ keyless: true });
  });
  afterAll(() => service.close());

  it('opens health, the document and the page only', async () => {
    for (const path of ['/livez', '/readyz', '/openapi.json', '/docs']) {
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(200);
    }
    for (const [method, path] of [
      ['GET', '/plans'],
      ['GET', '/metrics'],
      ['GET', '/plans/changjiang-2021'],
      ['POST', '/plans/changjiang-2021/evaluate'],
      ['GET', '/audit/verify'],
    ] as const) {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await json(response)).code).toBe('unauthenticated');
    }
  });
});
