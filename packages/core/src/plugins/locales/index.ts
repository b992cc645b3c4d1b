/** The words the plugins' messages are said with (插件措辞), by language. */
import { deepFreeze } from '../../model/freeze.js';
import { localized, type Message } from '../../model/message.js';
import type { LocalizedText } from '../../model/schema.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const PLUGIN_WORDS = deepFreeze({ zh: [zh], en: [en] } as const);

/** A plugins' message in Chinese and English. */
export function pluginText(message: Message): LocalizedText {
  return localized(message, PLUGIN_WORDS);
}
