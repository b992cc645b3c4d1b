// `ruralkit workflow keygen | checkpoint | verify` over a real SQLite file (issue 14, point 1):
// signed checkpoints kept outside the database catch a chain cut back with its head rewritten
// and its checkpoints deleted; a missing head stops the next write with a clear message.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { capture, tmp } from './helpers.js';

const official = { id: 'liyang-official', roles: ['township-official'], tenant: 'changjiang', township: 'liyang' };
const start = (db: string) =>
  capture([
    ...['workflow', 'start', 'village-plan', '--db', db, '--tenant', 'changjiang', '--village', 'jianglian'],
    ...['--event', JSON.stringify({ type: 'START', actor: official }), '--at', '2021-03-01T09:00:00+08:00'],
  ]);
const draft = (db: string, id: string) =>
  capture([
    ...['workflow', 'send', id, '--db', db, '--at', '2021-03-02T09:00:00+08:00'],
    ...['--event', JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'JL-1' }, actor: official })],
  ]);

describe('ruralkit workflow keygen, checkpoint and verify', () => {
  it('signs checkpoints with a key kept outside the database and finds a chain cut back below them', async () => {
    const dir = tmp();
    const db = join(dir, 'wf.db');
    const key = join(dir, 'audit-key.pem');
    const exported = join(dir, 'checkpoints.jsonl');
    const id = (await start(db)).stdout.trim();
    expect((await draft(db, id)).code).toBe(0);

    const made = await capture(['workflow', 'keygen', '--out', key]);
    expect(made).toMatchObject({ code: 0, stdout: `${key}\n${key}.pub\n` });
    expect(statSync(key).mode & 0o077).toBe(0); // the private key is the owner's only
    const again = await capture(['workflow', 'keygen', '--out', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists: an existing key is never overwritten');

    const signed = await capture(['workflow', 'checkpoint', '--db', db, '--key', key, '--export', exported]);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/^changjiang #2 [0-9a-f]{16}… /);
    expect(readFileSync(exported, 'utf8').trim().split('\n')).toHaveLength(1);

    const verified = await capture(['workflow', 'verify', '--db', db, '--public-key', `${key}.pub`]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('audit chain intact: 2 entries');
    expect(verified.stdout).toContain('signed checkpoints: 1, signatures verified');
    expect((await capture(['workflow', 'verify', '--db', db])).stdout).toContain('signatures not checked');

    // someone who can write the database deletes the newest entry, rewrites the head, and
    // deletes the checkpoints table's rows: only the exported file still knows
    const store = openSqliteStore(db);
    const first = store.db.prepare('SELECT hash FROM audit WHERE seq = 1').get() as { hash: string };
    store.db.prepare('DELETE FROM audit WHERE seq = 2').run();
    store.db.prepare('UPDATE audit_heads SET seq = 1, hash = ?').run(first.hash);
    store.db.prepare('DELETE FROM audit_checkpoints').run();
    await store.close();
    const caught = await capture([
      ...['workflow', 'verify', '--db', db, '--public-key', `${key}.pub`, '--checkpoints', exported],
    ]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain('audit chain broken');
    expect(caught.stdout).toContain('audit entry #2 is missing: the chain was cut back below the checkpoint #2');
    const refused = await capture(['workflow', 'checkpoint', '--db', db, '--key', key]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the audit chain is broken, so no checkpoint is signed');
  });

  it('stops the next write when the head row is gone, saying to run verify', async () => {
    const dir = tmp();
    const db = join(dir, 'wf.db');
    const id = (await start(db)).stdout.trim();
    const store = openSqliteStore(db);
    store.db.prepare('DELETE FROM audit_heads').run();
    await store.close();
    const sent = await draft(db, id);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('the audit chain head of tenant changjiang is missing, with audit entry #1');
    expect(sent.stderr).toContain('run `ruralkit workflow verify`');
    expect(sent.stderr).not.toContain('another writer');
    const verified = await capture(['workflow', 'verify', '--db', db]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('the audit chain head row is missing');
  });

  it('refuses missing and unusable keys and checkpoint files, naming them', async () => {
    const dir = tmp();
    const db = join(dir, 'wf.db');
    await start(db);
    const notKey = join(dir, 'not-a-key.pem');
    writeFileSync(notKey, 'hello');
    const badLines = join(dir, 'bad.jsonl');
    writeFileSync(badLines, '{"tenant":"changjiang"}\n');
    const cases: [string[], string][] = [
      [['workflow', 'checkpoint', '--db', db], '--key is required'],
      [['workflow', 'checkpoint', '--db', db, '--key', join(dir, 'nowhere.pem')], 'file not found'],
      [['workflow', 'checkpoint', '--db', db, '--key', notKey], 'is not an Ed25519 private key (PEM)'],
      [['workflow', 'verify', '--db', db, '--public-key', notKey], 'is not an Ed25519 public key (PEM)'],
      [['workflow', 'verify', '--db', db, '--checkpoints', badLines], 'line 1 of'],
      [['workflow', 'keygen'], '--out is required'],
      [['workflow', 'verify', '--db', join(dir, 'mistyped.db')], 'does not exist'],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await capture(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toContain(message);
    }
    expect(existsSync(join(dir, 'mistyped.db'))).toBe(false);
  });

  it('signs every entry with --audit-key: an appended entry and a dropped checkpoints table are reported; keys rotate', async () => {
    const dir = tmp();
    const db = join(dir, 'wf.db');
    const [oldKey, newKey] = [join(dir, 'old.pem'), join(dir, 'new.pem')];
    for (const key of [oldKey, newKey]) expect((await capture(['workflow', 'keygen', '--out', key])).code).toBe(0);
    const id = (await start(db)).stdout.trim();
    // the first entry unsigned (before the audit key), the next ones signed: old, then new key
    const send = (key: string, at: string, draft: string) =>
      capture([
        ...['workflow', 'send', id, '--db', db, '--at', at, '--audit-key', key],
        ...['--event', JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft }, actor: official })],
      ]);
    expect((await send(oldKey, '2021-03-02T09:00:00+08:00', 'JL-1')).code).toBe(0);
    const rotated = await capture([
      ...['workflow', 'send', id, '--db', db, '--at', '2021-03-03T09:00:00+08:00', '--audit-key', newKey],
      ...['--event', JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'JL-2' }, actor: official })],
    ]);
    expect(rotated.code).toBeGreaterThan(0); // refused (a second draft) — and audited, signed with the new key
    const windows = ['--public-key', `${oldKey}.pub@..2021-03-03`, '--public-key', `${newKey}.pub@2021-03-03..`];
    const verified = await capture(['workflow', 'verify', '--db', db, ...windows]);
    expect(verified.stdout).toContain('audit chain intact: 3 entries');
    expect(verified.stdout).toContain('signed entries: 2, signatures verified');
    const onlyNew = await capture(['workflow', 'verify', '--db', db, '--public-key', `${newKey}.pub`]);
    expect(onlyNew.code).toBe(1);
    expect(onlyNew.stdout).toContain('audit entry #2');
    const signed = await capture([
      'workflow',
      'checkpoint',
      '--db',
      db,
      '--key',
      newKey,
      '--public-key',
      `${oldKey}.pub@..2021-03-03`,
    ]);
    expect(signed.code, signed.stderr).toBe(0);

    // an entry written without the key, as a database writer (or a forgotten --audit-key) would
    const unsigned = await capture([
      ...['workflow', 'send', id, '--db', db, '--at', '2021-03-04T09:00:00+08:00'],
      ...['--event', JSON.stringify({ type: 'SUBMIT_DRAFT', payload: { draft: 'JL-3' }, actor: official })],
    ]);
    expect(unsigned.code).toBeGreaterThan(0);
    const caught = await capture(['workflow', 'verify', '--db', db]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain('audit entry #4');
    expect(caught.stdout).toContain('is not signed, though the entries before it are');

    const store = openSqliteStore(db);
    store.db.prepare('DELETE FROM audit WHERE seq = 4').run();
    const third = store.db.prepare('SELECT hash FROM audit WHERE seq = 3').get() as { hash: string };
    store.db.prepare('UPDATE audit_heads SET seq = 3, hash = ?').run(third.hash);
    store.db.prepare('DROP TABLE audit_checkpoints').run();
    await store.close();
    const dropped = await capture(['workflow', 'verify', '--db', db, ...windows]);
    expect(dropped.code, dropped.stderr).toBe(1);
    expect(dropped.stdout).toContain('the checkpoints table audit_checkpoints is gone: it was dropped');
  });
});
