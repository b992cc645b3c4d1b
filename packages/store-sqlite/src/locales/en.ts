/** The SQLite store's words in English. */
import type { WordsOf } from '@ruralkit/core';
import type { SqliteStoreMessages } from './messages.js';

export const en: WordsOf<SqliteStoreMessages> = {
  'schema.too-new': (p) =>
    `the database schema version ${p.current} is newer than this store supports (${p.supported}): upgrade @ruralkit/store-sqlite`,
};
