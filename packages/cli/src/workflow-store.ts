/**
 * The workflow store a command names (流程存储): `--db FILE` (SQLite) or `--database-url
 * postgres://…` [`--schema NAME`] (PostgreSQL), checked and opened the same way by every command.
 */
import type { WorkflowStore } from '@ruralkit/core';
import { UsageError } from './io.js';
import { loadPostgresStore, loadSqliteStore } from './optional.js';
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
}

/** Refuse a store given twice or not at all, a URL that is not PostgreSQL's, a stray --schema. */
export function checkStoreOptions(command: string, values: Record<string, unknown>, use: StoreUse): void {
  const db = values.db as string | undefined;
  const databaseUrl = values['database-url'] as string | undefined;
  if (!db === !databaseUrl) {
    throw new UsageError(
      command,
      '请给出一个流程数据库：--db FILE（SQLite）或 --database-url postgres://…（PostgreSQL）',
      'give one store: --db FILE (SQLite) or --database-url postgres://… (PostgreSQL)',
    );
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const given = databaseUrl.split('@').pop();
    throw new UsageError(
      command,
      `--database-url 须以 postgres:// 开头（得到 "${given}"）`,
      `--database-url must start with postgres:// (got "${given}")`,
    );
  }
  if (values.schema !== undefined && !databaseUrl) {
    throw new UsageError(command, '--schema 须与 --database-url 同用', '--schema goes with --database-url');
  }
  if (db) checkDatabase(command, db, use.action, use.create);
}

/** Open the store the checked options name. */
export async function openWorkflowStore(
  command: string,
  values: Record<string, unknown>,
  use: StoreUse,
): Promise<WorkflowStore> {
  const databaseUrl = values['database-url'] as string | undefined;
  if (!databaseUrl) return (await loadSqliteStore()).openSqliteStore(values.db as string);
  return (await loadPostgresStore())
    .openPostgresStore({
      connectionString: databaseUrl,
      ...(values.schema ? { schema: values.schema as string } : {}),
      poolSize: 2,
      create: use.action === 'start' || use.create,
    })
    .catch((error: Error) => {
      throw new UsageError(
        command,
        `无法打开数据库：${error.message}`,
        `cannot open the PostgreSQL store: ${error.message}`,
      );
    });
}
