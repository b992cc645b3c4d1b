/** The Changjiang procedures' words (措辞), as their definitions carry them (`WorkflowDefinition.words`). */
import { deepFreeze } from '../../../../model/freeze.js';
import { localized, type Message } from '../../../../model/message.js';
import type { LocalizedText } from '../../../../model/schema.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const CHANGJIANG_WORDS = deepFreeze({ zh, en } as const);

/** A Changjiang procedures' message in Chinese and English: a name a definition carries. */
export function changjiangText(message: Message): LocalizedText {
  return localized(message, { zh: [CHANGJIANG_WORDS.zh], en: [CHANGJIANG_WORDS.en] });
}
