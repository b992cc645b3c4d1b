// A third language for tests (伪语言): the model's words. A new language is one such file per area.
import type { ModelMessages, WordsOf } from '../../src/index.js';

export const pseudo: WordsOf<ModelMessages> = {
  'amount.beyond-limit': () => '⟪amount beyond limit⟫',
  'amount.whole-fen': () => '⟪amount not whole fen⟫',
  'id.too-long': ({ length, max }) => `⟪id ${length} > ${max}⟫`,
  'id.reserved': ({ id }) => `⟪id reserved ${id}⟫`,
  'id.characters': () => '⟪id characters⟫',
};
