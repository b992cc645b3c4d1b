// Tampering by someone who can write the database (issue 14, point 1), as raw SQL on a real
// store: each case edits the tables after a village plan was walked and a checkpoint signed,
// and verification must name the problem and where it is. Shared by the SQLite and PostgreSQL tests.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuditBrokenError,
  canonicalJson,
  checkpointKeyId,
  checkpointText,
  createMaintenance,
  createRuntime,
  generateCheckpointKeys,
  readCheckpoints,
  type AuditCheckpoint,
  type AuditVerification,
  type WorkflowStore,
} from '@ruralkit/core';
import { auditEntryText } from '@ruralkit/core/store';
import {
  harness,
  official,
  PATHS,
  plan,
  START_AT,
  walk,
  type Harness,
} from '../../packages/core/test/workflows/fixtures.js';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Raw SQL on the store's database, as an intruder with a database client would write it. */
export interface RawDatabase {
  /** Run statements. */
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  /** A table's name as SQL must spell it. */
  table(name: string): string;
}

/** A string as an SQL literal. */
export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

const keys = generateCheckpointKeys();

interface Scene {
  h: Harness;
  id: string;
  raw: RawDatabase;
  /** The checkpoints exported to a file when they were signed (kept outside the database). */
  exported: AuditCheckpoint[];
  t: (name: string) => string;
  entry: (seq: number) => Promise<{ entry: string; hash: string }>;
}

/** Register the tampering cases for a store opened by `open` (a fresh, empty one each time). */
export function tamperSuite(
  name: string,
  open: () => Promise<{ store: WorkflowStore; raw: RawDatabase; close: () => Promise<void> }>,
): void {
  describe(`tampering with the ${name} store by raw SQL`, () => {
    /** A village plan walked and checkpointed; with `signed`, by a runtime that signs its entries. */
    async function scene(run: (scene: Scene) => Promise<void>, signing = false) {
      const { store, raw, close } = await open();
      try {
        const bare = harness(START_AT['village-plan'], store);
        const maintenance = signing
          ? createMaintenance({ store, clock: bare.clock, auditKey: keys.privateKey })
          : bare.maintenance;
        const h = signing
          ? {
              ...bare,
              maintenance,
              runtime: createRuntime({ plan, store, clock: bare.clock, keys: bare.keys, maintenance }),
            }
          : bare;
        const id = await walk(h, PATHS['village-plan']);
        const signed = await h.maintenance.checkpoint(keys.privateKey);
        // the export file: one JSON line per checkpoint, read back as the CLI does
        const exported = readCheckpoints(signed.map((c) => `${checkpointText(c)}\n`).join(''), 'checkpoints.jsonl');
        expect(await h.maintenance.verify({ publicKey: keys.publicKey })).toMatchObject({
          ok: true,
          entries: 7,
          checkpoints: { count: 1, signatures: 'verified' },
        });
        const t = raw.table;
        const entry = async (seq: number) =>
          (
            await raw.rows<{ entry: string; hash: string }>(`SELECT entry, hash FROM ${t('audit')} WHERE seq = ${seq}`)
          )[0]!;
        await run({ h, id, raw, exported, t, entry });
      } finally {
        await close();
      }
    }
    const broken = (v: AuditVerification) => {
      expect(v.ok).toBe(false);
      return v as Extract<AuditVerification, { ok: false }>;
    };

    it('deleting the newest entries with the head row: found, and the next write says the head is missing', async () => {
      await scene(async ({ h, id, raw, t }) => {
        await raw.exec(`DELETE FROM ${t('audit')} WHERE seq >= 6`);
        await raw.exec(`DELETE FROM ${t('audit_heads')}`);
        await raw.exec(`DELETE FROM ${t('audit_checkpoints')}`);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ tenant: 'changjiang', problem: 'head', seq: 5 });
        expect(found.message.en).toContain('head row is missing');
        const write = h.runtime.send(id, { type: 'PUBLISH', actor: official() }).catch((e: unknown) => e);
        const error = await write;
        expect(error).toBeInstanceOf(AuditBrokenError);
        expect((error as Error).message).toContain('audit chain head of tenant changjiang is missing');
        expect((error as Error).message).toContain('ruralkit workflow verify');
        expect((error as Error).message).not.toContain('another writer');
      });
    });

    it('cutting the chain back and rewriting the head: found by the signed checkpoint', async () => {
      await scene(async ({ h, raw, t, entry }) => {
        const fifth = await entry(5);
        await raw.exec(`DELETE FROM ${t('audit')} WHERE seq >= 6`);
        await raw.exec(`UPDATE ${t('audit_heads')} SET seq = 5, hash = ${lit(fifth.hash)}`);
        const found = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(found).toMatchObject({ tenant: 'changjiang', problem: 'checkpoint', seq: 6 });
        expect(found.message.en).toContain('audit entries #6 to #7 are missing');
      });
    });

    it('re-hashing the whole chain after an edit: found by the signed checkpoint, located', async () => {
      await scene(async ({ h, raw, t }) => {
        const rows = await raw.rows<{ seq: number | string; entry: string }>(
          `SELECT seq, entry FROM ${t('audit')} ORDER BY seq`,
        );
        let prevHash = '';
        for (const row of rows) {
          const entry = JSON.parse(row.entry);
          if (Number(row.seq) === 4) entry.payload = { attendees: 120, inFavour: 40 };
          if (prevHash) entry.prevHash = prevHash;
          const text = auditEntryText(entry);
          prevHash = sha256Hex(text);
          await raw.exec(
            `UPDATE ${t('audit')} SET entry = ${lit(text)}, prev_hash = ${lit(entry.prevHash)}, hash = ${lit(prevHash)} WHERE seq = ${row.seq}`,
          );
        }
        await raw.exec(`UPDATE ${t('audit_heads')} SET hash = ${lit(prevHash)}`);
        const found = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(found).toMatchObject({ problem: 'checkpoint', seq: 1 });
        expect(found.message.en).toContain('does not match the checkpoint #7');
        expect(found.message.en).toContain('changed and re-hashed');
      });
    });

    it('a swapped head row: found', async () => {
      await scene(async ({ h, raw, t, entry }) => {
        const sixth = await entry(6);
        await raw.exec(`UPDATE ${t('audit_heads')} SET hash = ${lit(sixth.hash)}`);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'head', seq: 7 });
      });
    });

    it("changing an entry's instance_id column: found at that entry", async () => {
      await scene(async ({ h, id, raw, t }) => {
        await raw.exec(`UPDATE ${t('audit')} SET instance_id = 'another-instance' WHERE seq = 4`);
        expect(await h.runtime.history(id)).toHaveLength(6); // what a query sees: history lies
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'changed', seq: 4, instanceId: id });
        expect(found.message.en).toContain('column instance_id says "another-instance"');
      });
    });

    it('emptying the log: found by the stored checkpoint, by the exported one, and by the instance left', async () => {
      await scene(async ({ h, id, raw, t, exported }) => {
        await raw.exec(`DELETE FROM ${t('audit')}`);
        await raw.exec(`DELETE FROM ${t('audit_heads')}`);
        const stored = broken(await h.maintenance.verify());
        expect(stored).toMatchObject({ problem: 'checkpoint', seq: 1, entries: 0 });
        expect(stored.message.en).toContain('audit entries #1 to #7 are missing');
        await raw.exec(`DELETE FROM ${t('audit_checkpoints')}`);
        const outside = broken(await h.maintenance.verify({ publicKey: keys.publicKey, checkpoints: exported }));
        expect(outside).toMatchObject({ problem: 'checkpoint', seq: 1 });
        const bare = broken(await h.maintenance.verify());
        expect(bare).toMatchObject({ problem: 'instance', instanceId: id });
        expect(bare.message.en).toContain('no audit entry records it');
      });
    });

    it('duplicate JSON keys that SQL reads differently from the verifier: refused, naming the entry', async () => {
      await scene(async ({ h, raw, t, entry }) => {
        const fourth = await entry(4);
        const doubled = `{"event":"APPROVE",${fourth.entry.slice(1)}`;
        expect(JSON.parse(doubled).event).toBe('RECORD_VOTE'); // the verifier's JSON reads the last key
        await raw.exec(`UPDATE ${t('audit')} SET entry = ${lit(doubled)} WHERE seq = 4`);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'unreadable', seq: 4 });
        expect(found.message.en).toContain('duplicate keys');
      });
    });

    it('an edited instance row, record or column: found, naming the instance', async () => {
      await scene(async ({ h, id, raw, t }) => {
        const [row] = await raw.rows<{ record: string }>(`SELECT record FROM ${t('instances')}`);
        const record = JSON.parse(row!.record);
        record.state = 'drafting';
        await raw.exec(`UPDATE ${t('instances')} SET record = ${lit(canonicalJson(record))}`);
        const changed = broken(await h.maintenance.verify());
        expect(changed).toMatchObject({ problem: 'instance', instanceId: id, seq: 7 });
        expect(changed.message.en).toContain('differs from what audit entry #7 recorded');
        await raw.exec(`UPDATE ${t('instances')} SET record = ${lit(row!.record)}, state = 'drafting'`);
        const column = broken(await h.maintenance.verify());
        expect(column).toMatchObject({ problem: 'instance', instanceId: id });
        expect(column.message.en).toContain('column state says "drafting"');
      });
    });

    it('an edited or deleted outbox row: found, naming the row or the entry that emitted it', async () => {
      await scene(async ({ h, raw, t }) => {
        const rows = await raw.rows<{ id: number | string; event: string }>(
          `SELECT id, event FROM ${t('outbox')} ORDER BY id`,
        );
        const second = rows[1]!;
        const event = JSON.parse(second.event);
        event.data = { ...event.data, to: 'approved' };
        await raw.exec(`UPDATE ${t('outbox')} SET event = ${lit(canonicalJson(event))} WHERE id = ${second.id}`);
        const changed = broken(await h.maintenance.verify());
        expect(changed).toMatchObject({ problem: 'outbox', outboxId: Number(second.id) });
        expect(changed.message.en).toContain(`domain event #${second.id}`);
        await raw.exec(`DELETE FROM ${t('outbox')} WHERE id = ${second.id}`);
        const deleted = broken(await h.maintenance.verify());
        expect(deleted).toMatchObject({ problem: 'outbox', seq: 2 });
        expect(deleted.message.en).toContain('emitted with audit entry #2 is missing');
      });
    });

    it('two entries swapped: reported as a swap at both seqs, not as a deletion', async () => {
      await scene(async ({ h, raw, t }) => {
        const a = `${t('audit')}`;
        const [three, four] = await raw.rows<Record<string, string>>(
          `SELECT instance_id, prev_hash, hash, entry FROM ${a} WHERE seq IN (3, 4) ORDER BY seq`,
        );
        const set = (row: Record<string, string>, seq: number) =>
          raw.exec(
            `UPDATE ${a} SET instance_id = ${lit(row.instance_id!)}, prev_hash = ${lit(row.prev_hash!)}, hash = ${lit(row.hash!)}, entry = ${lit(row.entry!)} WHERE seq = ${seq}`,
          );
        await set(four!, 3);
        await set(three!, 4);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'reordered', seq: 3 });
        expect(found.message.en).toContain('audit entries #3 and #4 were swapped');
      });
    });

    it('an entry that is not JSON: reported with its seq, history names it too', async () => {
      await scene(async ({ h, id, raw, t }) => {
        await raw.exec(`UPDATE ${t('audit')} SET entry = '{"event": RECORD_VOTE' WHERE seq = 5`);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'unreadable', seq: 5 });
        expect(found.message.en).toContain('audit entry #5 is not valid JSON');
        await expect(h.runtime.history(id)).rejects.toThrow('audit entry #5 of tenant changjiang is not valid JSON');
      });
    });

    it('a forged checkpoint or a deleted checkpoints table: found with the public key and the exported file', async () => {
      await scene(async ({ h, raw, t, exported, entry }) => {
        const cp = exported[0]!;
        const forged = { ...cp, seq: 5, headHash: (await entry(5)).hash };
        await raw.exec(
          `INSERT INTO ${t('audit_checkpoints')} (tenant, seq, key_id, checkpoint) VALUES ('changjiang', 5, ${lit(cp.keyId)}, ${lit(checkpointText(forged))})`,
        );
        const found = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(found).toMatchObject({ problem: 'checkpoint', seq: 5 });
        expect(found.message.en).toContain('no valid signature');
        // the intruder deletes every checkpoint and cuts the chain back with its head
        await raw.exec(`DELETE FROM ${t('audit_checkpoints')}`);
        const sixth = await entry(6);
        await raw.exec(`DELETE FROM ${t('audit')} WHERE seq = 7`);
        await raw.exec(`UPDATE ${t('audit_heads')} SET seq = 6, hash = ${lit(sixth.hash)}`);
        // no checkpoint left inside: the instance row, newer than its last entry, still gives it away
        const inside = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(inside).toMatchObject({ problem: 'instance', seq: 6 });
        const outside = broken(await h.maintenance.verify({ publicKey: keys.publicKey, checkpoints: exported }));
        expect(outside).toMatchObject({ problem: 'checkpoint', seq: 7 });
        expect(outside.message.en).toContain('audit entry #7 is missing');
      });
    });

    /** Append a forged entry after the head, with the head row moved to it, as a database writer can. */
    async function appendForged(
      { raw, t, entry }: Scene,
      change: (forged: Record<string, unknown>) => void,
    ): Promise<number> {
      const last = (await raw.rows<{ seq: number | string }>(`SELECT max(seq) AS seq FROM ${t('audit')}`))[0]!.seq;
      const head = await entry(Number(last));
      const forged = { ...JSON.parse(head.entry), seq: Number(last) + 1, prevHash: head.hash, event: 'APPROVE' };
      delete forged.signature;
      change(forged);
      const text = auditEntryText(forged);
      const hash = sha256Hex(text);
      await raw.exec(
        `INSERT INTO ${t('audit')} (tenant, seq, instance_id, prev_hash, hash, entry) VALUES ('changjiang', ${forged.seq}, ${lit(forged.instanceId)}, ${lit(head.hash)}, ${lit(hash)}, ${lit(text)})`,
      );
      await raw.exec(`UPDATE ${t('audit_heads')} SET seq = ${forged.seq}, hash = ${lit(hash)}`);
      return forged.seq;
    }

    it('an entry appended after the last checkpoint, unsigned or signed with another key: found, and not checkpointed', async () => {
      await scene(async (sc) => {
        const { h } = sc;
        const seq = await appendForged(sc, () => {});
        // once a chain is signed, an unsigned entry is found even without the public key
        const bare = broken(await h.maintenance.verify());
        expect(bare).toMatchObject({ problem: 'signature', seq });
        expect(bare.message.en).toContain('is not signed');
        await expect(h.maintenance.checkpoint()).rejects.toThrow(AuditBrokenError);
        const before = await sc.entry(seq - 1);
        await sc.raw.exec(`DELETE FROM ${sc.t('audit')} WHERE seq = ${seq}`);
        await sc.raw.exec(`UPDATE ${sc.t('audit_heads')} SET seq = ${seq - 1}, hash = ${lit(before.hash)}`);
        // signed by the intruder's own key, under the id of the runtime's key
        const other = generateCheckpointKeys();
        await appendForged(sc, (forged) => {
          const bytes = Buffer.from(`ruralkit audit entry v1\n${canonicalJson(forged)}`);
          forged.signature = {
            keyId: checkpointKeyId(keys.publicKey),
            value: sign(null, bytes, createPrivateKey(other.privateKey)).toString('base64'),
          };
        });
        const found = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(found).toMatchObject({ problem: 'signature', seq });
        expect(found.message.en).toContain('no valid signature');
      }, true);
    });

    it('an entry newer than the last checkpoint rewritten and re-hashed: found by its signature', async () => {
      await scene(async ({ h, id, raw, t, entry }) => {
        await h.runtime.send(id, { type: 'PUBLISH', actor: official() }).catch(() => undefined);
        const last = (await raw.rows<{ seq: number | string }>(`SELECT max(seq) AS seq FROM ${t('audit')}`))[0]!.seq;
        const newest = await entry(Number(last));
        const forged = JSON.parse(newest.entry);
        forged.actor = { ...forged.actor, id: 'someone-else' };
        const text = auditEntryText(forged);
        const hash = sha256Hex(text);
        await raw.exec(`UPDATE ${t('audit')} SET entry = ${lit(text)}, hash = ${lit(hash)} WHERE seq = ${last}`);
        await raw.exec(`UPDATE ${t('audit_heads')} SET hash = ${lit(hash)}`);
        expect(await h.maintenance.verify()).toMatchObject({ ok: true }); // without the key: the chain holds
        const found = broken(await h.maintenance.verify({ publicKey: keys.publicKey }));
        expect(found).toMatchObject({ problem: 'signature', seq: Number(last) });
        await expect(h.maintenance.checkpoint()).rejects.toThrow(/signature/);
      }, true);
    });

    it('a dropped checkpoints table: reported as dropped, not as an SQL error', async () => {
      await scene(async ({ h, raw, t }) => {
        await raw.exec(`DROP TABLE ${t('audit_checkpoints')}`);
        const found = broken(await h.maintenance.verify());
        expect(found).toMatchObject({ problem: 'checkpoint' });
        expect(found.message.en).toContain('checkpoints table audit_checkpoints is gone');
        await expect(h.maintenance.checkpoint(keys.privateKey)).rejects.toThrow(/checkpoints table/);
      });
    });
  });
}
