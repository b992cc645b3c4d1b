/**
 * Ids seen in a batch run (批量编号查重), in little memory. A Set of a million id strings held
 * about 100 MB; this keeps 4 bytes a slot: a 32-bit fingerprint of each id. A fingerprint met
 * again is a duplicate only if an earlier line holds the same id: the input is read again up to
 * the line to find it, which happens for a real duplicate (the run stops, naming both lines) and,
 * rarely, for two ids that share a fingerprint (the run goes on). Exact, whatever the size.
 */
import { uniqueIds } from '@ruralkit/core';

/** The first line before `line` of the run's own input that holds `id`, read again from the start. */
export type EarlierLine = (id: string, line: number) => Promise<number | undefined>;

/** The most slots filled before the table grows by half. */
const MAX_LOAD = 0.85;

export interface IdRegistry {
  /** Record `id` of `line`; rejects with the duplicate-id `InputError` naming both lines when it was seen. */
  check(id: string, line: number): Promise<void> | undefined;
}

export function createIdRegistry(type: 'village' | 'household', earlierLine: EarlierLine): IdRegistry {
  let prints = new Uint32Array(1 << 16);
  let size = 0;

  /** Put `print` in its first empty slot; whether a slot on the way held the same print. */
  function place(print: number): boolean {
    const capacity = prints.length;
    let seen = false;
    for (let slot = startOf(print, capacity); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      if (prints[slot] === 0) {
        prints[slot] = print;
        return seen;
      }
      if (prints[slot] === print) seen = true;
    }
  }

  function grow(): void {
    const old = prints;
    prints = new Uint32Array(Math.floor(old.length * 1.5));
    for (const print of old) if (print !== 0) place(print);
  }

  async function confirm(id: string, line: number): Promise<void> {
    const first = await earlierLine(id, line);
    if (first === undefined) return;
    const duplicate = uniqueIds(type);
    duplicate(id, first);
    duplicate(id, line);
  }

  return {
    check(id, line) {
      if (size + 1 > prints.length * MAX_LOAD) grow();
      size++;
      return place(fingerprint(id)) ? confirm(id, line) : undefined;
    },
  };
}

/** FNV-1a over the id's UTF-16 code units, never 0 (0 marks an empty slot). */
function fingerprint(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0 || 1;
}

/** Where a fingerprint's probe starts: its bits mixed again, so that the slot tells more than the print. */
function startOf(print: number, capacity: number): number {
  return (Math.imul(print ^ (print >>> 15), 0x2c1b3c6d) >>> 0) % capacity;
}
