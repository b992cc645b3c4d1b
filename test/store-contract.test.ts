// The shared store contract, run against every store this repository ships.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { createMemoryStore } from '@ruralkit/core';
import { openSqliteStore, type SqliteStore } from '@ruralkit/store-sqlite';
import type { PostgresStore } from '@ruralkit/store-postgres';
import { storeContract } from '@ruralkit/testing/store-contract';
import { dropTestSchemas, openTestStore, SKIP_POSTGRES } from './support/postgres.js';

storeContract('in-memory', createMemoryStore);
storeContract(
  'SQLite',
  () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-contract-')), 'workflows.db')),
  (store) => openSqliteStore((store as SqliteStore).db.name),
);
if (SKIP_POSTGRES !== undefined) {
  const note = SKIP_POSTGRES;
  describe('PostgreSQL store contract', () => it.skip(note, () => undefined));
} else {
  storeContract(
    'PostgreSQL',
    () => openTestStore(),
    (store) => openTestStore((store as PostgresStore).schema),
  );
  afterAll(dropTestSchemas);
}
