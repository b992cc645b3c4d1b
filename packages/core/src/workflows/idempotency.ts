/**
 * Idempotency keys (幂等键): a key stands for one request of one principal. It is kept per
 * place (an instance, or the start of a workflow type in a tenant), tenant and principal, with
 * a fingerprint of the request; the store writes it in the commit's transaction. A caller's key
 * is free text (it may be a phone number), so it is stored and audited only as a keyed hash
 * (HMAC-SHA-256 under a key derived from the runtime's audit key, SHA-256 without one); a
 * repeated key is looked up by the same hash.
 */
import { createHmac, hkdfSync, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../model/hash.js';
import { WorkflowError } from './errors.js';
import type { WorkflowStore } from './store.js';
import type { EventInput, Principal } from './types.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** An idempotency key as stored: scoped, with the fingerprint of its request. */
export interface IdempotencyKey {
  scope: string;
  /** The caller's key as stored: its hash. */
  key: string;
  /** The fingerprint of the request (event type, payload, subject or instance). */
  request: string;
  event: string;
}

/** What a store keeps under an idempotency key. */
interface StoredResult<R> {
  result: R;
  request: string;
}

/** The HMAC key idempotency keys are hashed with, derived from the runtime's audit key (Ed25519, private). */
export function idempotencySecret(auditKey: KeyObject): Buffer {
  const der = auditKey.export({ type: 'pkcs8', format: 'der' });
  return Buffer.from(hkdfSync('sha256', der, Buffer.alloc(0), 'ruralkit idempotency keys', 32));
}

/** How a caller's key is stored: its HMAC under `secret`, or its SHA-256 without one. */
export function hashedIdempotencyKey(key: string, secret: Uint8Array | undefined): string {
  return secret
    ? `hmac:${createHmac('sha256', secret).update(key, 'utf8').digest('hex')}`
    : `sha256:${sha256Hex(`ruralkit idempotency key\n${key}`)}`;
}

/** A control character (C0 or DEL): never part of an idempotency key. */
const isControl = (char: string) => char < ' ' || char === '\u007f';

/**
 * The key of an event sent to `where` by `actor`, hashed with `secret`, or undefined without
 * one; `request` is what else the request is about (its instance or subject). A key that is
 * not a short plain string is refused.
 */
export function idempotencyKey(
  where: string,
  input: EventInput,
  actor: Principal,
  request: unknown,
  secret: Uint8Array | undefined,
): IdempotencyKey | undefined {
  const key: unknown = input.idempotencyKey;
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > 200 || [...key].some(isControl)) {
    throw new WorkflowError(
      'invalid-payload',
      workflowText(workflowMessage('idempotency.key-invalid', { event: input.type })),
    );
  }
  let fingerprint: string;
  try {
    fingerprint = sha256Hex(canonicalJson({ type: input.type, payload: input.payload ?? {}, request }));
  } catch {
    fingerprint = 'unhashable';
  }
  return {
    scope: JSON.stringify([where, actor.tenant, actor.id]),
    key: hashedIdempotencyKey(key, secret),
    request: fingerprint,
    event: input.type,
  };
}

/** What to store under a key: the result with the request's fingerprint. */
export const storedResult = <R>(key: IdempotencyKey, result: R): StoredResult<R> => ({ result, request: key.request });

/**
 * The first result of a repeated key (marked `duplicate`), or undefined for a new key. A key
 * reused for another request is refused without saying what it was used for.
 */
export async function replayKey<R extends object>(
  store: WorkflowStore,
  key: IdempotencyKey | undefined,
): Promise<(R & { duplicate: true }) | undefined> {
  if (!key) return undefined;
  const stored = (await store.findIdempotent(key.scope, key.key)) as StoredResult<R> | R | undefined;
  if (!stored) return undefined;
  const first: StoredResult<R> =
    'request' in stored ? (stored as StoredResult<R>) : { result: stored, request: key.request };
  if (first.request !== key.request) {
    throw new WorkflowError('idempotency-key-reused', workflowText(workflowMessage('idempotency.key-reused', {})), {
      event: key.event,
    });
  }
  return { ...first.result, duplicate: true };
}
