// Shared by the HTTP tests: a service on 127.0.0.1 (port 0) over a SQLite file, ES256 keys and tokens.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

type KeyLike = Parameters<SignJWT['sign']>[0];
import {
  createManualClock,
  getPlan,
  memoryKeys,
  resolvePlan,
  definePlugin,
  type EvaluationInput,
  type ManualClock,
  type PluginInput,
  type Principal,
} from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { createServer, jwtAuthenticator, type PlanEntry, type ServerOptions } from '@ruralkit/http';
import type { FastifyInstance } from 'fastify';

export const plan = getPlan('changjiang-2021');
export const example = parse(
  readFileSync(new URL('../../../examples/changjiang-2021/data.yaml', import.meta.url), 'utf8'),
) as EvaluationInput;

/** A county's plugin set (the example county's income lines), served to its own tenant only. */
export const countyPlan = resolvePlan(plan, [
  definePlugin(
    parse(
      readFileSync(new URL('../../../examples/county-plugin/income-lines.plugin.yaml', import.meta.url), 'utf8'),
    ) as PluginInput,
  ),
]);

export const keys = await generateKeyPair('ES256', { extractable: true });
export const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'test', alg: 'ES256', use: 'sig' };

export const tenant = 'changjiang';
export const who = {
  liyang: { id: 'liyang-official', roles: ['township-official'], tenant, township: 'liyang' },
  jianglian: {
    id: 'jianglian-committee',
    roles: ['village-committee'],
    tenant,
    township: 'liyang',
    village: 'jianglian',
  },
  household: {
    id: 'lh-001',
    roles: ['household'],
    tenant,
    township: 'nianyushan',
    village: 'liuyang',
    household: 'lh-001',
  },
  supervisor: { id: 'district-supervisor', roles: ['supervisor'], tenant },
  stranger: { id: 'other-official', roles: ['township-official'], tenant: 'elsewhere', township: 'liyang' },
  county: { id: 'county-official', roles: ['township-official'], tenant: 'example-county', township: 'liyang' },
} satisfies Record<string, Principal>;

/** A token for `principal`, signed with the test key unless another is given. */
export async function token(
  principal: Principal,
  options: { key?: KeyLike; expiresIn?: string | number; kid?: string } = {},
): Promise<string> {
  const { id, ...claims } = principal;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'test' })
    .setSubject(id)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(options.key ?? keys.privateKey);
}

export interface TestService {
  url: string;
  clock: ManualClock;
  file: string;
  close: () => Promise<void>;
  auth: (principal: Principal) => Promise<Record<string, string>>;
}

/** A service on a real socket; with the test JWKS unless `authenticate` is given as undefined. */
export async function startService(options: Partial<ServerOptions> & { keyless?: boolean } = {}): Promise<TestService> {
  const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-http-')), 'workflows.db');
  const clock = createManualClock('2022-04-06T09:00:00+08:00');
  const plans: PlanEntry[] = [
    { key: 'changjiang-2021', plan },
    { key: 'example-county', plan: countyPlan, tenants: ['example-county'] },
  ];
  const app = await createServer({
    plans,
    store: openSqliteStore(file),
    clock,
    keys: memoryKeys(),
    logger: false,
    ...(options.keyless ? {} : { authenticate: jwtAuthenticator({ jwks: { keys: [jwk] } }) }),
    ...options,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    clock,
    file,
    close: () => closeWithin(app, 5_000),
    auth: async (principal) => ({ authorization: `Bearer ${await token(principal)}` }),
  };
}

/**
 * Close `app` as a signal would (requests in flight finish), but drop the connections still open
 * after `ms`: a client that never finishes its request (a stuck browser) does not hold a test.
 */
async function closeWithin(app: FastifyInstance, ms: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), ms);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

/** A response's JSON body, as loosely typed as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (response: Response): Promise<any> => response.json();
