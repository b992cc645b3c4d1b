/** 存储消息的中文措辞 / the PostgreSQL store's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { PostgresStoreMessages } from './messages.js';

export const zh: WordsOf<PostgresStoreMessages> = {
  'connection.missing': () => '缺少 PostgreSQL 连接串：请给出 connectionString 或设置 DATABASE_URL',
  'schema.invalid-name': (p) => `PostgreSQL 模式名 "${p.schema}" 无效：只能用小写字母、数字和下划线，且不以数字开头`,
  'schema.missing': (p) => `PostgreSQL 模式 "${p.schema}" 不存在：请检查名称`,
  'schema.too-new': (p) => `数据库模式 ${p.schema} 的结构版本 ${p.current} 高于本程序支持的 ${p.supported}`,
};
