/**
 * @ruralkit/store-postgres — the multi-process store (多进程存储) of ruralkit workflows: several
 * processes behind a load balancer share one PostgreSQL database. Commits are transactions,
 * instance versions give optimistic concurrency, passed deadlines and domain events are
 * claimed with `FOR UPDATE SKIP LOCKED` and leases, and LISTEN/NOTIFY wakes delivery.
 *
 * @example
 * ```ts
 * import { createRuntime, getPlan } from '@ruralkit/core';
 * import { openPostgresStore } from '@ruralkit/store-postgres';
 * const store = await openPostgresStore({ connectionString: process.env.DATABASE_URL, schema: 'ruralkit' });
 * const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store });
 * ```
 * @packageDocumentation
 */
export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './store.js';
export { checkSchemaName, migrateSchema, SCHEMA_MIGRATIONS } from './migrations.js';
