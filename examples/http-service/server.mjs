// ruralkit embedded in an existing Fastify service (嵌入现有服务): the district's own routes stay
// as they are; ruralkit is mounted under /ruralkit with the base plan for every tenant and the
// example county's plugin for its own tenant. A development key pair is made at start and a
// token printed, so the curl calls below work at once.
//   pnpm build && pnpm --filter @ruralkit/example-http-service start [database-file]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { parse } from 'yaml';
import { definePlugin, getPlan, resolvePlan } from '@ruralkit/core';
import { jwtAuthenticator, ruralkit } from '@ruralkit/http';
import { openSqliteStore } from '@ruralkit/store-sqlite';

const file = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'ruralkit-service-')), 'workflows.db');
const base = getPlan('changjiang-2021');
const incomeLines = parse(readFileSync(new URL('../county-plugin/income-lines.plugin.yaml', import.meta.url), 'utf8'));
const county = resolvePlan(base, [definePlugin(incomeLines)]);

// In production the key set comes from the identity provider: readKeyFile('jwks.json').
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'dev', alg: 'ES256' }] };

const app = Fastify({ logger: { level: 'info' } });
app.get('/', async () => ({ service: 'district platform', ruralkit: '/ruralkit/docs' }));
await app.register(ruralkit, {
  plans: [base, { key: 'example-county', plan: county, tenants: ['example-county'] }],
  store: openSqliteStore(file),
  authenticate: jwtAuthenticator({ jwks }),
  prefix: '/ruralkit', // Fastify's own option, given with the service's
});
const address = await app.listen({ port: Number(process.env.PORT ?? 8080), host: '127.0.0.1' });

const token = await new SignJWT({ tenant: 'changjiang', roles: ['township-official'], township: 'liyang' })
  .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
  .setSubject('liyang-official')
  .setExpirationTime('8h')
  .sign(privateKey);
console.log(`
ruralkit at ${address}/ruralkit/docs (workflows in ${file})
TOKEN=${token}
curl -s -X POST '${address}/ruralkit/plans/changjiang-2021/workflows/village-plan' -H "Authorization: Bearer $TOKEN" \\
  -H 'Content-Type: application/json' -d '{"subject":{"village":"jianglian"},"event":{"type":"START"}}'
`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => app.close());
