/** The model's words in English (模型消息的英文措辞). */
import type { WordsOf } from '../message.js';
import type { ModelMessages } from './messages.js';

export const en: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => 'the amount is beyond the limit of 1,000,000,000,000 CNY',
  'amount.whole-fen': () => 'an amount is in yuan with at most two decimals (whole fen)',
  'id.too-long': ({ length, max }) => `the id has ${length} characters, more than the ${max} limit`,
  'id.reserved': ({ id }) => `the id cannot be "${id}" (a reserved name)`,
  'id.characters': () => 'an id holds only letters, digits and _ . : -, and starts with a letter, a digit or _',
  'suggest.did-you-mean': ({ suggestion }) => ` — did you mean ${suggestion}?`,
  'parameter.not-a-date': ({ value }) => `${value} is not a real date YYYY-MM-DD`,
  'parameter.not-a-number': ({ value, unit }) => `${value} is not a number (unit ${unit})`,
  'parameter.ratio-range': ({ value }) => `the ratio ${value} is not between 0 and 1`,
  'parameter.negative': ({ value, unit }) => `${value} cannot be negative (unit ${unit})`,
  'parameter.whole-number': ({ value, unit }) => `${value} must be a whole number (unit ${unit})`,
  'condition.unknown-fact': ({ fact }) =>
    `the condition reads "${fact}", which is no indicator, parameter or derived fact`,
  'issues.more-of-kind': ({ more }) => `and ${more} more of the same kind`,
  'issues.line': ({ line }) => `line ${line}`,
  'subject.village': () => 'village',
  'subject.district': () => 'district',
  'subject.household': () => 'household',
};
