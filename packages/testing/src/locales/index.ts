/** The scenario runner's words (场景措辞), by language, and how its messages are said. */
import { areaWords, inBoth as onOneLine, localized, type Message } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { scenarioMessage, type ScenarioMessages } from './messages.js';

export const SCENARIO_WORDS = areaWords(zh, en);

/** `message` in Chinese and English. */
export const said = (message: Message): { zh: string; en: string } => localized(message, SCENARIO_WORDS);

/** `message` in Chinese, then in English: `中文 / English`. */
export const inBoth = (message: Message): string => onOneLine(message, SCENARIO_WORDS);

/** `message` in English, then in Chinese in brackets: `English (中文)`. */
export const englishFirst = (message: Message): string => {
  const { zh, en } = said(message);
  return `${en} (${zh})`;
};
