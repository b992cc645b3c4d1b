// The PostgreSQL store's words say the same codes in Chinese, English and the test language, and
// a bad schema name is refused in both languages (no database needed).
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { POSTGRES_STORE_WORDS, postgresStoreMessage } from '../src/locales/index.js';
import { checkSchemaName } from '../src/migrations.js';
import { pseudo } from './locales/pseudo-postgres-store.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the PostgreSQL store's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(POSTGRES_STORE_WORDS.zh[0]!, POSTGRES_STORE_WORDS.en[0]!, pseudo);
  });

  it('refuse a bad schema name in Chinese and English; the test language says it too', () => {
    expect(() => checkSchemaName('1bad')).toThrow(
      'PostgreSQL 模式名 "1bad" 无效：只能用小写字母、数字和下划线，且不以数字开头 / invalid PostgreSQL schema name "1bad": use lower-case letters, digits and underscores, not starting with a digit',
    );
    const message = postgresStoreMessage('schema.missing', { schema: 'county_a' });
    expect(renderMessage(message, [pseudo])).toBe('⟪schema.missing county_a⟫');
  });
});
