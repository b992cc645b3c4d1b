/** The PostgreSQL store's words (存储措辞), by language, and how its messages are said. */
import { areaWords, inBoth as onOneLine, type Message } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { postgresStoreMessage, type PostgresStoreMessages } from './messages.js';

export const POSTGRES_STORE_WORDS = areaWords(zh, en);

/** `message` in Chinese, then in English: `中文 / English`, as an error's one message. */
export const inBoth = (message: Message): string => onOneLine(message, POSTGRES_STORE_WORDS);
