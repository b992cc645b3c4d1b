// The SQLite store's words say the same codes in Chinese, English and the test language, and a
// database newer than the store is refused in both languages.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { SQLITE_STORE_WORDS, sqliteStoreMessage } from '../src/locales/index.js';
import { migrateSchema, SCHEMA_MIGRATIONS } from '../src/migrations.js';
import { pseudo } from './locales/pseudo-sqlite-store.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the SQLite store's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(SQLITE_STORE_WORDS.zh[0]!, SQLITE_STORE_WORDS.en[0]!, pseudo);
  });

  it('refuse a database newer than the store, in Chinese and English; the test language says it too', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'ruralkit-words-')), 'newer.db'));
    const supported = SCHEMA_MIGRATIONS.length;
    db.pragma(`user_version = ${supported + 1}`);
    expect(() => migrateSchema(db)).toThrow(
      `数据库结构版本 ${supported + 1} 高于本程序支持的 ${supported} / the database schema version ${supported + 1} is newer than this store supports (${supported}): upgrade @ruralkit/store-sqlite`,
    );
    db.close();
    const message = sqliteStoreMessage('schema.too-new', { current: 9, supported: 8 });
    expect(renderMessage(message, [pseudo])).toBe('⟪schema.too-new 9 8⟫');
  });
});
