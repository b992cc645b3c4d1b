/**
 * The keyring of personal data (个人信息密钥): one data key per owner (a household, or a village
 * for a village's instances), kept outside the workflow database. Destroying an owner's keys
 * erases its personal data everywhere at once (crypto-shredding, 密钥销毁): the ciphertext left
 * in instances and backups can no longer be read, and the audit's keyed hashes can no longer be
 * matched to a value.
 */
import { randomBytes } from 'node:crypto';

/** A data key (数据密钥): 32 random bytes under an id that sealed values name. */
export interface DataKey {
  id: string;
  owner: string;
  key: Uint8Array;
}

/** Where data keys live. Implement it over a key-management service in production. */
export interface PersonalDataKeys {
  /** The data key of `owner`, created when it has none. */
  keyOf(owner: string): Promise<DataKey>;
  /** A data key by id, or undefined when it was destroyed (or never kept here). */
  find(id: string): Promise<DataKey | undefined>;
  /** Destroy every key of `owner`; answers how many were destroyed. */
  forget(owner: string): Promise<number>;
}

/** A new data key of `owner` (32 random bytes), for keyring implementations. */
export function newDataKey(owner: string): DataKey {
  return { id: randomBytes(12).toString('base64url'), owner, key: new Uint8Array(randomBytes(32)) };
}

/** A keyring held in memory only: for tests and short-lived runs (the keys die with the process). */
export function memoryKeys(): PersonalDataKeys {
  const keys = new Map<string, DataKey>();
  const byOwner = new Map<string, DataKey>();
  return {
    async keyOf(owner) {
      const known = byOwner.get(owner);
      if (known) return known;
      const key = newDataKey(owner);
      keys.set(key.id, key);
      byOwner.set(owner, key);
      return key;
    },
    async find(id) {
      return keys.get(id);
    },
    async forget(owner) {
      const mine = [...keys.values()].filter((k) => k.owner === owner);
      for (const key of mine) keys.delete(key.id);
      byOwner.delete(owner);
      return mine.length;
    },
  };
}

/** The owner of a subject's personal data: `tenant/village/household`, or `tenant/village`. */
export function personalDataOwner(tenant: string, subject: { village: string; household?: string }): string {
  return [tenant, subject.village, ...(subject.household ? [subject.household] : [])].join('/');
}
