/** The scenario runner's words in English. */
import type { WordsOf } from '@ruralkit/core';
import type { ScenarioMessages } from './messages.js';

export const en: WordsOf<ScenarioMessages> = {
  'plugin.outside-root': (p) =>
    `a scenario's plugins must lie inside ${p.root} (name another folder with ruralkit test --plugin-root, or pluginRoot)`,
  'file.not-found': () => 'scenario file or folder not found',
  'file.unreadable': () => 'cannot read the scenario',
  'file.invalid': () => 'not a valid scenario',
};
