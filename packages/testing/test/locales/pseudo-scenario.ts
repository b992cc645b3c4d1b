// A third language for tests (伪语言): the scenario runner's words.
import type { WordsOf } from '@ruralkit/core';
import type { ScenarioMessages } from '../../src/locales/messages.js';

export const pseudo: WordsOf<ScenarioMessages> = {
  'plugin.outside-root': (p) => `⟪plugin.outside-root ${p.root}⟫`,
  'file.not-found': () => '⟪file.not-found⟫',
  'file.unreadable': () => '⟪file.unreadable⟫',
  'file.invalid': () => '⟪file.invalid⟫',
};
