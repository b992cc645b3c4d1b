/** 条件编译消息的中文措辞 / the condition compiler's words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import type { RuleMessages } from './messages.js';

export const zh: WordsOf<RuleMessages> = {
  'fact.undefined': ({ fact }) => `缺少事实 "${fact}"`,
  'fact.function': ({ fact, problem }) => `事实 "${fact}" 的函数${problem}`,
  'fact.threw': () => '出错',
  'fact.promise': () => '返回了 Promise：编译后的条件同步求值，请先求出事实的值',
  'condition.invalid': ({ where, problem }) => `条件 ${where} 有误：${problem}`,
  'condition.not-object': () => '应为条件对象',
  'condition.top-level': () => '顶层须为 "all"、"any"、"not" 或 "condition"，不能是事实比较',
  'condition.expected-kind': () => '应为 "all"、"any"、"not"、"condition" 或 "fact" 之一',
  'condition.not-array': ({ kind }) => `"${kind}" 须为数组`,
  'condition.not-in-array': () => '"not" 不能是数组',
  'condition.unknown-shared': ({ name }) => `未知的共享条件 "${name}"`,
  'condition.cyclic-shared': ({ names }) => `共享条件循环引用：${names.join(' -> ')}`,
  'condition.missing-operator': () => '缺少 "operator"',
  'condition.missing-value': () => '缺少 "value"',
  'condition.operator-not-string': () => '"operator" 须为字符串',
  'condition.unknown-operator': ({ operator }) => `未知运算符 "${operator}"`,
  'custom.not-function': ({ what, name }) =>
    `${what === 'operator' ? '自定义运算符' : '自定义运算符装饰器'} "${name}" 须为函数`,
};
