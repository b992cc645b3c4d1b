// `ruralkit relay`: delivers a store's domain events to a signed webhook on a real socket,
// shows where delivery stands and the dead letters, replays from a position, and names what is
// wrong with its options.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { commitEvents, deliveryReport, SECRET, webhookReceiver } from '../../relay/test/support.js';
import { capture, tmp } from './helpers.js';

const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  delete process.env.RURALKIT_WEBHOOK_SECRET;
  for (const close of closing.splice(0)) await close();
});

async function storeWithEvents(count: number) {
  const db = join(tmp(), 'workflows.db');
  const store = openSqliteStore(db);
  await commitEvents(store, ['a', 'b'], count / 2);
  await store.close();
  return db;
}

describe('ruralkit relay', () => {
  it('delivers what is pending with --once, then status shows the position; replay delivers again', async () => {
    const db = await storeWithEvents(6);
    const hook = await webhookReceiver();
    closing.push(() => hook.close());
    process.env.RURALKIT_WEBHOOK_SECRET = SECRET;
    const once = await capture(['relay', '--db', db, '--to', hook.url, '--once']);
    expect(once).toMatchObject({ code: 0, stderr: '' });
    expect(once.stdout).toContain('delivered: 6');
    expect(deliveryReport(hook.received)).toEqual({ distinct: 6, duplicates: 0, outOfOrder: [] });

    const status = await capture(['relay', 'status', '--db', db]);
    expect(status.stdout).toMatch(/delivered through: 6 \(last 6\)\n.*pending: 0 \(claimed 0\)\n.*dead letters: 0/);

    expect((await capture(['relay', 'replay', '--db', db, '--from', '5'])).stdout).toContain('queued again: 2');
    await capture(['relay', '--db', db, '--to', hook.url, '--once']);
    expect(deliveryReport(hook.received)).toMatchObject({ distinct: 6, duplicates: 2, outOfOrder: [] });
  });

  it('lists dead letters after a receiver kept failing', async () => {
    const db = await storeWithEvents(2);
    const hook = await webhookReceiver(() => 500);
    closing.push(() => hook.close());
    process.env.RURALKIT_WEBHOOK_SECRET = SECRET;
    const store = openSqliteStore(db);
    const [first] = await store.pendingOutbox(1);
    await store.deadLetterOutbox({ outboxId: first!.id, destination: hook.url, attempts: 5, error: 'HTTP 500' });
    await store.close();
    const status = await capture(['relay', 'status', '--db', db]);
    expect(status.stdout).toContain('dead letters: 1');
    expect(status.stdout).toContain(`#${first!.id} `);
    expect(status.stdout).toContain(`${hook.url} (5 tries): HTTP 500`);
  });

  it('with --once, a destination that does not answer: exit 1, naming it without its password; nothing is lost', async () => {
    const db = await storeWithEvents(2);
    const result = await capture(['relay', '--db', db, '--to', 'amqp://guest:secret@127.0.0.1:1', '--once']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot deliver to amqp://127.0.0.1:1');
    expect(result.stderr).not.toContain('secret');
    expect(result.stdout).toContain('failed batches: 1');
    expect((await capture(['relay', 'status', '--db', db])).stdout).toMatch(/pending: 2 \(claimed 0\)/);
  });

  it('names what is wrong: no destination, an unknown scheme, no secret, a bad position, a missing store', async () => {
    const db = await storeWithEvents(2);
    const cases: [string[], RegExp][] = [
      [['relay', '--db', db], /give the destination with --to URL/],
      [['relay', '--db', db, '--to', 'ftp://127.0.0.1/x'], /unsupported scheme/],
      [['relay', '--db', db, '--to', 'http://127.0.0.1:9/x'], /needs a signing secret/],
      [['relay', 'replay', '--db', db, '--from', 'x'], /--from must be an outbox position/],
      [['relay', 'status', '--db', join(tmp(), 'missing.db')], /does not exist/],
      [['relay', '--to', 'nats://127.0.0.1:4222'], /give one store/],
    ];
    for (const [argv, message] of cases) {
      const result = await capture(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
