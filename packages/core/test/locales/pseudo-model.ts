// A third language for tests (伪语言): the model's words. A new language is one such file per area.
import type { ModelMessages, WordsOf } from '../../src/index.js';

export const pseudo: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => '⟪amount beyond limit⟫',
  'amount.whole-fen': () => '⟪amount not whole fen⟫',
  'id.too-long': ({ length, max }) => `⟪id ${length} > ${max}⟫`,
  'id.reserved': ({ id }) => `⟪id reserved ${id}⟫`,
  'id.characters': () => '⟪id characters⟫',
  'suggest.did-you-mean': ({ suggestion }) => `⟪${suggestion}?⟫`,
  'parameter.not-a-date': ({ value }) => `⟪${value} not a date⟫`,
  'parameter.not-a-number': ({ value, unit }) => `⟪${value} not a number ${unit}⟫`,
  'parameter.ratio-range': ({ value }) => `⟪ratio ${value} outside 0..1⟫`,
  'parameter.negative': ({ value, unit }) => `⟪${value} negative ${unit}⟫`,
  'parameter.whole-number': ({ value, unit }) => `⟪${value} not whole ${unit}⟫`,
  'condition.unknown-fact': ({ fact }) => `⟪unknown fact ${fact}⟫`,
  'issues.more-of-kind': ({ more }) => `⟪+${more}⟫`,
  'issues.line': ({ line }) => `⟪L${line}⟫`,
  'subject.village': () => '⟪village⟫',
  'subject.district': () => '⟪district⟫',
  'subject.household': () => '⟪household⟫',
};
