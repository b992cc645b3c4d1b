// The service the HTTP benchmark drives, in its own process: `node http-server.mjs DB JWKS`.
// Prepares one poverty-monitoring case per connection in `assisting` (on a manual clock, so
// the notice period passes at once), then serves on 127.0.0.1 and prints its port.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createManualClock, createRuntime, getPlan } from '@ruralkit/core';
import { createServer, jwtAuthenticator } from '@ruralkit/http';
import { openSqliteStore } from '@ruralkit/store-sqlite';

const plan = getPlan('changjiang-2021');
const tenant = 'bench';
const cadre = { id: 'cadre', roles: ['village-cadre'], tenant, township: 'nianyushan', village: 'liuyang' };

/** Cases in `assisting`, the state where RECORD_INCOME may be sent again and again. */
export async function assistingCases(runtime, clock, count) {
  const who = {
    department: { id: 'dept', roles: ['department'], tenant },
    committee: { ...cadre, id: 'committee', roles: ['village-committee'] },
    official: { id: 'official', roles: ['township-official'], tenant, township: 'nianyushan' },
    county: { id: 'county', roles: ['county-approver'], tenant },
  };
  const ids = [];
  for (let n = 0; n < count; n += 1) {
    const { instanceId } = await runtime.start('poverty-monitoring', {
      tenant,
      subject: { village: 'liuyang', household: `b-${n}` },
      event: {
        type: 'FLAG',
        actor: who.department,
        payload: { channel: 'department-alert', riskTypes: ['income'], note: '' },
      },
    });
    ids.push(instanceId);
  }
  const steps = [
    [
      'CONFIRM_RISK',
      cadre,
      { perCapitaIncomeCny: 4000, riskTypes: ['income'], hasLaborCapacity: true, consentSigned: true },
    ],
    ['REVIEW_PASSED', who.committee, { meetingOn: '2022-01-02', attendees: 20 }],
    ['NOTICE_COMPLETED', who.committee, {}, 6],
    ['TOWNSHIP_APPROVE', who.official, {}],
    ['COUNTY_APPROVE', who.county, { category: 'marginal' }],
  ];
  for (const [type, actor, payload, days] of steps) {
    if (days) clock.advanceDays(days);
    for (const id of ids) await runtime.send(id, { type, actor, payload });
  }
  return ids;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [db, jwks, casesArg] = process.argv.slice(2);
  const store = openSqliteStore(db);
  const clock = createManualClock('2022-01-01T01:00:00Z');
  const ids = await assistingCases(createRuntime({ plan, store, clock }), clock, Number(casesArg ?? 1));
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
