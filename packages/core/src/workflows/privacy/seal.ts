/**
 * Sealed and hashed personal values (密文与键控哈希). An instance keeps a personal value sealed
 * with AES-256-GCM under its owner's data key; an audit entry keeps its HMAC-SHA-256 under a
 * key derived from the same data key. Both name the data key, so destroying it leaves neither
 * readable nor matchable, and nothing else changes.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { RuralkitError } from '../../model/errors.js';
import type { DataKey, PersonalDataKeys } from './keys.js';
import type { PersonalKind } from './personal.js';
import { workflowText } from '../locales/index.js';
import { workflowMessage } from '../locales/messages.js';

/** A personal value as an instance stores it. */
export interface SealedValue {
  $personal: PersonalKind;
  key: string;
  /** base64url of IV (12 bytes), ciphertext and tag (16 bytes). */
  sealed: string;
}

/** A personal value as an audit entry keeps it. */
export interface HashedValue {
  $personal: PersonalKind;
  key: string;
  /** HMAC-SHA-256, hex. */
  hmac: string;
}

/** What a view shows instead of a personal value to a role that does not need it. */
export const PERSONAL_MASK = '[个人信息 personal data]';
/** What every view shows once the owner's key is destroyed. */
export const PERSONAL_ERASED = '[已删除 erased]';

const derive = (key: DataKey, use: 'seal' | 'hmac') =>
  Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), `ruralkit personal data ${use}`, 32));

/** The bytes a value is bound to besides the key: its kind and key id. */
const boundTo = (kind: PersonalKind, key: string) => Buffer.from(`${kind}\u0000${key}`, 'utf8');

/** Seal `value` under `key`. */
export function sealValue(key: DataKey, kind: PersonalKind, value: string): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(key, 'seal'), iv);
  cipher.setAAD(boundTo(kind, key.id));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    $personal: kind,
    key: key.id,
    sealed: Buffer.concat([iv, data, cipher.getAuthTag()]).toString('base64url'),
  };
}

/** The keyed hash of `value` under `key`. */
export function hashValue(key: DataKey, kind: PersonalKind, value: string): HashedValue {
  const hmac = createHmac('sha256', derive(key, 'hmac'))
    .update(boundTo(kind, key.id))
    .update(value, 'utf8')
    .digest('hex');
  return { $personal: kind, key: key.id, hmac };
}

/**
 * The value sealed in `sealed`, or undefined when its key is destroyed. A value that does not
 * open under its key was changed in the store: that is an error (`personal-data-changed`), not
 * an erasure.
 */
export async function openValue(keys: PersonalDataKeys, sealed: SealedValue): Promise<string | undefined> {
  const key = await keys.find(sealed.key);
  if (!key) return undefined;
  const bytes = Buffer.from(sealed.sealed, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(key, 'seal'), bytes.subarray(0, 12));
    decipher.setAAD(boundTo(sealed.$personal, key.id));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new RuralkitError(
      'personal-data-changed',
      workflowText(workflowMessage('privacy.sealed-changed', { sealed: sealed.$personal, key: sealed.key })),
    );
  }
}

/**
 * Whether `value` is the one an audit entry hashed: true or false, or undefined when the key
 * is destroyed (the value can no longer be matched).
 */
export async function matchesHashed(
  keys: PersonalDataKeys,
  hashed: HashedValue,
  value: string,
): Promise<boolean | undefined> {
  const key = await keys.find(hashed.key);
  if (!key) return undefined;
  const expected = Buffer.from(hashValue(key, hashed.$personal, value).hmac, 'hex');
  const given = Buffer.from(hashed.hmac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a stored value is a sealed personal value. */
export function isSealed(value: unknown): value is SealedValue {
  return isRecord(value) && typeof value.$personal === 'string' && typeof value.sealed === 'string';
}

/** `value` with every sealed personal value in it replaced by `show(sealed)`. */
export async function mapSealed(value: unknown, show: (sealed: SealedValue) => Promise<unknown>): Promise<unknown> {
  if (isSealed(value)) return show(value);
  if (Array.isArray(value)) return Promise.all(value.map((item) => mapSealed(item, show)));
  if (isRecord(value)) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await mapSealed(v, show)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
