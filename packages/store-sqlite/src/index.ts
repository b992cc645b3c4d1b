/**
 * @ruralkit/store-sqlite — the embedded default store (嵌入式存储) of ruralkit workflows:
 * one SQLite file (WAL) holding instances, the hash-chained audit log and the outbox.
 *
 * @example
 * ```ts
 * import { createRuntime, getPlan } from '@ruralkit/core';
 * import { openSqliteStore } from '@ruralkit/store-sqlite';
 * const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store: openSqliteStore('workflows.db') });
 * ```
 * @packageDocumentation
 */
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store.js';
export { migrateSchema, SCHEMA_MIGRATIONS } from './migrations.js';
