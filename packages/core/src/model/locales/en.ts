/** The model's words in English (模型消息的英文措辞). */
import type { WordsOf } from '../message.js';
import type { ModelMessages } from './messages.js';

export const en: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => 'the amount is beyond the limit of 1,000,000,000,000 CNY',
  'amount.whole-fen': () => 'an amount is in yuan with at most two decimals (whole fen)',
  'id.too-long': ({ length, max }) => `the id has ${length} characters, more than the ${max} limit`,
  'id.reserved': ({ id }) => `the id cannot be "${id}" (a reserved name)`,
  'id.characters': () => 'an id holds only letters, digits and _ . : -, and starts with a letter, a digit or _',
};
