/** 模型消息的中文措辞 / the model's words in Chinese. */
import type { WordsOf } from '../message.js';
import type { ModelMessages } from './messages.js';

export const zh: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => '金额超过一万亿（1,000,000,000,000）元上限',
  'amount.whole-fen': () => '金额以元计，最多两位小数（到分）',
  'id.too-long': ({ length, max }) => `编号有 ${length} 个字符，超过 ${max} 个上限`,
  'id.reserved': ({ id }) => `编号不能是 "${id}"（保留名）`,
  'id.characters': () => '编号只能含字母、数字和 _ . : -，并以字母、数字或 _ 开头',
  'suggest.did-you-mean': ({ suggestion }) => `；您是否要输入 ${suggestion}？`,
  'parameter.not-a-date': ({ value }) => `${value} 不是 YYYY-MM-DD 格式的真实日期`,
  'parameter.not-a-number': ({ value, unit }) => `${value} 不是数字（单位 ${unit}）`,
  'parameter.ratio-range': ({ value }) => `比率 ${value} 不在 0–1 之间`,
  'parameter.negative': ({ value, unit }) => `${value} 不能为负数（单位 ${unit}）`,
  'parameter.whole-number': ({ value, unit }) => `${value} 须为整数（单位 ${unit}）`,
  'condition.unknown-fact': ({ fact }) => `条件引用了不存在的指标或参数 "${fact}"`,
  'issues.more-of-kind': ({ more }) => `同类问题另有 ${more} 处`,
  'issues.line': ({ line }) => `第${line}行`,
  'subject.village': () => '村',
  'subject.district': () => '区',
  'subject.household': () => '户',
};
