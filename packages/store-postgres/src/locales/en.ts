/** The PostgreSQL store's words in English. */
import type { WordsOf } from '@ruralkit/core';
import type { PostgresStoreMessages } from './messages.js';

export const en: WordsOf<PostgresStoreMessages> = {
  'connection.missing': () => 'no PostgreSQL connection string: pass connectionString or set DATABASE_URL',
  'schema.invalid-name': (p) =>
    `invalid PostgreSQL schema name "${p.schema}": use lower-case letters, digits and underscores, not starting with a digit`,
  'schema.missing': (p) => `the PostgreSQL schema "${p.schema}" does not exist; check the name`,
  'schema.too-new': (p) =>
    `the schema ${p.schema} is at version ${p.current}, newer than this store supports (${p.supported}): upgrade @ruralkit/store-postgres`,
};
