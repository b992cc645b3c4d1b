/**
 * Signed checkpoints (签名检查点) of the audit chains, after Certificate Transparency's signed
 * tree heads: a tenant's chain head (seq and hash) signed with an Ed25519 key kept outside the
 * database. Whoever can write the database cannot re-sign, so a chain cut back below a
 * checkpoint, re-hashed after an edit or given another head no longer matches it.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { RuralkitError } from '../model/errors.js';
import { canonicalJson } from '../model/hash.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** A tenant's chain head at a moment, signed. */
export interface AuditCheckpoint {
  tenant: string;
  /** The seq of the chain's last entry when signed. */
  seq: number;
  /** That entry's hash. */
  headHash: string;
  /** When it was signed (ISO 8601). */
  at: string;
  /** The signing key: the first 16 hex digits of SHA-256 over its public key (SPKI DER). */
  keyId: string;
  /** Ed25519 signature, base64, over the canonical JSON of the other fields. */
  signature: string;
}

/** A key as given: a PEM text or a key object. */
export type CheckpointKey = string | KeyObject;

/** The bytes a checkpoint's signature covers: a domain tag and its canonical JSON. */
function signedBytes(checkpoint: Omit<AuditCheckpoint, 'signature'>): Buffer {
  const { tenant, seq, headHash, at, keyId } = checkpoint;
  return Buffer.from(`ruralkit audit checkpoint v1\n${canonicalJson({ tenant, seq, headHash, at, keyId })}`);
}

function ed25519(key: KeyObject, kind: 'private' | 'public'): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new RuralkitError(
      'invalid-checkpoint',
      workflowText(workflowMessage('checkpoint.not-ed25519', { kind, got: key.asymmetricKeyType })),
    );
  }
  return key;
}

/** The private key of `key` (PEM or key object), checked to be Ed25519. */
export function checkpointPrivateKey(key: CheckpointKey): KeyObject {
  return ed25519(typeof key === 'string' ? createPrivateKey(key) : key, 'private');
}

/** The public key of `key` (a public or private key, PEM or key object), checked to be Ed25519. */
export function checkpointPublicKey(key: CheckpointKey): KeyObject {
  const object = typeof key === 'string' ? createPublicKey(key) : key;
  return ed25519(object.type === 'private' ? createPublicKey(object) : object, 'public');
}

/** The id of a key: the first 16 hex digits of SHA-256 over its public key (SPKI DER). */
export function checkpointKeyId(key: CheckpointKey): string {
  const der = checkpointPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** A new Ed25519 key pair for signing checkpoints, as PEM texts. */
export function generateCheckpointKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Sign a tenant's chain head at `at` with `privateKey`. */
export function signCheckpoint(
  head: { tenant: string; seq: number; hash: string },
  privateKey: CheckpointKey,
  at: string,
): AuditCheckpoint {
  const key = checkpointPrivateKey(privateKey);
  const unsigned = { tenant: head.tenant, seq: head.seq, headHash: head.hash, at, keyId: checkpointKeyId(key) };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key).toString('base64') };
}

/**
 * A public key with the time it was in use (ISO 8601, `from` inclusive, `until` exclusive; open
 * ends when absent): keys are rotated by giving the old and the new one with their windows.
 */
export interface PublicKeyWindow {
  key: CheckpointKey;
  from?: string;
  until?: string;
}

/** The public keys to verify with: one key, or several with their windows. */
export type PublicKeys = CheckpointKey | readonly PublicKeyWindow[];

/** Public keys by id, each with its window. */
export type KeyRing = Map<string, { key: KeyObject; from?: string; until?: string }[]>;

/** The keyring of `keys` (checked to be Ed25519). */
export function publicKeyRing(keys: PublicKeys): KeyRing {
  const windows = typeof keys === 'string' || !Array.isArray(keys) ? [{ key: keys as CheckpointKey }] : keys;
  const ring: KeyRing = new Map();
  for (const { key, from, until } of windows) {
    const object = checkpointPublicKey(key);
    const id = checkpointKeyId(object);
    ring.set(id, [...(ring.get(id) ?? []), { key: object, ...(from ? { from } : {}), ...(until ? { until } : {}) }]);
  }
  return ring;
}

/** The key of `ring` with id `keyId` in use at `at`, or undefined. */
export function keyInUse(ring: KeyRing, keyId: string, at: string): KeyObject | undefined {
  const time = Date.parse(at);
  return ring
    .get(keyId)
    ?.find((w) => (!w.from || Date.parse(w.from) <= time) && (!w.until || time < Date.parse(w.until)))?.key;
}

/** Whether `checkpoint` is signed by a key of `publicKeys` in use when it was signed, and unchanged since. */
export function checkpointSigned(checkpoint: AuditCheckpoint, publicKeys: PublicKeys | KeyRing): boolean {
  const ring = publicKeys instanceof Map ? publicKeys : publicKeyRing(publicKeys);
  const key = keyInUse(ring, checkpoint.keyId, checkpoint.at);
  return Boolean(key && verify(null, signedBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64')));
}

/** The stored and exported text of a checkpoint: one line of canonical JSON. */
export const checkpointText = (checkpoint: AuditCheckpoint): string => canonicalJson(checkpoint);

/** A checkpoint from its text, or undefined when the text is not one. */
export function parseCheckpoint(text: string): AuditCheckpoint | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const c = value as Partial<AuditCheckpoint> | null;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.tenant === 'string' &&
    Number.isSafeInteger(c.seq) &&
    (c.seq ?? 0) > 0 &&
    typeof c.headHash === 'string' &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.signature === 'string';
  return ok ? (c as AuditCheckpoint) : undefined;
}

/**
 * The checkpoints of an exported file (one JSON line each; blank lines skipped). A line that
 * is not a checkpoint is refused (`invalid-checkpoint`), naming the line.
 */
export function readCheckpoints(text: string, file: string): AuditCheckpoint[] {
  const checkpoints: AuditCheckpoint[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const checkpoint = parseCheckpoint(line);
    if (!checkpoint) {
      throw new RuralkitError(
        'invalid-checkpoint',
        workflowText(workflowMessage('checkpoint.bad-line', { file, line: i + 1 })),
      );
    }
    checkpoints.push(checkpoint);
  });
  return checkpoints;
}
