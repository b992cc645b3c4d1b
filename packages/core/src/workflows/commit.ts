/**
 * The commit step (提交), the one place a start or send writes: an accepted event's instance
 * version, its audit entry, its domain events and its idempotency key go to the store in one
 * transaction, or nothing does; a refusal's audit entry is written, then its error thrown. A
 * concurrent send with the same key that committed first is answered with its result.
 */
import { z } from 'zod';
import type { Attempt, Setting } from './attempt.js';
import { auditRecord, auditWhere } from './audit.js';
import { ConflictError } from './errors.js';
import { replayKey, storedResult, type IdempotencyKey } from './idempotency.js';
import type { Refusal } from './refusal.js';
import type { Transition } from './transition.js';
import type { Commit } from './types.js';

/** The outcome of an accepted event (转换结果). */
export const TransitionResultSchema = z
  .object({
    instanceId: z.string(),
    event: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    version: z.number().int(),
    at: z.string(),
    /** True when this answers a repeated idempotency key: nothing was applied again. */
    duplicate: z.boolean().optional(),
  })
  .meta({ id: 'TransitionResult' });
/** The outcome of an accepted event. */
export interface TransitionResult extends z.infer<typeof TransitionResultSchema> {}

/**
 * Commit the transition of an attempt, with its idempotency key if it has one; `audited` is the
 * payload as the audit entry keeps it (personal values hashed, 键控哈希).
 */
export async function commit(
  { store }: Setting,
  attempt: Attempt,
  { event, instance, outbox }: Transition,
  key: IdempotencyKey | undefined,
  audited: unknown,
): Promise<TransitionResult> {
  const { input, record: current, state: before } = attempt;
  const result: TransitionResult = {
    instanceId: instance.id,
    event: input.type,
    from: before,
    to: instance.state,
    version: instance.version,
    at: event.at,
  };
  const writes: Commit = {
    audit: [
      auditRecord(auditWhere(instance), {
        event: input.type,
        outcome: current ? 'accepted' : 'started',
        actor: attempt.actor,
        at: event.at,
        stateBefore: before,
        stateAfter: instance.state,
        payload: audited,
        ...(key ? { idempotencyKey: key.key } : {}),
      }),
    ],
    outbox,
    ...(key ? { idempotency: { scope: key.scope, key: key.key, result: storedResult(key, result) } } : {}),
  };
  try {
    if (current) await store.save(instance, current.version, writes);
    else await store.create(instance, writes);
  } catch (error) {
    // a concurrent send with the same key committed first: answer with its result
    const first = error instanceof ConflictError ? await replayKey<TransitionResult>(store, key) : undefined;
    if (first) return first;
    throw error;
  }
  return result;
}

/** Write a refusal to the audit, then throw its error. */
export async function commitRefusal({ store }: Setting, refusal: Refusal): Promise<never> {
  await store.record({ audit: [refusal.audit], outbox: [] });
  throw refusal.error;
}
