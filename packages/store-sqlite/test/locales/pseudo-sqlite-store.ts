// A third language for tests (伪语言): the SQLite store's words.
import type { WordsOf } from '@ruralkit/core';
import type { SqliteStoreMessages } from '../../src/locales/messages.js';

export const pseudo: WordsOf<SqliteStoreMessages> = {
  'schema.too-new': (p) => `⟪schema.too-new ${p.current} ${p.supported}⟫`,
};
