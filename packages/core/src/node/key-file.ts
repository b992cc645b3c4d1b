/**
 * The keyring of personal data in a file (密钥文件), apart from the workflow database, for
 * `ruralkit workflow --keys` and `ruralkit serve --keys` and for services that embed ruralkit
 * (core's main entry reads no files: it takes any `PersonalDataKeys`; this is `@ruralkit/core/node`). JSON, readable by its owner only
 * (created 0600; a file others may read is refused). Writes go through a lock file and an
 * atomic rename, so several processes may share it; each process notices another's changes.
 * Keep it out of the database's backups: erasure destroys a key by rewriting this file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { RuralkitError } from '../model/errors.js';
import type { Message } from '../model/message.js';
import { said } from './locales/index.js';
import { nodeMessage } from './locales/messages.js';
import { newDataKey, type DataKey, type PersonalDataKeys } from '../workflows/privacy/keys.js';

const FORMAT = 'ruralkit-personal-data-keys/1';
/** A lock older than this was left by a process that died. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

/** A key file that cannot be used (code `invalid-key-file`), named with what is wrong. */
export class KeyFileError extends RuralkitError {
  override readonly name = 'KeyFileError';
  constructor(
    readonly path: string,
    problem: Message,
  ) {
    super('invalid-key-file', said('key-file.invalid', { path, problem }));
  }
}

/** The keys by id, and each owner's key. */
interface Ring {
  keys: Map<string, DataKey>;
  byOwner: Map<string, DataKey>;
}

interface StoredKey {
  id: string;
  owner: string;
  key: string;
}

/** The keyring kept in the file at `path` (created on the first key). */
export function fileKeys(path: string): PersonalDataKeys {
  let cached: (Ring & { stamp: string }) | undefined;

  /** The keys as the file holds them now (read again only when it changed). */
  function read(): Ring {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cached = undefined;
      return { keys: new Map(), byOwner: new Map() };
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      throw new KeyFileError(path, nodeMessage('key-file.open-mode', { mode: (stat.mode & 0o777).toString(8) }));
    }
    const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    if (cached?.stamp !== stamp) {
      const keys = parse(readFileSync(path, 'utf8'));
      cached = { stamp, keys, byOwner: new Map([...keys.values()].map((k) => [k.owner, k])) };
    }
    return cached;
  }

  function parse(text: string): Map<string, DataKey> {
    let data: { format?: unknown; keys?: unknown };
    try {
      data = JSON.parse(text) as typeof data;
    } catch (error) {
      throw new KeyFileError(path, nodeMessage('key-file.not-json', { detail: (error as Error).message }));
    }
    if (data?.format !== FORMAT || !Array.isArray(data.keys)) {
      throw new KeyFileError(path, nodeMessage('key-file.not-format', { format: FORMAT }));
    }
    const keys = new Map<string, DataKey>();
    data.keys.forEach((entry: Partial<StoredKey>, i) => {
      const key = typeof entry?.key === 'string' ? Buffer.from(entry.key, 'base64') : undefined;
      if (typeof entry?.id !== 'string' || typeof entry.owner !== 'string' || key?.length !== 32) {
        throw new KeyFileError(path, nodeMessage('key-file.bad-key', { number: i + 1 }));
      }
      keys.set(entry.id, { id: entry.id, owner: entry.owner, key: new Uint8Array(key) });
    });
    return keys;
  }

  function write(keys: Map<string, DataKey>): void {
    const stored: StoredKey[] = [...keys.values()].map((k) => ({
      id: k.id,
      owner: k.owner,
      key: Buffer.from(k.key).toString('base64'),
    }));
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ format: FORMAT, keys: stored }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    cached = undefined;
  }

  /** Run `change` holding the lock file, so processes sharing the file never lose a key. */
  async function locked<T>(change: () => T): Promise<T> {
    const lock = `${path}.lock`;
    const started = Date.now();
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx', 0o600));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = Date.now() - lockTime(lock);
        if (age > STALE_LOCK_MS) unlinkQuietly(lock);
        else if (Date.now() - started > LOCK_WAIT_MS) {
          throw new KeyFileError(path, nodeMessage('key-file.lock-held', { lock }));
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    try {
      return change();
    } finally {
      unlinkQuietly(lock);
    }
  }

  return {
    async keyOf(owner) {
      const known = read().byOwner.get(owner);
      if (known) return known;
      return locked(() => {
        const ring = read(); // another process may have made it meanwhile
        const existing = ring.byOwner.get(owner);
        if (existing) return existing;
        const keys = new Map(ring.keys);
        const key = newDataKey(owner);
        keys.set(key.id, key);
        write(keys);
        return key;
      });
    },
    async find(id) {
      return read().keys.get(id);
    },
    async forget(owner) {
      return locked(() => {
        const keys = new Map(read().keys);
        const mine = [...keys.values()].filter((k) => k.owner === owner);
        if (mine.length === 0) return 0;
        for (const key of mine) keys.delete(key.id);
        write(keys);
        return mine.length;
      });
    },
  };
}

function lockTime(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
