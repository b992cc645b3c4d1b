/**
 * The words a workflow's messages are said with (流程措辞), by language: the runtime's, the
 * model's, then the workflow definition's own.
 */
import { deepFreeze } from '../../model/freeze.js';
import { MODEL_WORDS } from '../../model/locales/index.js';
import { inBoth, localized, renderMessage, type Message, type Words } from '../../model/message.js';
import type { LocalizedText } from '../../model/schema.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const WORKFLOW_WORDS = deepFreeze({ zh: [zh, ...MODEL_WORDS.zh], en: [en, ...MODEL_WORDS.en] } as const);

/** A workflow definition's own words (`WorkflowDefinition.words`), by language. */
export interface OwnWords {
  words?: { readonly zh?: Words; readonly en?: Words };
}

/** The words for messages about `definition`'s instances, in Chinese and English. */
export function wordsFor(definition: OwnWords | undefined): { zh: readonly Words[]; en: readonly Words[] } {
  const own = definition?.words;
  return {
    zh: own?.zh ? [...WORKFLOW_WORDS.zh, own.zh] : WORKFLOW_WORDS.zh,
    en: own?.en ? [...WORKFLOW_WORDS.en, own.en] : WORKFLOW_WORDS.en,
  };
}

/** A runtime's message in Chinese and English, with `definition`'s words when it has some. */
export function workflowText(message: Message, definition?: OwnWords): LocalizedText {
  return localized(message, wordsFor(definition));
}

/**
 * `text`, already said in both languages (by another area, or by a caller), put into the message
 * `around` makes of it, each language with its own: a refusal's heading around its problem.
 */
export function sayAround(
  text: LocalizedText,
  around: (said: string) => Message,
  words: { zh: readonly Words[]; en: readonly Words[] } = WORKFLOW_WORDS,
): LocalizedText {
  return { zh: renderMessage(around(text.zh), words.zh), en: renderMessage(around(text.en), words.en) };
}

/** A runtime's message in both languages on one line, as a log or an `Error` shows it: `中文 / English`. */
export function workflowLine(message: Message): string {
  return inBoth(message, WORKFLOW_WORDS);
}
