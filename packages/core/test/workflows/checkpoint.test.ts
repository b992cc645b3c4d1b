// Signed checkpoints and the evidence rules of the audit, on the in-memory store: a chain head
// signed with Ed25519 holds against re-hashing; a head behind its entries stops a write.
import { describe, expect, it } from 'vitest';
import {
  AuditBrokenError,
  checkpointSigned,
  generateCheckpointKeys,
  readCheckpoints,
  signCheckpoint,
  verifyAuditEvidence,
  type AuditRecord,
} from '../../src/index.js';
import { chainAudit } from '../../src/store.js';
import { harness, PATHS, START_AT, walk } from './fixtures.js';

const keys = generateCheckpointKeys();

describe('signed checkpoints', () => {
  it('verify with the public key, and not once a field is changed or with another key', () => {
    const checkpoint = signCheckpoint({ tenant: 'changjiang', seq: 7, hash: 'a'.repeat(64) }, keys.privateKey, 'T');
    expect(checkpoint.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(checkpointSigned(checkpoint, keys.publicKey)).toBe(true);
    expect(checkpointSigned({ ...checkpoint, seq: 6 }, keys.publicKey)).toBe(false);
    expect(checkpointSigned({ ...checkpoint, headHash: 'b'.repeat(64) }, keys.publicKey)).toBe(false);
    expect(checkpointSigned(checkpoint, generateCheckpointKeys().publicKey)).toBe(false);
  });

  it('refuse a key that is not Ed25519 and an exported line that is not a checkpoint, naming the line', () => {
    expect(() => signCheckpoint({ tenant: 't', seq: 1, hash: 'h' }, 'not a key', 'T')).toThrow();
    expect(() => readCheckpoints('\n{"tenant":"t"}\n', 'cp.jsonl')).toThrow(
      'line 2 of cp.jsonl is not an audit checkpoint',
    );
  });
});

describe('the audit evidence of the in-memory store', () => {
  it('verifies a walked case, and finds a chain re-hashed below a checkpoint', async () => {
    const h = harness(START_AT['village-plan']);
    await walk(h, PATHS['village-plan']);
    await h.maintenance.checkpoint(keys.privateKey);
    const evidence = await h.store.auditEvidence();
    expect(verifyAuditEvidence(evidence, { publicKey: keys.publicKey })).toMatchObject({
      ok: true,
      entries: 7,
      instances: 1,
      checkpoints: { count: 1, signatures: 'verified' },
    });
    // a checkpoint of another chain, signed with the key: the stored chain no longer matches it
    const other = signCheckpoint(
      { tenant: 'changjiang', seq: 7, hash: 'f'.repeat(64) },
      keys.privateKey,
      '2021-06-01T00:00:00.000Z',
    );
    const found = verifyAuditEvidence(
      { ...evidence, checkpoints: [] },
      { publicKey: keys.publicKey, checkpoints: [other] },
    );
    expect(found).toMatchObject({ ok: false, problem: 'checkpoint', seq: 1, tenant: 'changjiang' });
  });

  it('refuses to extend a chain whose head is missing or behind its entries', () => {
    const record = { tenant: 'changjiang', instanceId: null } as unknown as AuditRecord;
    expect(() => chainAudit([record], () => ({ head: undefined, lastSeq: 3 }))).toThrow(AuditBrokenError);
    expect(() => chainAudit([record], () => ({ head: { seq: 2, hash: 'h' }, lastSeq: 3 }))).toThrow(
      'the audit chain head of tenant changjiang is at #2, behind audit entry #3',
    );
  });
});
