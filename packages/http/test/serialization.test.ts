// Responses written by serializers compiled from the routes' schemas: the same JSON as
// JSON.stringify for every route's examples and for real responses (full reports, workflow
// results, views, pages, audit histories and verifications, problems) and for reports varied at random; never a
// property the schema does not declare; the self-check's writer equal to the compiled one.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemoryStore,
  diffPlan,
  evaluate,
  generateCheckpointKeys,
  memoryKeys,
  planInForce,
  queryFromText,
  ReportSchema,
  type Report,
  type Principal,
} from '@ruralkit/core';
import { readWorkbook } from '@ruralkit/xlsx';
import { DEFAULT_LIMITS, HttpProblem } from '@ruralkit/http';
import { Metrics } from '../src/metrics.js';
import { ProblemSchema, problemBody, toProblem } from '../src/problem.js';
import type { RouteSpec } from '../src/route.js';
import { evaluationRoutes } from '../src/routes/evaluation.js';
import { operationRoutes } from '../src/routes/operations.js';
import { planRoutes } from '../src/routes/plans.js';
import { workflowRoutes } from '../src/routes/workflows.js';
import { compileSerializer, responseWriters, type Serialize } from '../src/serialize.js';
import { Service } from '../src/service.js';
import { countyPlan, example, json, plan, startService, who, type TestService } from './helpers.js';

const clock = createManualClock('2022-01-01T09:00:00+08:00');
const service = new Service(
  [
    { key: 'changjiang-2021', plan },
    { key: 'example-county', plan: countyPlan, tenants: ['example-county'] },
  ],
  createMemoryStore(),
  { clock, keys: memoryKeys(), auditKey: generateCheckpointKeys().privateKey },
);
const routes: RouteSpec[] = [
  ...operationRoutes(service, new Metrics(), () => ({ openapi: '3.1.0' })),
  ...planRoutes(service),
  ...evaluationRoutes(service, DEFAULT_LIMITS),
  ...workflowRoutes(service),
];

/** The compiled serializer and the self-check's writer of a route's response. */
function writersOf(operationId: string, status = 200): { compiled: Serialize; checked: Serialize } {
  const spec = routes.find((r) => r.operationId === operationId)!;
  const schema = spec.responses[status]!.schema!;
  const compiled = compileSerializer(schema);
  if (!compiled) throw new Error(`${operationId} ${status} is not compiled`);
  const checked = responseWriters(operationId, { [status]: { description: '', schema } }, true).get(status)!;
  return { compiled, checked: (body) => checked(body).toString('utf8') };
}

/** Both writers give the JSON that JSON.stringify gives. */
function expectSameJson(write: { compiled: Serialize; checked: Serialize }, body: unknown): void {
  const expected = JSON.parse(JSON.stringify(body));
  expect(JSON.parse(write.compiled(body))).toStrictEqual(expected);
  expect(JSON.parse(write.checked(body))).toStrictEqual(expected);
}

describe('which responses are compiled', () => {
  it('writes the evaluation report with JSON.stringify, every other JSON response compiled', () => {
    const stringified = routes.flatMap((spec) =>
      Object.entries(spec.responses)
        .filter(([, response]) => response.stringify)
        .map(([status]) => `${spec.operationId} ${status}`),
    );
    expect(stringified).toEqual(['evaluate 200']);
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    const written = responseWriters('evaluate', routes.find((r) => r.operationId === 'evaluate')!.responses, false);
    expect(written.get(200)!(report).toString('utf8')).toBe(JSON.stringify(report));
  });

  it('compiles every JSON response, and problems', () => {
    const fallback = routes.flatMap((spec) =>
      Object.entries(spec.responses)
        .filter(([, response]) => response.schema && !compileSerializer(response.schema))
        .map(([status]) => `${spec.operationId} ${status}`),
    );
    expect(fallback).toEqual([]);
    expect(compileSerializer(ProblemSchema)).toBeTypeOf('function');
  });

  it('falls back for what JSON Schema cannot state, and for unions fast-json-stringify settles by validation', async () => {
    const { z } = await import('zod');
    expect(compileSerializer(z.object({ at: z.date() }))).toBeUndefined();
    expect(compileSerializer(z.string().transform((s) => s.length))).toBeUndefined();
    // objects whose shared properties are written differently, or a union with an open object
    expect(compileSerializer(z.union([z.object({ a: z.string() }), z.object({ a: z.number() })]))).toBeUndefined();
    expect(compileSerializer(z.union([z.object({ a: z.string() }), z.looseObject({ b: z.number() })]))).toBeUndefined();
    const objects = compileSerializer(
      z.union([
        z.object({ ok: z.literal(true), head: z.string() }),
        z.object({ ok: z.literal(false), seq: z.number() }),
      ]),
    )!;
    expect([objects({ ok: true, head: 'h', seq: undefined, x: 1 }), objects({ ok: false, seq: 3 })]).toEqual([
      '{"ok":true,"head":"h"}',
      '{"ok":false,"seq":3}',
    ]);
    expect(compileSerializer(z.tuple([z.string(), z.number()]))).toBeUndefined();
    const nullable = compileSerializer(z.object({ name: z.object({ zh: z.string() }).nullable() }))!;
    expect(nullable({ name: null })).toBe('{"name":null}');
    const primitives = compileSerializer(z.object({ v: z.union([z.number().int(), z.string()]) }))!;
    expect([primitives({ v: 1.5 }), primitives({ v: 'x' })]).toEqual(['{"v":1.5}', '{"v":"x"}']);
    // a `const` is written as the value holds it, an unknown value as JSON.stringify writes it
    const literal = compileSerializer(z.object({ v: z.literal(2), any: z.unknown() }))!;
    expect(literal({ v: 2, any: { deep: [1, 'two', null] } })).toBe('{"v":2,"any":{"deep":[1,"two",null]}}');
  });
});

describe('the same JSON as JSON.stringify', () => {
  it('for every route’s example', () => {
    const examples = routes.flatMap((spec) =>
      Object.entries(spec.responses)
        .filter(([, response]) => response.schema && response.example !== undefined)
        .map(([status, response]) => ({ spec, status: Number(status), example: response.example })),
    );
    expect(examples.length).toBeGreaterThan(1);
    for (const { spec, status, example: body } of examples) expectSameJson(writersOf(spec.operationId, status), body);
  });

  it('for full reports of the example data, at several dates and under a county’s plugins', () => {
    const write = writersOf('evaluate');
    for (const asOf of ['2021-06-30', '2022-12-31', '2025-12-31']) {
      expectSameJson(write, evaluate(plan, example, { asOf }));
      expectSameJson(write, evaluate(countyPlan, example, { asOf }));
    }
  });

  it('for the plans, the plan in force and a county’s diff', () => {
    expectSameJson(writersOf('getPlanInForce'), planInForce(plan, '2025-06-30'));
    expectSameJson(writersOf('getPlanInForce'), planInForce(countyPlan, '2023-06-30'));
    expectSameJson(writersOf('getPlanDiff'), diffPlan(plan, countyPlan));
  });

  it('for workflow results, views, pages, tasks, notices, overdue notices and the audit', async () => {
    const runtime = service.plans.get('changjiang-2021')!.runtime;
    const people = workflowPeople('changjiang');
    const results: unknown[] = [];
    const started = await runtime.start('poverty-monitoring', {
      tenant: 'changjiang',
      subject: { village: 'liuyang', household: 'lh-001' },
      event: {
        type: 'FLAG',
        actor: people.department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '收入骤降 "急"' },
      },
    });
    results.push(started);
    const id = started.instanceId;
    for (const [type, actor, payload] of [
      [
        'CONFIRM_RISK',
        people.cadre,
        { perCapitaIncomeCny: 4000, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: true },
      ],
      ['REVIEW_PASSED', people.committee, { meetingOn: '2022-01-02', attendees: 20 }],
    ] as const) {
      results.push(await runtime.send(id, { type, actor, payload, idempotencyKey: `k-${type}` }));
    }
    results.push(
      await runtime.send(id, {
        type: 'REVIEW_PASSED',
        actor: people.committee,
        idempotencyKey: 'k-REVIEW_PASSED',
        payload: { meetingOn: '2022-01-02', attendees: 20 },
      }),
    );
    for (const result of results) expectSameJson(writersOf('sendEvent'), result);
    for (const reader of [people.household, people.cadre, people.official]) {
      expectSameJson(writersOf('getInstance'), await runtime.get(id, { principal: reader }));
    }
    expectSameJson(
      writersOf('searchInstances'),
      await runtime.search(people.official, queryFromText({ counts: 'true' })),
    );
    expectSameJson(writersOf('listTasks'), await runtime.tasks(people.cadre));
    expectSameJson(writersOf('getAllowedEvents'), {
      instanceId: id,
      state: (await runtime.get(id)).state,
      events: await runtime.allowedEvents(id, people.committee),
    });
    expectSameJson(writersOf('getPublicNotice'), await runtime.publicNotice(id, { principal: people.official }));
    clock.advanceDays(60);
    const overdue = await service.maintenance.tick(undefined, { tenant: 'changjiang' });
    expect(overdue.length).toBeGreaterThan(0);
    expectSameJson(writersOf('tick'), { overdue });
    const entries = await runtime.history(id, { principal: people.official });
    expect(entries.map((e) => e.actor.id)).toContain('system');
    expect(entries.every((e) => e.signature && e.tenant === 'changjiang')).toBe(true);
    expectSameJson(writersOf('getHistory'), { instanceId: id, entries });
    expectSameJson(writersOf('verifyAudit'), await service.maintenance.verify('changjiang'));
    expectSameJson(writersOf('verifyAudit'), {
      ok: false,
      entries: 3,
      seq: 2,
      instanceId: null,
      problem: 'signature',
      message: { zh: '第 2 条的签名不符', en: 'the signature of entry 2 does not match' },
    });
  });

  it('for problems: invalid input, refusals, stale versions, spreadsheets, the service’s own', async () => {
    const write = compileSerializer(ProblemSchema)!;
    const errors: unknown[] = [
      HttpProblem.of('not-found'),
      HttpProblem.of('invalid-json', { detail: { zh: '第 1 行 "x\\"', en: 'line 1 "x\\"' } }),
      new Error('a fault'),
    ];
    const catchOf = async (work: () => unknown) => {
      try {
        await work();
      } catch (error) {
        errors.push(error);
        return;
      }
      throw new Error('expected a refusal');
    };
    await catchOf(() =>
      evaluate(plan, { villages: [{ id: 'x', indicators: { '2025': { tapWaterRate: 7, nope: 1 } } }] } as never, {
        asOf: '2025-12-31',
      }),
    );
    await catchOf(() => readWorkbook(plan, Buffer.from('not a workbook')));
    const runtime = service.plans.get('changjiang-2021')!.runtime;
    const people = workflowPeople('changjiang');
    const { instanceId } = await runtime.start('village-plan', {
      tenant: 'changjiang',
      subject: { village: 'jianglian' },
      event: { type: 'START', actor: who.liyang },
    });
    await catchOf(() => runtime.send(instanceId, { type: 'APPROVE', actor: people.cadre }));
    await catchOf(() => runtime.send(instanceId, { type: 'NO_SUCH_EVENT', actor: who.liyang }));
    await catchOf(() =>
      runtime.send(
        instanceId,
        { type: 'SUBMIT_DRAFT', actor: who.liyang, payload: { draft: 'd' } },
        { expectedVersion: 9 },
      ),
    );
    expect(errors.length).toBe(8);
    for (const error of errors) {
      for (const lang of ['zh', 'en'] as const) {
        const body = problemBody(toProblem(error), lang, '/plans/changjiang-2021/evaluate?asOf=2025-12-31', 'req-1');
        expect(JSON.parse(write(body))).toStrictEqual(JSON.parse(JSON.stringify(body)));
      }
    }
  });

  it('for reports varied at random: any text, any number, optional parts left out, lists cut', () => {
    const write = writersOf('evaluate');
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    const leaves = leafPaths(report);
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.oneof(fc.string({ unit: anyUnit }), fc.string({ unit: 'grapheme' }), fc.string({ maxLength: 60 }));
    const number = fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constantFrom(-0, 1e21, 5e-7));
    const change = fc.record({
      path: fc.constantFrom(...leaves),
      text,
      number,
      drop: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 30 }), (changes) => {
        const varied = structuredClone(report) as unknown as Record<string, unknown>;
        for (const { path, text, number, drop } of changes) {
          const parent = path
            .slice(0, -1)
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], varied);
          if (parent === null || typeof parent !== 'object') continue;
          const key = path.at(-1)!;
          const record = parent as Record<string | number, unknown>;
          if (drop && Array.isArray(parent)) parent.length = Math.min(parent.length, Number(key));
          else if (drop) delete record[key];
          else if (typeof record[key] === 'string') record[key] = text;
          else if (typeof record[key] === 'number') record[key] = number;
        }
        expect(JSON.parse(write.compiled(varied))).toStrictEqual(JSON.parse(JSON.stringify(varied)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('what the schema does not declare', () => {
  it('is never written: a household’s ID number slipped into a report, a result or a view stays out', async () => {
    const idNumber = '430124199001011234';
    const report = evaluate(plan, example, { asOf: '2025-12-31' }) as Report & Record<string, unknown>;
    const household = report.households[0]! as unknown as { subject: Record<string, unknown> };
    household.subject.idNumber = idNumber;
    report.results[0]!.actual = { ...report.results[0]!.actual, income: { value: 1, idNumber } as never };
    report.idNumber = idNumber;
    expect(JSON.stringify(report)).toContain(idNumber);
    // the report route is written by JSON.stringify for speed; its compiled serializer and the
    // self-check still leave out what the schema does not declare
    const evaluateWriters = writersOf('evaluate');
    for (const write of [evaluateWriters.compiled, evaluateWriters.checked]) {
      expect(write(report)).not.toContain(idNumber);
    }
    const result = { instanceId: 'i', event: 'E', from: null, to: 't', version: 1, at: 'now', idNumber };
    const sendWriters = writersOf('sendEvent');
    for (const write of [sendWriters.compiled, sendWriters.checked]) expect(write(result)).not.toContain(idNumber);
    const problem = { ...problemBody(HttpProblem.of('not-found'), 'en', '/x', 'r'), idNumber };
    expect(compileSerializer(ProblemSchema)!(problem)).not.toContain(idNumber);
  });
});

describe('the self-check', () => {
  it('refuses a response that does not match its schema, naming the operation and where', () => {
    const write = responseWriters('evaluate', { 200: { description: '', schema: ReportSchema } }, true).get(200)!;
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    expect(() => write({ ...report, asOf: 20251231 })).toThrow(
      /response of evaluate does not match its schema at asOf/,
    );
  });
});

describe('over a socket', () => {
  let checked: TestService;
  let compiled: TestService;
  beforeAll(async () => {
    [checked, compiled] = await Promise.all([startService(), startService({ validateResponses: false })]);
  });
  afterAll(async () => {
    await Promise.all([checked.close(), compiled.close()]);
  });

  it('answers the report and a workflow as JSON, the same with the self-check on or off', async () => {
    const expected = JSON.parse(JSON.stringify(evaluate(plan, example, { asOf: '2025-12-31' })));
    for (const service of [checked, compiled]) {
      const headers = { ...(await service.auth(who.liyang)), 'content-type': 'application/json' };
      const response = await fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`, {
        method: 'POST',
        headers,
        body: JSON.stringify(example),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(JSON.parse(text)).toStrictEqual(expected);

      const start = await fetch(`${service.url}/plans/changjiang-2021/workflows/village-plan`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
      });
      expect(start.status).toBe(201);
      const { instanceId } = await json(start);
      const history = await json(await fetch(`${service.url}/instances/${instanceId}/history`, { headers }));
      expect(history.entries.map((e: { event: string }) => e.event)).toEqual(['START']);
      const refused = await fetch(`${service.url}/instances/${instanceId}/events`, {
        method: 'POST',
        headers: { ...headers, 'accept-language': 'en' },
        body: JSON.stringify({ type: 'APPROVE' }),
      });
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(await json(refused)).toMatchObject({ code: 'not-allowed-in-state', state: 'drafting' });
    }
  });
});

/** The people of a poverty-monitoring case in `tenant`'s village liuyang. */
function workflowPeople(tenant: string) {
  const cadre: Principal = {
    id: 'cadre',
    roles: ['village-cadre'],
    tenant,
    township: 'nianyushan',
    village: 'liuyang',
  };
  return {
    cadre,
    committee: { ...cadre, id: 'committee', roles: ['village-committee'] },
    department: { id: 'dept', roles: ['department'], tenant },
    official: { id: 'official', roles: ['township-official'], tenant, township: 'nianyushan' },
    household: { ...who.household, tenant },
  } satisfies Record<string, Principal>;
}

/** The path of every property and list item within `value`. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return [at, ...leafPaths(item, at)];
  });
}
