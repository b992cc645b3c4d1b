// The service the HTTP benchmark drives, in its own process: `node http-server.mjs DB JWKS CASES`.
// Prepares CASES poverty-monitoring cases in `assisting` (one per connection), then serves on
// 127.0.0.1 and prints its port and the cases' instance ids.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createManualClock, createRuntime } from '@ruralkit/core';
import { createServer, jwtAuthenticator } from '@ruralkit/http';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { assistingCases, plan } from './cases.mjs';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [db, jwks, casesArg] = process.argv.slice(2);
  const store = openSqliteStore(db);
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const households = Array.from({ length: Number(casesArg ?? 1) }, (_, n) => `b-${n}`);
  const ids = await assistingCases(createRuntime({ plan, store, clock }), clock, households);
  const app = await createServer({
    plans: [plan],
    store,
    authenticate: jwtAuthenticator({ jwks: JSON.parse(readFileSync(jwks, 'utf8')) }),
    limits: { requestsPerMinute: 10_000_000 },
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ port: app.server.address().port, ids }));
  process.once('SIGTERM', () => app.close());
}
