/** The condition compiler's words in English (条件编译消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { RuleMessages } from './messages.js';

export const en: WordsOf<RuleMessages> = {
  'fact.undefined': ({ fact }) => `Undefined fact: ${fact}`,
  'fact.function': ({ fact, problem }) => `fact "${fact}": its function ${problem}`,
  'fact.threw': () => 'threw',
  'fact.promise': () => 'returned a promise: compiled conditions evaluate synchronously, resolve the value first',
  'condition.invalid': ({ where, problem }) => `${where}: ${problem}`,
  'condition.not-object': () => 'expected a condition object',
  'condition.top-level': () => 'the top level must be "all", "any", "not" or "condition", not a fact comparison',
  'condition.expected-kind': () => 'expected one of "all", "any", "not", "condition" or "fact"',
  'condition.not-array': ({ kind }) => `"${kind}" must be an array`,
  'condition.not-in-array': () => '"not" cannot be an array',
  'condition.unknown-shared': ({ name }) => `unknown shared condition "${name}"`,
  'condition.cyclic-shared': ({ names }) => `cyclic shared conditions: ${names.join(' -> ')}`,
  'condition.missing-operator': () => 'missing "operator"',
  'condition.missing-value': () => 'missing "value"',
  'condition.operator-not-string': () => '"operator" must be a string',
  'condition.unknown-operator': ({ operator }) => `unknown operator "${operator}"`,
  'custom.not-function': ({ what, name }) => `custom ${what} "${name}" must be a function`,
};
