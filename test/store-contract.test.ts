// The shared store contract, run against every store this repository ships.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '@ruralkit/core';
import { openSqliteStore, type SqliteStore } from '@ruralkit/store-sqlite';
import { storeContract } from '@ruralkit/testing/store-contract';

storeContract('in-memory', createMemoryStore);
storeContract(
  'SQLite',
  () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ruralkit-contract-')), 'workflows.db')),
  (store) => openSqliteStore((store as SqliteStore).db.name),
);
