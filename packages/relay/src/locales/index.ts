/** The relay's words (外发措辞), by language, and how its messages are said in Chinese and English. */
import { localized, type Message, areaWords } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { relayMessage, type RelayMessages } from './messages.js';

export const RELAY_WORDS = areaWords(zh, en);

/** `message` in Chinese and English. */
export const said = (message: Message): { zh: string; en: string } => localized(message, RELAY_WORDS);
