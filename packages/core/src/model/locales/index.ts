/** The model's words (模型措辞), by language. */
import { areaWords, localized } from '../message.js';
import { en } from './en.js';
import { modelMessage, type ModelMessages } from './messages.js';
import { zh } from './zh.js';

export const MODEL_WORDS = areaWords(zh, en);

/** A message of the model said in Chinese and English. */
export const said = <Code extends keyof ModelMessages & string>(code: Code, params: ModelMessages[Code]) =>
  localized(modelMessage(code, params), MODEL_WORDS);
