/**
 * The workflow store a command names (流程存储): `--db FILE` (SQLite) or `--database-url
 * postgres://…` [`--schema NAME`] (PostgreSQL), checked and opened the same way by every command.
 */
import type { WorkflowStore } from '@ruralkit/core';
import { openPostgres } from './database-url.js';
import { UsageError, type Io } from './io.js';
import { cliMessage } from './locales/index.js';
import { loadSqliteStore } from './optional.js';
import { checkDatabase } from './commands/workflow-guards.js';

/** The options that name a store. */
export const storeOptions = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  schema: { type: 'string' },
} as const;

/** What a command asks of the store it opens. */
export interface StoreUse {
  /** The command's action (`start` creates a missing SQLite file). */
  action: string;
  /** Create a missing database. */
  create: boolean;
  /** PostgreSQL connections (default 2: one command, one transaction at a time). */
  poolSize?: number;
}

/** Refuse a store given twice or not at all, a stray --schema, a SQLite file that is not there. */
export function checkStoreOptions(command: string, values: Record<string, unknown>, use: StoreUse): void {
  const db = values.db as string | undefined;
  const databaseUrl = values['database-url'] as string | undefined;
  if (!db === !databaseUrl) {
    throw new UsageError(command, cliMessage('store.one', {}));
  }
  if (values.schema !== undefined && !databaseUrl) {
    throw new UsageError(command, cliMessage('store.schema-without-url', {}));
  }
  if (db) checkDatabase(command, db, use.action, use.create);
}

/** Open the store the checked options name (--database-url wins over DATABASE_URL, told on stderr). */
export async function openWorkflowStore(
  command: string,
  values: Record<string, unknown>,
  use: StoreUse,
  io: Io,
): Promise<WorkflowStore> {
  const databaseUrl = values['database-url'] as string | undefined;
  if (!databaseUrl) return (await loadSqliteStore()).openSqliteStore(values.db as string);
  return openPostgres(command, databaseUrl, io, {
    ...(values.schema ? { schema: values.schema as string } : {}),
    poolSize: use.poolSize ?? 2,
    create: use.action === 'start' || use.create,
  });
}
