// `ruralkit serve` as a process: it starts on a SQLite file, opens only health and the documents
// without a key, and on SIGTERM lets a request in flight finish before it exits.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { testJwks } from './helpers.js';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, dropTestSchemas, SKIP_POSTGRES, testSchema } from '../../../test/support/postgres.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');

/** Start `ruralkit serve` with `args`; resolves with the child and the URL it printed. */
async function serve(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn('node', [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, url, exited, stderr: () => stderr };
}

describe('ruralkit serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-serve-'));

  it('needs a store', () => {
    const result = spawnSync('node', [bin, 'serve'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('give one store: --db FILE (SQLite) or --database-url postgres://… (PostgreSQL)');
    const both = spawnSync('node', [bin, 'serve', '--db', join(dir, 'x.db'), '--database-url', 'postgres://x'], {
      encoding: 'utf8',
    });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('give one store');
    const stray = spawnSync('node', [bin, 'serve', '--db', join(dir, 'x.db'), '--schema', 'other'], {
      encoding: 'utf8',
    });
    expect(stray.stderr).toContain('--schema goes with --database-url');
  });

  it('refuses a bad --max-token-lifetime and --redis-url, naming them', () => {
    const db = join(dir, 'options.db');
    for (const [option, value] of [
      ['--max-token-lifetime', '1d'],
      ['--max-token-lifetime', '0'],
      ['--redis-url', '127.0.0.1:6379'],
    ] as const) {
      const result = spawnSync('node', [bin, 'serve', '--db', db, option, value], { encoding: 'utf8' });
      expect(result.status, `${option} ${value}`).toBe(2);
      expect(result.stderr).toContain(`${option} must be`);
      expect(result.stderr).toContain(value);
    }
  });

  // The test database, in a schema of this run; another database named in DATABASE_URL does not exist.
  const database = DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = ['--schema', testSchema('serve')];
  const { DATABASE_URL: _unset, ...withoutUrl } = process.env;
  afterAll(dropTestSchemas);

  it.skipIf(SKIP_POSTGRES !== undefined)('serves the database of --database-url, with DATABASE_URL unset', async () => {
    const service = await serve(['--database-url', database, ...schema], withoutUrl);
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  });

  it.skipIf(SKIP_POSTGRES !== undefined)(
    'serves the database of --database-url over DATABASE_URL, warning of both without passwords',
    async () => {
      const other = 'postgres://postgres:s3cret@127.0.0.1:5432/ruralkit_no_such_database';
      const service = await serve(['--database-url', database.replace('postgres@', 'postgres:hunter2@'), ...schema], {
        ...withoutUrl,
        DATABASE_URL: other,
      });
      try {
        expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
        const warning = service
          .stderr()
          .split('\n')
          .find((line) => line.includes('DATABASE_URL'));
        expect(warning).toContain('--database-url');
        expect(warning).toContain('postgres://postgres:***@127.0.0.1:5432/ruralkit_no_such_database');
        expect(warning).toContain(`${database.replace('postgres@', 'postgres:***@')}`);
        expect(service.stderr()).not.toMatch(/s3cret|hunter2/);
      } finally {
        service.child.kill('SIGTERM');
        expect(await service.exited).toBe(0);
      }
    },
  );

  it('opens health and the documents only, without a key', async () => {
    const service = await serve(['--db', join(dir, 'open.db')]);
    try {
      expect(service.stderr()).toContain('only health checks and the documentation are open');
      expect((await fetch(`${service.url}/livez`)).status).toBe(200);
      expect((await fetch(`${service.url}/docs`)).status).toBe(200);
      expect((await fetch(`${service.url}/plans`)).status).toBe(401);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  });

  it('drains a request in flight on SIGTERM, then exits', async () => {
    const { jwks, token: tokenOf } = await testJwks(dir);
    const token = await tokenOf();
    const service = await serve(['--db', join(dir, 'drain.db'), '--jwks', jwks]);
    const household = { id: 'h-1', villageId: 'liuyang', size: 3 };
    // A streamed screening request, its body sent in two parts around the signal.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${service.url}/plans/changjiang-2021/screen?asOf=2024-12-31`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(`${JSON.stringify(household)}\n`);
      setTimeout(() => {
        service.child.kill('SIGTERM');
        setTimeout(() => req.end(`${JSON.stringify({ ...household, id: 'h-2' })}\n`), 300);
      }, 300);
    });
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(
      body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).subject.id),
    ).toEqual(['h-1', 'h-2']);
    expect(await service.exited).toBe(0);
  });

  it('signs every audit entry with --audit-key and checkpoints on its own every N entries', async () => {
    const { jwks, token: tokenOf } = await testJwks(dir, 'audit-jwks.json');
    const token = await tokenOf();
    const auditKey = join(dir, 'audit.pem');
    expect(spawnSync('node', [bin, 'workflow', 'keygen', '--out', auditKey]).status).toBe(0);
    const db = join(dir, 'signed.db');
    const args = ['--db', db, '--jwks', jwks, '--audit-key', auditKey, '--checkpoint-every', '2'];
    const service = await serve(args);
    try {
      for (const household of ['lh-001', 'lh-002']) {
        const started = await fetch(`${service.url}/plans/changjiang-2021/workflows/poverty-monitoring`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            subject: { village: 'liuyang', household },
            event: { type: 'FLAG', payload: { channel: 'department-alert', riskTypes: ['income'], note: '' } },
          }),
        });
        expect(started.status).toBe(201);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
    const verified = spawnSync('node', [bin, 'workflow', 'verify', '--db', db, '--public-key', `${auditKey}.pub`], {
      encoding: 'utf8',
    });
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('signed entries: 2, signatures verified');
    expect(verified.stdout).toContain('signed checkpoints: 1, signatures verified');
    const refused = spawnSync('node', [bin, 'serve', '--db', db, '--checkpoint-every', '2'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--checkpoint-every and --checkpoint-minutes go with --audit-key');
  });
});
