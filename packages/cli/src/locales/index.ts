/** The command line's words (命令行措辞), by language, and how its messages are said. */
import { areaWords, inBoth as onOneLine, localized, renderMessage, type Message } from '@ruralkit/core';
import { en } from './en.js';
import { cliMessage, type CliMessages } from './messages.js';
import { zh } from './zh.js';

export { cliMessage, type CliMessages } from './messages.js';

export const CLI_WORDS = areaWords(zh, en);

/** `message` in Chinese and English. */
export const said = (message: Message): { zh: string; en: string } => localized(message, CLI_WORDS);

/** `message` in Chinese, then in English: `中文 / English` (or another `between`, such as a space for a label). */
export const inBoth = (message: Message, between = ' / '): string => onOneLine(message, CLI_WORDS, between);

/** `message` in English alone: a line the command has always printed in English. */
export const inEnglish = (message: Message): string => renderMessage(message, CLI_WORDS.en);

/** `message` in English, then in Chinese in brackets: `English (中文)`. */
export const englishFirst = (message: Message): string => {
  const text = said(message);
  return `${text.en} (${text.zh})`;
};

/** The codes that take no parameters: labels, headings, fixed sentences. */
export type Fixed = {
  [C in keyof CliMessages]: CliMessages[C] extends Record<string, never> ? C : never;
}[keyof CliMessages];

/** A label or fixed sentence in both languages: `死信 / dead letters` (`between` a space: `用时 elapsed`). */
export const label = (code: Fixed, between = ' / '): string => inBoth(cliMessage(code, {}), between);

/** A label or fixed word in English alone. */
export const englishWord = (code: Fixed): string => inEnglish(cliMessage(code, {}));

/** A label or heading in one language: `--lang en` output. */
export const word = (code: Fixed, lang: 'zh' | 'en'): string => renderMessage(cliMessage(code, {}), CLI_WORDS[lang]);
