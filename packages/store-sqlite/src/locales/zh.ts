/** 存储消息的中文措辞 / the SQLite store's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { SqliteStoreMessages } from './messages.js';

export const zh: WordsOf<SqliteStoreMessages> = {
  'schema.too-new': (p) => `数据库结构版本 ${p.current} 高于本程序支持的 ${p.supported}`,
};
