/** The SQLite store's messages (存储消息): what stops it opening a database, as codes and their parameters. */
import { messageOf } from '@ruralkit/core';

export interface SqliteStoreMessages {
  /** A database migrated by a newer version of the store. */
  'schema.too-new': { current: number; supported: number };
}

export const sqliteStoreMessage = messageOf<SqliteStoreMessages>();
