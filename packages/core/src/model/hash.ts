/**
 * Content hashes (内容哈希): SHA-256 over canonical JSON (keys sorted, no spaces), so the same
 * content always gives the same hash whatever the key order it was written in.
 */
import { hash } from 'node:crypto';
import type { Plan } from './schema.js';

/**
 * JSON with object keys sorted at every level (by UTF-16 code units); `undefined` and function
 * members are left out, and in an array they are `null`, as `JSON.stringify` has them. Written
 * as plain loops: every durable event hashes its instance and audit entry with it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash the number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const member = object[key];
    if (member === undefined || typeof member === 'function') continue;
    out += `${out.length === 1 ? '' : ','}${quotedKey(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/** Keys as JSON writes them, remembered: records repeat the same few (bounded, so no input can grow it). */
const QUOTED = new Map<string, string>();
const MAX_QUOTED = 10_000;

function quotedKey(key: string): string {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED.size < MAX_QUOTED) QUOTED.set(key, quoted);
  }
  return quoted;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
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
