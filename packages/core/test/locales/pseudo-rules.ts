// A third language for tests (伪语言): the condition compiler's words.
import type { WordsOf } from '../../src/index.js';
import type { RuleMessages } from '../../src/rules/locales/messages.js';

export const pseudo: WordsOf<RuleMessages> = {
  'fact.undefined': ({ fact }) => `⟪no fact ${fact}⟫`,
  'fact.function': ({ fact, problem }) => `⟪fact ${fact} ${problem}⟫`,
  'fact.threw': () => '⟪threw⟫',
  'fact.promise': () => '⟪promise⟫',
  'condition.invalid': ({ where, problem }) => `⟪${where}: ${problem}⟫`,
  'condition.not-object': () => '⟪not an object⟫',
  'condition.top-level': () => '⟪top level⟫',
  'condition.expected-kind': () => '⟪kind⟫',
  'condition.not-array': ({ kind }) => `⟪${kind} not array⟫`,
  'condition.not-in-array': () => '⟪not array⟫',
  'condition.unknown-shared': ({ name }) => `⟪shared ${name}?⟫`,
  'condition.cyclic-shared': ({ names }) => `⟪cycle ${names.join('>')}⟫`,
  'condition.missing-operator': () => '⟪no operator⟫',
  'condition.missing-value': () => '⟪no value⟫',
  'condition.operator-not-string': () => '⟪operator not string⟫',
  'condition.unknown-operator': ({ operator }) => `⟪operator ${operator}?⟫`,
  'custom.not-function': ({ what, name }) => `⟪${what} ${name} not function⟫`,
};
