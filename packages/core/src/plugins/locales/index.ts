/** The words the plugins' messages are said with (插件措辞), by language. */
import { areaWords, localized, type Message } from '../../model/message.js';
import type { LocalizedText } from '../../model/schema.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const PLUGIN_WORDS = areaWords(zh, en);

/** A plugins' message in Chinese and English. */
export function pluginText(message: Message): LocalizedText {
  return localized(message, PLUGIN_WORDS);
}
