/**
 * The retry policy (冲突重试): a start or send that lost a race to another writer (`ConflictError`)
 * is tried again from the start — the instance reloaded, the event authorized and checked again —
 * up to `retries` times. A caller that named the version it expects (`expectedVersion`, HTTP
 * `If-Match`) is never retried: the race is its answer, `StaleVersionError` naming the version
 * the instance is at now.
 */
import { StaleVersionError, WorkflowError } from './errors.js';
import type { InstanceRecord } from './types.js';

/** How many times a start or send without an expected version is tried again after a conflict. */
export const DEFAULT_RETRIES = 3;

/** What a send is told besides its event. */
export interface SendOptions {
  /** Apply the event only while the instance is at this version, else `StaleVersionError`; never retried. */
  expectedVersion?: number;
  /** Times to try again after a conflict (default: the runtime's `retries`, else 3); 0 tries once. */
  retries?: number;
}

/** A conflict (`ConflictError`), whichever store threw it. */
const isConflict = (error: unknown) => error instanceof WorkflowError && error.code === 'conflict';

/** Run `attempt`, again after each conflict, up to `retries` more times. */
export async function retryOnConflict<T>(retries: number, attempt: () => Promise<T>): Promise<T> {
  for (let tried = 0; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error) || tried >= retries) throw error;
    }
  }
}

/**
 * Run a send that expects `expectedVersion` once: a conflict means another writer moved the
 * instance past that version meanwhile, answered as `StaleVersionError` with the version `load` finds.
 */
export async function expectingVersion<T>(
  instanceId: string,
  expectedVersion: number,
  load: () => Promise<InstanceRecord | undefined>,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isConflict(error)) throw error;
    const current = await load();
    if (!current || current.version === expectedVersion) throw error;
    throw new StaleVersionError(instanceId, expectedVersion, current.version);
  }
}
