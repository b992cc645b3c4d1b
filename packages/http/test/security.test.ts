// Security over HTTP: bad tokens, another tenant's instance and plan, a role without the grant,
// oversize bodies, malformed and hostile workbooks, rate limits. Each answers its status and
// problem code, and nothing changes.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@ruralkit/core';
import { jwtAuthenticator } from '@ruralkit/http';
import type { FastifyRequest } from 'fastify';
import { withEntries } from '../../xlsx/test/zip-archive.js';
import { example, json, jwk, startService, token, who, type TestService } from './helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = readFileSync(new URL('../../../examples/changjiang-2021/data.xlsx', import.meta.url));

let service: TestService;
let instanceId: string;
beforeAll(async () => {
  service = await startService({
    limits: { jsonBytes: 64 * 1024, xlsxBytes: 256 * 1024, maxExpandedBytes: 2 * 1024 * 1024, requestsPerMinute: 1000 },
  });
  const started = await fetch(`${service.url}/plans/changjiang-2021/workflows/village-plan`, {
    method: 'POST',
    headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
    body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
  });
  instanceId = (await json(started)).instanceId;
});
afterAll(() => service.close());

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = await json(response);
  expect(problem).toMatchObject({ status, code, type: `urn:ruralkit:problem:${code}` });
  return problem;
}

/** What must stay the same: the instance and the audit chain's length. */
async function unchanged(run: () => Promise<void>) {
  const supervisor = await service.auth(who.supervisor);
  const before = await json(await fetch(`${service.url}/audit/verify`, { headers: supervisor }));
  const instance = await json(
    await fetch(`${service.url}/instances/${instanceId}`, { headers: await service.auth(who.liyang) }),
  );
  await run();
  expect(await json(await fetch(`${service.url}/audit/verify`, { headers: supervisor }))).toEqual(before);
  expect(
    await json(await fetch(`${service.url}/instances/${instanceId}`, { headers: await service.auth(who.liyang) })),
  ).toEqual(instance);
}

const send = (headers: Record<string, string>) =>
  fetch(`${service.url}/instances/${instanceId}/events`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'd' } }),
  });

describe('tokens', () => {
  it('refuses a missing token', () =>
    unchanged(async () => {
      const problem = await expectProblem(await send({}), 401, 'unauthenticated');
      expect(problem.detail).toMatch(/Bearer/);
    }));

  it('refuses an expired token', () =>
    unchanged(async () => {
      const expired = await token(who.liyang, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
      await expectProblem(await send({ authorization: `Bearer ${expired}` }), 401, 'token-expired');
    }));

  it('stops accepting a remembered token once it expires', async () => {
    // Verified once, remembered: the same token is answered from memory until it expires.
    const shortLived = await token(who.liyang, { expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const view = () =>
      fetch(`${service.url}/instances/${instanceId}`, { headers: { authorization: `Bearer ${shortLived}` } });
    expect((await view()).status).toBe(200);
    expect((await view()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expectProblem(await view(), 401, 'token-expired');
  });

  it('remembers a principal no handler can change', async () => {
    const authenticate = jwtAuthenticator({ jwks: { keys: [jwk] } });
    const request = { headers: { authorization: `Bearer ${await token(who.liyang)}` } } as FastifyRequest;
    const first = await authenticate(request);
    expect(() => (first.roles as string[]).push('supervisor')).toThrow(TypeError);
    expect(() => Object.assign(first, { tenant: 'elsewhere' })).toThrow(TypeError);
    expect(await authenticate(request)).toEqual(who.liyang);
  });

  it('refuses a token signed with another key', () =>
    unchanged(async () => {
      const other = await generateKeyPair('ES256');
      const forged = await token(who.liyang, { key: other.privateKey });
      await expectProblem(await send({ authorization: `Bearer ${forged}` }), 401, 'invalid-token');
    }));

  it('refuses an unsigned token (alg none)', () =>
    unchanged(async () => {
      const { id, ...claims } = who.liyang;
      const exp = Math.floor(Date.now() / 1000) + 600;
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, sub: id, exp })}.`;
      await expectProblem(await send({ authorization: `Bearer ${unsigned}` }), 401, 'invalid-token');
    }));

  it('refuses a token whose claims are not a principal, and a malformed header', () =>
    unchanged(async () => {
      const odd = await token({ ...who.liyang, roles: ['mayor'] } as unknown as Principal);
      const problem = await expectProblem(
        await send({ authorization: `Bearer ${odd}`, 'accept-language': 'en' }),
        401,
        'invalid-token',
      );
      expect(problem.detail).toMatch(/roles/);
      await expectProblem(await send({ authorization: 'Basic dXNlcjpwYXNz' }), 401, 'invalid-token');
    }));
});

describe('tenants and grants', () => {
  it('answers another tenant’s instance as unknown (404), for every route', () =>
    unchanged(async () => {
      const stranger = await service.auth(who.stranger);
      await expectProblem(await send(stranger), 404, 'unknown-instance');
      for (const path of ['', '/history', '/allowed-events', '/public-notice']) {
        await expectProblem(
          await fetch(`${service.url}/instances/${instanceId}${path}`, { headers: stranger }),
          404,
          'unknown-instance',
        );
      }
      const missing = await fetch(`${service.url}/instances/no-such-instance`, { headers: stranger });
      const [a, b] = [
        await json(missing),
        await json(await fetch(`${service.url}/instances/${instanceId}`, { headers: stranger })),
      ];
      expect([a.title, a.status]).toEqual([b.title, b.status]);
    }));

  it('answers another tenant’s plan as unknown (404) when starting there', () =>
    unchanged(async () => {
      const response = await fetch(`${service.url}/plans/example-county/workflows/village-plan`, {
        method: 'POST',
        headers: { ...(await service.auth(who.liyang)), 'content-type': 'application/json' },
        body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
      });
      await expectProblem(response, 404, 'unknown-plan');
    }));

  it('refuses a role without the grant (403) with what it may send now', async () => {
    const before = await json(
      await fetch(`${service.url}/instances/${instanceId}`, { headers: await service.auth(who.liyang) }),
    );
    const problem = await expectProblem(
      await send({ ...(await service.auth(who.jianglian)), 'accept-language': 'en' }),
      403,
      'forbidden',
    );
    expect(problem.allowedNow).toEqual([]);
    expect(problem.detail).toMatch(/may not send SUBMIT_DRAFT/);
    const after = await json(
      await fetch(`${service.url}/instances/${instanceId}`, { headers: await service.auth(who.liyang) }),
    );
    expect(after.version).toBe(before.version);
  });

  it('refuses a bad Idempotency-Key (400)', () =>
    unchanged(async () => {
      await expectProblem(
        await send({ ...(await service.auth(who.liyang)), 'idempotency-key': 'k'.repeat(201) }),
        400,
        'invalid-request',
      );
    }));
});

describe('bodies and workbooks', () => {
  const evaluate = async (body: string | Buffer, type: string) =>
    fetch(`${service.url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`, {
      method: 'POST',
      headers: { ...(await service.auth(who.liyang)), 'content-type': type, 'accept-language': 'en' },
      body,
    });

  it('refuses an oversize JSON body and an oversize workbook (413)', () =>
    unchanged(async () => {
      const big = JSON.stringify({ ...example, padding: 'x'.repeat(100 * 1024) });
      await expectProblem(await evaluate(big, 'application/json'), 413, 'payload-too-large');
      await expectProblem(
        await evaluate(Buffer.concat([workbook, Buffer.alloc(300 * 1024)]), XLSX),
        413,
        'payload-too-large',
      );
    }));

  it('refuses bytes that are not a workbook, and a truncated one (422, naming the file)', async () => {
    const garbage = await expectProblem(
      await evaluate(Buffer.from('not a workbook at all'), XLSX),
      422,
      'invalid-spreadsheet',
    );
    expect(garbage.issues[0].message).toMatch(/not a valid xlsx file/);
    const truncated = await expectProblem(
      await evaluate(workbook.subarray(0, workbook.length - 100), XLSX),
      422,
      'invalid-spreadsheet',
    );
    expect(truncated.issues[0].message).toMatch(/not a valid xlsx file/);
  });

  it('refuses a zip bomb before opening it (422)', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const problem = await expectProblem(await evaluate(bomb, XLSX), 422, 'invalid-spreadsheet');
    expect(problem.issues[0].message).toMatch(/holds more than the 2.0 MB limit/);
  });

  it('refuses entries hidden behind a patched entry count, and sizes declared too small (422)', async () => {
    const hidden = withEntries(workbook, { count: 1_100, bytes: 1024, hideCount: true });
    const problem = await expectProblem(await evaluate(hidden, XLSX), 422, 'invalid-spreadsheet');
    expect(problem.issues[0].message).toMatch(/more than 1,000 entries/);
    const small = withEntries(workbook, { count: 2, bytes: 10 * 1024 * 1024, declaredBytes: 1024 });
    const start = performance.now();
    const lying = await expectProblem(await evaluate(small, XLSX), 422, 'invalid-spreadsheet');
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(lying.issues[0].message).toMatch(/holds more than the 2.0 MB limit/);
  });

  it('refuses a workbook with thousands of entries (422)', async () => {
    const many = zip(Array.from({ length: 1100 }, (_, i) => ({ name: `${i}`, data: Buffer.from('<a/>') })));
    const problem = await expectProblem(await evaluate(many, XLSX), 422, 'invalid-spreadsheet');
    expect(problem.issues[0].message).toMatch(/more than 1,000 entries/);
  });

  it('lists every bad cell of a filled workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.actualRowCount > 2 && s.name.includes('村'))!;
    sheet.getRow(3).getCell(4).value = 'abc';
    const problem = await expectProblem(
      await evaluate(Buffer.from(await book.xlsx.writeBuffer()), XLSX),
      422,
      'invalid-spreadsheet',
    );
    expect(problem.issues[0]).toMatchObject({ sheet: sheet.name, cell: 'D3' });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit, per principal', async () => {
    const limited = await startService({ limits: { requestsPerMinute: 3 } });
    try {
      const get = async (principal: Principal) =>
        fetch(`${limited.url}/plans`, { headers: await limited.auth(principal) });
      for (let i = 0; i < 3; i += 1) expect((await get(who.liyang)).status).toBe(200);
      const refused = await get(who.liyang);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await json(refused)).code).toBe('rate-limited');
      expect((await get(who.jianglian)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

/** A zip archive of stored-then-deflated entries, written by hand. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name);
    const compressed = deflateRawSync(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
