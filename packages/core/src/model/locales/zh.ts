/** 模型消息的中文措辞 / the model's words in Chinese. */
import type { WordsOf } from '../message.js';
import type { ModelMessages } from './messages.js';

export const zh: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => '金额超过一万亿（1,000,000,000,000）元上限',
  'amount.whole-fen': () => '金额以元计，最多两位小数（到分）',
  'id.too-long': ({ length, max }) => `编号有 ${length} 个字符，超过 ${max} 个上限`,
  'id.reserved': ({ id }) => `编号不能是 "${id}"（保留名）`,
  'id.characters': () => '编号只能含字母、数字和 _ . : -，并以字母、数字或 _ 开头',
};
