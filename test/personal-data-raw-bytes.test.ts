// Issue 22, point 2: personal data must not reach storage or logs through channels nobody
// scans. Four values are written through the real paths — the HTTP service over a socket, the
// runtime for erasure — into SQLite and PostgreSQL: a phone number as Idempotency-Key, an ID
// number as a token's subject and unit and as a refused event's type, a bank-card number as a
// payload key name and as a household id. After `forget`, the raw bytes of the database files
// (the WAL too), a pg_dump of the schema and the service's logs hold none of them, in any of
// the formats they were sent in.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime, generateCheckpointKeys, memoryKeys, type Principal, type WorkflowStore } from '@ruralkit/core';
import { createServer, jwtAuthenticator } from '@ruralkit/http';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { jwk, plan, token, who } from '../packages/http/test/helpers.js';
import { DATABASE_URL, dropTestSchemas, openTestStore, SKIP_POSTGRES } from './support/postgres.js';

const PHONE = ['13957912468', '139-5791-2468', '+8613957912468'];
const ID = ['330106198503174616'];
const CARD = ['6228480012345671', '6228-4800-1234-5671'];
/** Every format each value was sent in, and its bare digits. */
const SECRETS = [...PHONE, ...ID, ...CARD, '3957912468', '8480012345671'];

const household = { ...who.household, id: 'lh-005', household: 'lh-005' };
const supervisor = who.supervisor;

/** Write the four values through the service over a socket, then erase the household's data. */
async function writeEverything(
  store: WorkflowStore,
  beforeClose: () => void = () => {},
): Promise<{ logs: string; statuses: Record<string, number> }> {
  const logs: string[] = [];
  const personal = memoryKeys();
  const app = await createServer({
    plans: [{ key: 'changjiang-2021', plan }],
    store,
    keys: personal,
    auditKey: generateCheckpointKeys().privateKey,
    authenticate: jwtAuthenticator({ jwks: { keys: [jwk] } }),
    logger: { level: 'trace', stream: { write: (line: string) => void logs.push(line) } },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const call = async (principal: Principal, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token(principal)}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const flag = (extra: Record<string, unknown> = {}) => ({
    type: 'FLAG',
    payload: { channel: 'self-declaration', riskTypes: ['income'], note: '收入骤减', ...extra },
  });
  const statuses: Record<string, number> = {};
  try {
    const start = '/plans/changjiang-2021/workflows/poverty-monitoring';
    const subject = { village: 'liuyang', household: 'lh-005' };
    let instanceId = '';
    for (const [i, key] of PHONE.entries()) {
      const sent = await call(household, start, { subject, event: flag() }, { 'idempotency-key': key });
      statuses[`idempotency ${i}`] = sent.status;
      instanceId ||= ((await sent.json()) as { instanceId: string }).instanceId;
    }
    statuses.sub = (await call({ ...household, id: ID[0]! }, start, { subject, event: flag() })).status;
    statuses.unit = (await call({ ...supervisor, unit: ID[0]! }, `/instances/${instanceId}/events`, flag())).status;
    statuses.type = (await call(household, `/instances/${instanceId}/events`, { type: ID[0] })).status;
    for (const card of CARD) {
      statuses[`key ${card}`] = (
        await call(household, `/instances/${instanceId}/events`, flag({ [card]: 'x' }))
      ).status;
      statuses[`household ${card}`] = (
        await call({ ...household, id: 'x', household: card }, start, {
          subject: { village: 'liuyang', household: card },
          event: flag(),
        })
      ).status;
    }
    const runtime = createRuntime({ plan, store, keys: personal });
    await runtime.forget({
      tenant: 'changjiang',
      subject,
      actor: { ...supervisor, township: 'nianyushan' },
      reason: 'R-22',
    });
    beforeClose();
  } finally {
    await app.close();
  }
  return { logs: logs.join(''), statuses };
}

const expectNone = (where: string, bytes: Buffer | string) => {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
  for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
};

const refusedOrRetried = (statuses: Record<string, number>) => {
  expect(statuses['idempotency 0']).toBe(201);
  for (const [what, status] of Object.entries(statuses)) {
    if (!what.startsWith('idempotency')) expect(status, what).toBeGreaterThanOrEqual(400);
  }
};

describe('personal data in channels nobody scanned (issue 22, point 2)', () => {
  it('SQLite: none of the values is in the database file, its WAL or the logs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ruralkit-raw-')), 'workflows.db');
    const store = openSqliteStore(file);
    const files = () => {
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) expectNone(`workflows.db${suffix}`, readFileSync(file + suffix));
      }
    };
    const { logs, statuses } = await writeEverything(store, () => {
      expect(existsSync(`${file}-wal`)).toBe(true);
      files(); // while the service runs: the WAL holds the newest pages
    });
    refusedOrRetried(statuses);
    files(); // closed: the WAL checkpointed into the file
    const reopened = openSqliteStore(file);
    expect((await reopened.readAudit()).length).toBeGreaterThan(5);
    await reopened.close();
    expectNone('the logs', logs);
  });

  describe.skipIf(SKIP_POSTGRES !== undefined)('PostgreSQL', () => {
    afterAll(() => dropTestSchemas());

    it('none of the values is in a pg_dump of the schema or the logs', async () => {
      const store = await openTestStore();
      const { logs, statuses } = await writeEverything(store);
      refusedOrRetried(statuses);
      const dump = execFileSync('pg_dump', ['--dbname', DATABASE_URL!, '--schema', store.schema], {
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(dump.toString()).toContain('COPY');
      expectNone('pg_dump', dump);
      expectNone('the logs', logs);
    });
  });
});
