/** The PostgreSQL store's messages (存储消息): what stops it opening a schema, as codes and their parameters. */
import { messageOf } from '@ruralkit/core';

type None = Record<string, never>;

export interface PostgresStoreMessages {
  'connection.missing': None;
  'schema.invalid-name': { schema: string };
  'schema.missing': { schema: string };
  /** A schema migrated by a newer version of the store. */
  'schema.too-new': { schema: string; current: number; supported: number };
}

export const postgresStoreMessage = messageOf<PostgresStoreMessages>();
