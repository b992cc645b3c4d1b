/**
 * The PostgreSQL store of `--database-url` (PostgreSQL 连接串), for `workflow` and `serve`: the
 * flag wins over the `DATABASE_URL` environment variable, and a conflict between the two is told
 * on stderr, naming both without their passwords.
 */
import type { PostgresStoreOptions } from '@ruralkit/store-postgres';
import type { WorkflowStore } from '@ruralkit/core';
import { UsageError, type Io } from './io.js';
import { cliMessage, inBoth } from './locales/index.js';
import { loadPostgresStore } from './optional.js';

/** `url` with its password replaced by `***`. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** Open the store at `databaseUrl` (the flag's), refusing a URL that is not PostgreSQL's. */
export async function openPostgres(
  command: string,
  databaseUrl: string,
  io: Io,
  options: Omit<PostgresStoreOptions, 'connectionString'> = {},
): Promise<WorkflowStore> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const given = databaseUrl.split('@').pop()!;
    throw new UsageError(command, cliMessage('store.database-url', { given }));
  }
  const environment = process.env.DATABASE_URL;
  if (environment && environment !== databaseUrl) {
    const urls = { flag: withoutPassword(databaseUrl), environment: withoutPassword(environment) };
    io.stderr(`ruralkit: ${inBoth(cliMessage('store.url-over-environment', urls))}\n`);
  }
  const { openPostgresStore } = await loadPostgresStore();
  return openPostgresStore({ ...options, connectionString: databaseUrl }).catch((error: Error) => {
    throw new UsageError(command, cliMessage('store.cannot-open', { problem: error.message }));
  });
}
