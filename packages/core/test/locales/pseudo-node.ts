// A third language for tests (伪语言): the words of key files and plugin files.
import type { WordsOf } from '../../src/index.js';
import type { NodeMessages } from '../../src/node/locales/messages.js';

export const pseudo: WordsOf<NodeMessages> = {
  'key-file.invalid': ({ path, problem }) => `⟪${path}: ${problem}⟫`,
  'key-file.open-mode': ({ mode }) => `⟪mode ${mode}⟫`,
  'key-file.not-json': ({ detail }) => `⟪not json ${detail}⟫`,
  'key-file.not-format': ({ format }) => `⟪not ${format}⟫`,
  'key-file.bad-key': ({ number }) => `⟪bad key ${number}⟫`,
  'key-file.lock-held': ({ lock }) => `⟪lock ${lock}⟫`,
  'plugin-file.code-not-allowed': () => '⟪code plugin⟫',
  'plugin-file.unreadable': ({ detail }) => `⟪unreadable ${detail}⟫`,
  'plugin-file.no-plugin': () => '⟪no plugin⟫',
};
