/** The service's words (服务措辞), by language, and how a message of theirs is said in both. */
import { localized, type LocalizedText, type Message, areaWords } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { httpMessage } from './messages.js';

export const HTTP_WORDS = areaWords(zh, en);

/** `message` in Chinese and English: a problem's title or detail, chosen by `Accept-Language` when answered. */
export function httpText(message: Message): LocalizedText {
  return localized(message, HTTP_WORDS);
}
