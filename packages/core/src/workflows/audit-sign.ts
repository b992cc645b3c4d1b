/**
 * Signed audit entries (审计记录签名): the runtime signs every entry it writes with its audit key
 * (Ed25519, kept outside the database like the checkpoint key), so whoever can only write the
 * database cannot append an entry or rewrite one — newer than the last checkpoint included —
 * without it being found with the public key. Entries written before a chain's first signed
 * entry are covered by checkpoints only; after it, every entry of that chain must be signed.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../model/hash.js';
import { checkpointKeyId, keyInUse, type KeyRing } from './checkpoint.js';
import type { WorkflowStore } from './store.js';
import type { AuditEntry, AuditSigner } from './types.js';

/** The bytes an entry's signature covers: a domain tag and the canonical JSON of its content. */
const signedBytes = (content: object) => Buffer.from(`ruralkit audit entry v1\n${canonicalJson(content)}`);

/** A signer with `privateKey` (Ed25519). */
export function entrySigner(privateKey: KeyObject): AuditSigner {
  const keyId = checkpointKeyId(privateKey);
  return (content) => ({ keyId, value: sign(null, signedBytes(content), privateKey).toString('base64') });
}

/** Whether a signed entry's signature is by a key of `ring` in use at the entry's time. */
export function entrySigned(entry: AuditEntry, ring: KeyRing): boolean {
  const { hash: _hash, signature, ...content } = entry;
  if (!signature) return false;
  const key = keyInUse(ring, signature.keyId, entry.at);
  return Boolean(key && verify(null, signedBytes(content), key, Buffer.from(signature.value, 'base64')));
}

/**
 * `store` with every commit signed by `signer`: the runtime writes through it, so each audit
 * entry it chains — accepted, refused, overdue, migrated, erased — is signed. `wrote` hears how
 * many entries each commit wrote.
 */
export function signingStore(
  store: WorkflowStore,
  signer: AuditSigner,
  wrote: (entries: number) => void,
): WorkflowStore {
  const counted = async (entries: Promise<AuditEntry[]>) => {
    const written = await entries;
    wrote(written.length);
    return written;
  };
  const signed: Partial<WorkflowStore> = {
    create: (instance, commit) => counted(store.create(instance, { ...commit, signer })),
    save: (instance, version, commit) => counted(store.save(instance, version, { ...commit, signer })),
    record: (commit) => counted(store.record({ ...commit, signer })),
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property in signed) return signed[property as keyof WorkflowStore];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
