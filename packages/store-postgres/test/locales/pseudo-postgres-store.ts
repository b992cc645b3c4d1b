// A third language for tests (伪语言): the PostgreSQL store's words.
import type { WordsOf } from '@ruralkit/core';
import type { PostgresStoreMessages } from '../../src/locales/messages.js';

export const pseudo: WordsOf<PostgresStoreMessages> = {
  'connection.missing': () => '⟪connection.missing⟫',
  'schema.invalid-name': (p) => `⟪schema.invalid-name ${p.schema}⟫`,
  'schema.missing': (p) => `⟪schema.missing ${p.schema}⟫`,
  'schema.too-new': (p) => `⟪schema.too-new ${p.schema} ${p.current} ${p.supported}⟫`,
};
