// Edges of the service (issue 22, point 9): an overlong id answers problem+json without echoing
// it; unmatched paths and request ids are logged bounded and escaped; HTML and xlsx answers log
// no error; ids and amounts are bounded with errors naming the field.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, json, startService, who, type TestService } from './helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let service: TestService;
let logs: { level: number; msg: string; reqId?: string; req?: { route?: string }; err?: unknown }[] = [];
beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as (typeof logs)[number]),
      );
      done();
    },
  });
  service = await startService({ logger: { level: 'info', stream } });
});
afterAll(() => service.close());

describe('edges of paths and logs', () => {
  it('answers a 5,000-character id with problem+json that does not echo it', async () => {
    const id = 'a'.repeat(5_000);
    const response = await fetch(`${service.url}/instances/${id}`, { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    expect(text).not.toContain('a'.repeat(150));
    expect(JSON.parse(text)).toMatchObject({ status: 414, code: 'uri-too-long' });
  });

  it('logs an unmatched path bounded and escaped, and never a hostile request id', async () => {
    logs = [];
    const path = `/nothing-here/13800138000${'%1B%5B31m'.repeat(10)}${'c'.repeat(3_000)}`;
    const requestId = `x${'\u0007'.repeat(3)}${'b'.repeat(300)}`;
    const response = await fetch(`${service.url}${path}`, { headers: { 'x-request-id': encodeURI(requestId) } });
    expect(response.status).toBe(404);
    const text = JSON.stringify(logs);
    expect(text).not.toContain('c'.repeat(200));
    expect(text).not.toContain('b'.repeat(100));
    expect(text).not.toContain('13800138000');
    const routes = logs.map((l) => l.req?.route).filter((r) => r !== undefined);
    expect(routes).toEqual([expect.stringMatching(/^\/nothing-here.*\(3\d{3} characters\)$/)]);
    expect(routes[0]!.length).toBeLessThan(140);
    expect(logs.every((l) => l.reqId === undefined || /^[0-9a-f-]{36}$/.test(l.reqId))).toBe(true);
  });

  it('logs no error for HTML and xlsx evaluations', async () => {
    logs = [];
    for (const accept of ['text/html', XLSX]) {
      const response = await fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`, {
        method: 'POST',
        headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json', accept },
        body: JSON.stringify(example),
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe('ids and amounts over HTTP', () => {
  const evaluate = async (body: unknown) =>
    fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(body),
    });

  it('refuses an income of 1e308 or 5e-324 and a household id of __proto__ (422, naming the field)', async () => {
    const response = await evaluate({
      households: [
        { id: 'h1', villageId: 'liuyang', size: 3, annualNetIncomeCny: 1e308 },
        { id: 'h2', villageId: 'liuyang', size: 3, annualNetIncomeCny: 5e-324 },
        { id: '__proto__', villageId: 'liuyang', size: 3, annualNetIncomeCny: 100 },
      ],
    });
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem.code).toBe('invalid-input');
    expect(problem.issues.map((i: { path: unknown[]; message: string }) => [i.path.join('.'), i.message])).toEqual([
      ['households.0.annualNetIncomeCny', 'the amount is beyond the limit of 1,000,000,000,000 CNY'],
      ['households.1.annualNetIncomeCny', 'an amount is in yuan with at most two decimals (whole fen)'],
      ['households.2.id', 'the id cannot be "__proto__" (a reserved name)'],
    ]);
  });

  it('refuses a village id of 100,000 characters in a start (422, naming the field)', async () => {
    const response = await fetch(`${service.url}/plans/changjiang-2021/workflows/village-plan`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ subject: { village: 'v'.repeat(100_000), township: 't' }, event: { type: 'START' } }),
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text)).toMatchObject({ code: 'invalid-subject' });
    expect(text).toContain('subject.village: the id has 100000 characters, more than the 64 limit');
  });
});
