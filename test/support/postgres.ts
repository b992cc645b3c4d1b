// PostgreSQL for the tests: DATABASE_URL names the server (CI sets it); each run works in its
// own schemas and drops them. Without DATABASE_URL the PostgreSQL tests are skipped, saying so.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '@ruralkit/store-postgres';

export const DATABASE_URL = process.env.DATABASE_URL;

/** Why PostgreSQL tests are skipped, or undefined when they run. */
export const SKIP_POSTGRES = DATABASE_URL
  ? undefined
  : 'DATABASE_URL is not set: PostgreSQL tests skipped (CI sets it; locally e.g. postgres://postgres@127.0.0.1:5432/test)';
if (SKIP_POSTGRES && process.env.CI === 'true') throw new Error(`CI=true but ${SKIP_POSTGRES}`);
if (SKIP_POSTGRES) console.warn(`NOTE: ${SKIP_POSTGRES}`);

const made: string[] = [];

/** A new schema name for this run, remembered for `dropTestSchemas`. */
export function testSchema(label = 't'): string {
  const name = `rk_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  made.push(name);
  return name;
}

/** A store in a schema of its own (or in `schema`, as another process would open it). */
export function openTestStore(schema = testSchema()): Promise<PostgresStore> {
  return openPostgresStore({ connectionString: DATABASE_URL!, schema, poolSize: 4 });
}

/** Drop the schemas this run made. */
export async function dropTestSchemas(): Promise<void> {
  if (!DATABASE_URL || made.length === 0) return;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (const schema of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
