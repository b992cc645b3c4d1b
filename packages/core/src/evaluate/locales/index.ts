/** The evaluation's words (评估措辞), by language: what a judgement and a value are said with. */
import { deepFreeze } from '../../model/freeze.js';
import type { Said } from '../../model/message.js';
import type { LocalizedText } from '../../model/schema.js';
import { en } from './en.js';
import type { EvaluationMessages } from './messages.js';
import { zh } from './zh.js';

export const EVALUATION_WORDS = deepFreeze({ zh, en } as const);

/** A message of the evaluation said in Chinese and English. */
export function said<Code extends keyof EvaluationMessages>(
  code: Code,
  params: Said<EvaluationMessages[Code]>,
): LocalizedText {
  return { zh: EVALUATION_WORDS.zh[code](params), en: EVALUATION_WORDS.en[code](params) };
}
