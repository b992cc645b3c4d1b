// The scenario runner's words say the same codes in Chinese, English and the test language, and
// a missing scenario is named in both languages.
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../src/index.js';
import { SCENARIO_WORDS, scenarioMessage } from '../src/locales/index.js';
import { pseudo } from './locales/pseudo-scenario.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the scenario runner's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(SCENARIO_WORDS.zh[0]!, SCENARIO_WORDS.en[0]!, pseudo);
  });

  it('name a missing scenario in Chinese and English; the test language says its messages too', () => {
    expect(() => findScenarioFiles(['no-such-scenarios'], '/')).toThrow(
      '找不到场景文件或文件夹 / scenario file or folder not found: /no-such-scenarios',
    );
    const outside = scenarioMessage('plugin.outside-root', { root: 'scenarios' });
    expect(renderMessage(outside, [pseudo])).toBe('⟪plugin.outside-root scenarios⟫');
  });
});
