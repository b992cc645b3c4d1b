// Token lifetimes and rate limits over HTTP: a token must expire, within the longest lifetime
// allowed, and must not be issued in the future; unauthenticated requests are throttled per
// address, authenticated ones per principal, across processes when they share Redis.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@ruralkit/core';
import { jwtAuthenticator } from '@ruralkit/http';
import { json, jwk, keys, startService, token, who, type TestService } from './helpers.js';

const REDIS_URL = process.env.REDIS_URL;
/** Why the Redis tests are skipped, or undefined when they run; CI must run them. */
const SKIP_REDIS = REDIS_URL
  ? undefined
  : 'REDIS_URL is not set: the shared rate limit test is skipped (CI sets it; locally e.g. redis://127.0.0.1:6379)';
if (SKIP_REDIS && process.env.CI === 'true') throw new Error(`CI=true but ${SKIP_REDIS}`);
if (SKIP_REDIS) console.warn(`NOTE: ${SKIP_REDIS}`);

const now = () => Math.floor(Date.now() / 1000);

/** A token for `principal` with exactly the claims given (no exp unless given). */
function signed(principal: Principal, times: { iat?: number; exp?: number }): Promise<string> {
  const { id, ...claims } = principal;
  return new SignJWT({ ...claims, ...times })
    .setProtectedHeader({ alg: 'ES256', kid: 'test' })
    .setSubject(id)
    .sign(keys.privateKey);
}

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const plans = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/plans`, { headers: { 'accept-language': 'en', ...headers } });
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe('token lifetimes', () => {
  it('refuses a token without exp', async () => {
    const response = await plans(service.url, bearer(await signed(who.liyang, { iat: now() })));
    expect(response.status).toBe(401);
    const problem = await json(response);
    expect(problem.code).toBe('invalid-token');
    expect(problem.detail).toMatch(/exp/);
  });

  it('refuses a token living longer than the longest lifetime (default 24 h)', async () => {
    const long = await signed(who.liyang, { iat: now(), exp: now() + 25 * 3600 });
    const response = await plans(service.url, bearer(long));
    expect(response.status).toBe(401);
    expect((await json(response)).detail).toMatch(/lifetime/);
    const noIat = await signed(who.liyang, { exp: now() + 25 * 3600 });
    expect((await plans(service.url, bearer(noIat))).status).toBe(401);
    const day = await signed(who.liyang, { iat: now(), exp: now() + 23 * 3600 });
    expect((await plans(service.url, bearer(day))).status).toBe(200);
  });

  it('takes the longest lifetime from its option', async () => {
    const short = await startService({
      authenticate: jwtAuthenticator({ jwks: { keys: [jwk] }, maxLifetimeSeconds: 600 }),
    });
    try {
      expect((await plans(short.url, bearer(await token(who.liyang, { expiresIn: '5m' })))).status).toBe(200);
      expect((await plans(short.url, bearer(await token(who.liyang, { expiresIn: '1h' })))).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('refuses a token issued in the future beyond the allowed skew', async () => {
    const future = await signed(who.liyang, { iat: now() + 600, exp: now() + 1200 });
    const response = await plans(service.url, bearer(future));
    expect(response.status).toBe(401);
    expect((await json(response)).detail).toMatch(/iat/);
    const skewed = await signed(who.liyang, { iat: now() + 10, exp: now() + 600 });
    expect((await plans(service.url, bearer(skewed))).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('throttles unauthenticated requests per address', async () => {
    const limited = await startService({ limits: { unauthenticatedPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await plans(limited.url)).status).toBe(401);
      const refused = await plans(limited.url, bearer('not.a.token'));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await json(refused)).code).toBe('rate-limited');
      expect((await plans(limited.url, await limited.auth(who.liyang))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('lets requests through when Redis does not answer', async () => {
    const unreachable = await startService({
      limits: { requestsPerMinute: 1 },
      redis: { url: 'redis://127.0.0.1:1' },
      logger: false,
    });
    try {
      const liyang = await unreachable.auth(who.liyang);
      const started = Date.now();
      expect((await plans(unreachable.url, liyang)).status).toBe(200);
      expect((await plans(unreachable.url, liyang)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await unreachable.close();
    }
  });

  it.skipIf(SKIP_REDIS !== undefined)('shares a principal’s limit between two services through Redis', async () => {
    const shared = { redis: { url: REDIS_URL!, prefix: `ruralkit-test-${randomUUID()}:` } };
    const [a, b] = await Promise.all([
      startService({ limits: { requestsPerMinute: 3 }, ...shared }),
      startService({ limits: { requestsPerMinute: 3 }, ...shared }),
    ]);
    try {
      const liyang = await a.auth(who.liyang);
      expect((await plans(a.url, liyang)).status).toBe(200);
      expect((await plans(b.url, liyang)).status).toBe(200);
      expect((await plans(a.url, liyang)).status).toBe(200);
      const refused = await plans(b.url, liyang);
      expect(refused.status).toBe(429);
      expect((await json(refused)).code).toBe('rate-limited');
      expect((await plans(a.url, await a.auth(who.jianglian))).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
