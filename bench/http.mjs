// Benchmark (基准测试) of the HTTP service against the same work in-process, in one run:
// workflow event sends (RECORD_INCOME on SQLite) and evaluation of the example input, over HTTP
// with autocannon against `http-server.mjs` in its own process, and in-process (runtime.send;
// evaluate + JSON.stringify). Prints one `BENCH {json}` line per measurement, with p99 latency.
// Run after `pnpm build`: `pnpm bench:http [seconds] [connections]`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { parse } from 'yaml';
import { createManualClock, createRuntime, evaluate } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { assistingCases, cadre, incomePayload, plan } from './cases.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 8);
// Issue 24: over HTTP at three quarters of the same work in-process, or better.
const TARGET_RATIO = 0.75;
const example = parse(readFileSync(new URL('../examples/changjiang-2021/data.yaml', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-http-'));
const round = (n) => Math.round(n * 100) / 100;
const line = (o) => console.log(`BENCH ${JSON.stringify(o)}`);

/** Operations a second and p99 latency (ms) of `op` run back to back for `SECONDS`. */
async function inProcess(op) {
  for (let i = 0; i < 200; i += 1) await op(i);
  const durations = [];
  const end = performance.now() + SECONDS * 1000;
  let i = 0;
  const start = performance.now();
  while (performance.now() < end) {
    const t = performance.now();
    await op(i++);
    durations.push(performance.now() - t);
  }
  const elapsed = (performance.now() - start) / 1000;
  durations.sort((a, b) => a - b);
  return { perSecond: i / elapsed, p99: durations[Math.floor(durations.length * 0.99)] };
}

async function overHttp(options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${failed} requests failed over HTTP`);
  return { perSecond: result.requests.average, p99: result.latency.p99, requests: result.requests.total };
}

// The service, in its own process, with its own key.
const keys = await generateKeyPair('ES256');
const jwks = join(dir, 'jwks.json');
writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'bench', alg: 'ES256' }] }));
const token = await new SignJWT({
  tenant: 'bench',
  roles: ['village-cadre'],
  township: 'nianyushan',
  village: 'liuyang',
})
  .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
  .setSubject('cadre')
  .setExpirationTime('1h')
  .sign(keys.privateKey);
const server = spawn(
  process.execPath,
  [new URL('./http-server.mjs', import.meta.url).pathname, join(dir, 'http.db'), jwks, String(CONNECTIONS)],
  // As deployed: NODE_ENV=production (responses are not re-checked against their schemas).
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
);
const { port, ids } = JSON.parse(
  await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve)),
);
const url = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

try {
  // Workflow sends: one case per connection, so sends race only with themselves.
  const store = openSqliteStore(join(dir, 'in-process.db'));
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const runtime = createRuntime({ plan, store, clock });
  const [local] = await assistingCases(runtime, clock, ['local']);
  const sendsLocal = await inProcess((i) =>
    runtime.send(local, { type: 'RECORD_INCOME', actor: cadre, payload: incomePayload(i) }),
  );
  await store.close();
  let next = 0;
  const sendsHttp = await overHttp({
    url,
    method: 'POST',
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            path: `/instances/${ids[i % ids.length]}/events`,
            body: JSON.stringify({ type: 'RECORD_INCOME', payload: incomePayload(i) }),
          };
        },
      },
    ],
  });

  // Evaluation of the example input.
  const evaluationLocal = await inProcess(() => JSON.stringify(evaluate(plan, example, { asOf: '2025-12-31' })));
  const evaluationHttp = await overHttp({
    url: `${url}/plans/changjiang-2021/evaluate?asOf=2025-12-31`,
    method: 'POST',
    headers,
    body: JSON.stringify(example),
  });

  for (const [name, local, http] of [
    ['workflow-event-send', sendsLocal, sendsHttp],
    ['evaluation-example', evaluationLocal, evaluationHttp],
  ]) {
    line({ name, impl: 'in-process', perSecond: Math.round(local.perSecond), p99Ms: round(local.p99) });
    const ratio = round(http.perSecond / local.perSecond);
    line({
      name,
      impl: 'http',
      perSecond: Math.round(http.perSecond),
      p99Ms: round(http.p99),
      requests: http.requests,
      connections: CONNECTIONS,
      ratioToInProcess: ratio,
      target: TARGET_RATIO,
      withinTarget: ratio >= TARGET_RATIO,
    });
  }
} finally {
  const exited = server.exitCode !== null || server.signalCode !== null;
  if (!exited) await new Promise((resolve) => server.once('exit', resolve).kill('SIGTERM'));
  rmSync(dir, { recursive: true, force: true });
}
