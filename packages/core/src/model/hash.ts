/**
 * Content hashes (内容哈希): SHA-256 over canonical JSON (keys sorted, no spaces), so the same
 * content always gives the same hash whatever the key order it was written in.
 */
import { createHash } from 'node:crypto';
import type { Plan } from './schema.js';

/** JSON with object keys sorted at every level; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash the number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const hashes = new WeakMap<Plan, string>();

/** The content hash of a plan (`sha256:<hex>`); remembered for frozen plans, which cannot change. */
export function planHash(plan: Plan): string {
  // A resolved plan (with plugins) carries the hash of the plan and its plugins.
  if ('hash' in plan && typeof plan.hash === 'string') return plan.hash;
  let hash = hashes.get(plan);
  if (!hash) {
    hash = `sha256:${sha256Hex(canonicalJson(plan))}`;
    if (Object.isFrozen(plan)) hashes.set(plan, hash);
  }
  return hash;
}
