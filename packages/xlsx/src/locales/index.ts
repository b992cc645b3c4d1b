/** The spreadsheets' words (表格措辞), by language, and how a message of theirs is said. */
import { localized, renderMessage, type Lang, type LocalizedText, type Message, areaWords } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { xlsxMessage } from './messages.js';

export const XLSX_WORDS = areaWords(zh, en);

/** `message` in `lang`: a workbook written in one language. */
export function xlsxSaid(message: Message, lang: Lang): string {
  return renderMessage(message, XLSX_WORDS[lang]);
}

/** `message` in Chinese and English: a problem, or a name a workbook shows in both. */
export function xlsxText(message: Message): LocalizedText {
  return localized(message, XLSX_WORDS);
}
