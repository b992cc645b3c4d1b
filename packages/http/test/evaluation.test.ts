// Plans and evaluation over HTTP: the same report as in-process, every bad value listed in the
// caller's language, xlsx in and out, NDJSON streams, and each county's own plan.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchEvaluator, evaluate, planHash } from '@ruralkit/core';
import { renderHtmlReport } from '@ruralkit/report';
import { countyPlan, example, plan, startService, who, type TestService, json } from './helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let service: TestService;
let headers: Record<string, string>;
beforeAll(async () => {
  service = await startService();
  headers = { ...(await service.auth(who.liyang)), 'content-type': 'application/json' };
});
afterAll(() => service.close());

const post = (path: string, body: string | Buffer, extra: Record<string, string> = {}) =>
  fetch(`${service.url}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body });

describe('plans', () => {
  it('lists the plans of the caller’s tenant', async () => {
    const mine = await json(await fetch(`${service.url}/plans`, { headers }));
    expect(mine.plans.map((p: { key: string }) => p.key)).toEqual(['changjiang-2021']);
    const county = await json(await fetch(`${service.url}/plans`, { headers: await service.auth(who.county) }));
    expect(county.plans.map((p: { key: string; hash: string }) => [p.key, p.hash])).toEqual([
      ['changjiang-2021', planHash(plan)],
      ['example-county', planHash(countyPlan)],
    ]);
  });

  it('shows the plan in force at a date, with who set each parameter', async () => {
    const auth = await service.auth(who.county);
    const at = async (date: string) =>
      (await json(await fetch(`${service.url}/plans/example-county?at=${date}`, { headers: auth }))) as {
        parameters: { id: string; value: number; setBy: string }[];
      };
    const threshold = (view: Awaited<ReturnType<typeof at>>) =>
      view.parameters.find((p) => p.id === 'monitoring.incomeThreshold');
    expect(threshold(await at('2023-06-30'))).toMatchObject({
      value: 6800,
      setBy: 'plugin:example-county-income-lines@1.0.0',
    });
    expect(threshold(await at('2025-06-30'))).toMatchObject({ value: 7200 });
  });

  it('shows what the county plugins change, and nothing for the base plan', async () => {
    const diff = await json(
      await fetch(`${service.url}/plans/example-county/diff`, { headers: await service.auth(who.county) }),
    );
    expect(diff.changes.map((c: { id: string }) => c.id)).toContain('monitoring.incomeThreshold');
    const base = await json(await fetch(`${service.url}/plans/changjiang-2021/diff`, { headers }));
    expect(base.changes).toEqual([]);
  });

  it('serves the JSON Schema of the input, strict on unknown keys', async () => {
    const schema = await json(await fetch(`${service.url}/plans/changjiang-2021/input-schema`, { headers }));
    expect(schema.properties).toHaveProperty('villages');
    expect(schema.additionalProperties).toBe(false);
  });

  it('answers another tenant’s plan as unknown (404)', async () => {
    for (const path of ['/plans/example-county', '/plans/example-county/diff']) {
      const response = await fetch(`${service.url}${path}`, { headers });
      expect(response.status).toBe(404);
      expect((await json(response)).code).toBe('unknown-plan');
    }
    const evaluation = await post('/plans/example-county/evaluate?asOf=2025-12-31', JSON.stringify(example));
    expect(evaluation.status).toBe(404);
  });

  it('refuses a date that is not real (400, naming the parameter)', async () => {
    const response = await fetch(`${service.url}/plans/changjiang-2021?at=2025-02-30`, {
      headers: { ...headers, 'accept-language': 'en' },
    });
    expect(response.status).toBe(400);
    const problem = await json(response);
    expect(problem.code).toBe('invalid-request');
    expect(problem.issues[0].path).toEqual(['query', 'at']);
  });
});

describe('evaluate', () => {
  it('gives the report evaluate gives in-process', async () => {
    const response = await post('/plans/changjiang-2021/evaluate?asOf=2025-12-31', JSON.stringify(example));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(JSON.parse(JSON.stringify(evaluate(plan, example, { asOf: '2025-12-31' }))));
  });

  it('judges with the county’s own parameters under the county plan', async () => {
    const response = await post(
      '/plans/example-county/evaluate?asOf=2025-12-31',
      JSON.stringify(example),
      await service.auth(who.county),
    );
    const report = await json(response);
    expect(report.plan.hash).toBe(planHash(countyPlan));
    expect(report).toEqual(JSON.parse(JSON.stringify(evaluate(countyPlan, example, { asOf: '2025-12-31' }))));
  });

  it('lists every bad value, in English or Chinese by Accept-Language', async () => {
    const bad = {
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
          indicators: { '2023': { tapWaterRate: 1.2, sanitaryToiletRate: 'high' } },
        },
      ],
    };
    const en = await post('/plans/changjiang-2021/evaluate?asOf=2025-12-31', JSON.stringify(bad), {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(en.status).toBe(422);
    const problem = await json(en);
    expect(problem).toMatchObject({ code: 'invalid-input', title: 'invalid input', status: 422 });
    expect(problem.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: { type: 'village', id: 'liuyang' },
          year: 2023,
          key: 'tapWaterRate',
          value: 1.2,
          message: 'not between 0 and 1',
        }),
        expect.objectContaining({ key: 'sanitaryToiletRate', value: 'high', message: 'expected number' }),
      ]),
    );
    const zh = await json(
      await post('/plans/changjiang-2021/evaluate?asOf=2025-12-31', JSON.stringify(bad), {
        'accept-language': 'zh-CN',
      }),
    );
    expect(zh.title).toBe('输入数据有误');
    expect(zh.issues.map((i: { message: string }) => i.message)).toContain('不在 0–1 之间');
  });

  it('answers malformed JSON and an unsupported content type as problems', async () => {
    const broken = await post('/plans/changjiang-2021/evaluate', '{"villages": [');
    expect(broken.status).toBe(400);
    expect((await json(broken)).code).toBe('invalid-json');
    const text = await post('/plans/changjiang-2021/evaluate', 'villages', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect((await json(text)).code).toBe('unsupported-media-type');
    const csv = await post('/plans/changjiang-2021/evaluate', JSON.stringify(example), { accept: 'text/csv' });
    expect(csv.status).toBe(406);
    expect((await json(csv)).code).toBe('not-acceptable');
    const page = await post('/plans/changjiang-2021/evaluate/report.html', JSON.stringify(example), {
      accept: 'application/json',
    });
    expect(page.status).toBe(406);
    expect((await json(page)).detail).toContain('text/html');
  });

  it('reads a filled xlsx template into the same report', async () => {
    const workbook = readFileSync(new URL('../../../examples/changjiang-2021/data.xlsx', import.meta.url));
    const response = await post('/plans/changjiang-2021/evaluate?asOf=2025-12-31', workbook, { 'content-type': XLSX });
    expect(response.status).toBe(200);
    const report = await json(response);
    expect(report.summary).toEqual(JSON.parse(JSON.stringify(evaluate(plan, example, { asOf: '2025-12-31' }).summary)));
  });

  // Its own operation (evaluateXlsx), and by Accept on evaluate for clients written before it.
  it.each([
    ['/plans/changjiang-2021/evaluate/report.xlsx?asOf=2025-12-31', {}],
    ['/plans/changjiang-2021/evaluate?asOf=2025-12-31', { accept: XLSX }],
  ])('answers the report as xlsx: %s %o', async (path, extra) => {
    const response = await post(path, JSON.stringify(example), extra);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    expect(workbook.worksheets[0]!.actualRowCount).toBeGreaterThanOrEqual(report.results.length);
  });

  it.each([
    ['/plans/changjiang-2021/evaluate/report.html?asOf=2025-12-31', {}],
    ['/plans/changjiang-2021/evaluate?asOf=2025-12-31', { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' }],
  ])('answers the same HTML report as the CLI: %s %o', async (path, extra) => {
    const response = await post(path, JSON.stringify(example), { ...extra, 'accept-language': 'en' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const report = evaluate(plan, example, { asOf: '2025-12-31' });
    // Charts are drawn anew each time (ECharts numbers its renderers): compare the page's text and its charts' count.
    const local = renderHtmlReport(report, { plan, lang: 'en' });
    const text = (page: string) => page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
    expect(text(html)).toBe(text(local));
    expect(html.match(/<svg/g)?.length).toBe(local.match(/<svg/g)?.length);
    expect(html).toContain('<svg');
  });
});

describe('NDJSON streams', () => {
  const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const lines = async (response: Response) =>
    (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));

  it('evaluates villages line by line, the district first, in input order', async () => {
    const villages = example.villages!;
    const body = ndjson([{ district: example.district }, ...villages, ...villages]);
    const response = await post('/plans/changjiang-2021/evaluate/batch?asOf=2025-12-31&explain=all', body, {
      'content-type': 'application/x-ndjson',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const batch = createBatchEvaluator(plan, { asOf: '2025-12-31', explain: 'all', district: example.district });
    const expected = [...villages, ...villages].map((v) => JSON.parse(JSON.stringify(batch.village(v))));
    expect(await lines(response)).toEqual(expected);
  });

  it('puts a problem in place of a bad line and goes on', async () => {
    const [first] = example.villages!;
    const body = `${JSON.stringify(first)}\n{not json\n${JSON.stringify({ id: 'x', indicators: { '2023': { tapWaterRate: 7 } } })}\n${JSON.stringify(first)}\n`;
    const response = await post('/plans/changjiang-2021/evaluate/batch?asOf=2025-12-31', body, {
      'content-type': 'application/x-ndjson',
      'accept-language': 'en',
    });
    const out = await lines(response);
    expect(out).toHaveLength(4);
    expect(out[0].subject.id).toBe(first!.id);
    expect(out[1]).toMatchObject({ line: 2, problem: { code: 'invalid-json' } });
    expect(out[2]).toMatchObject({ line: 3, problem: { code: 'invalid-input' } });
    expect(out[2].problem.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'tapWaterRate', line: 3 })]),
    );
    expect(out[3].subject.id).toBe(first!.id);
  });

  it('screens households as they come', async () => {
    const households = example.households!;
    const response = await post('/plans/changjiang-2021/screen?asOf=2025-12-31', ndjson(households), {
      'content-type': 'application/x-ndjson',
    });
    const out = await lines(response);
    const report = evaluate(plan, { households }, { asOf: '2025-12-31' });
    expect(out).toEqual(JSON.parse(JSON.stringify(report.households)));
  });

  it('stops at a line longer than the limit, with a problem line', async () => {
    const small = await startService({ limits: { maxLineBytes: 1000 } });
    try {
      const body = `${JSON.stringify(example.households![0])}\n${'{"id":"' + 'x'.repeat(5000) + '"}'}\n`;
      const response = await fetch(`${small.url}/plans/changjiang-2021/screen?asOf=2025-12-31`, {
        method: 'POST',
        headers: { ...(await small.auth(who.liyang)), 'content-type': 'application/x-ndjson' },
        body,
      });
      const out = await lines(response);
      expect(out).toHaveLength(2);
      expect(out[1].problem.code).toBe('payload-too-large');
    } finally {
      await small.close();
    }
  });
});
