// Each area's words files say the same codes in every language, the test language included: a
// third language is one file per area, which the compiler holds complete (`WordsOf`).
import { describe, expect, it } from 'vitest';
import { LABEL_WORDS, renderMessage, WORKFLOW_WORDS } from '../src/index.js';
import { nodeMessage } from '../src/node/locales/messages.js';
import { en as errorTitlesEn } from '../src/model/locales/error-titles-en.js';
import { zh as errorTitlesZh } from '../src/model/locales/error-titles-zh.js';
import { EVALUATION_WORDS } from '../src/evaluate/locales/index.js';
import { MODEL_WORDS } from '../src/model/locales/index.js';
import { NODE_WORDS } from '../src/node/locales/index.js';
import { RULE_WORDS } from '../src/rules/locales/index.js';
import { PLUGIN_WORDS } from '../src/plugins/locales/index.js';
import { CHANGJIANG_WORDS } from '../src/plans/changjiang-2021/workflows/locales/index.js';
import { pseudo as pseudoChangjiang } from './locales/pseudo-changjiang.js';
import { pseudo as pseudoErrorTitles } from './locales/pseudo-error-titles.js';
import { pseudo as pseudoEvaluation } from './locales/pseudo-evaluation.js';
import { pseudo as pseudoLabels } from './locales/pseudo-labels.js';
import { pseudo as pseudoModel } from './locales/pseudo-model.js';
import { pseudo as pseudoNode } from './locales/pseudo-node.js';
import { pseudo as pseudoRules } from './locales/pseudo-rules.js';
import { pseudo as pseudoPlugins } from './locales/pseudo-plugins.js';
import { pseudo as pseudoWorkflows } from './locales/pseudo-workflows.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe('the words files of each area', () => {
  it.each([
    ['model', MODEL_WORDS.zh[0]!, MODEL_WORDS.en[0]!, pseudoModel],
    ['workflows', WORKFLOW_WORDS.zh[0]!, WORKFLOW_WORDS.en[0]!, pseudoWorkflows],
    ['evaluation', EVALUATION_WORDS.zh, EVALUATION_WORDS.en, pseudoEvaluation],
    ['the Changjiang procedures', CHANGJIANG_WORDS.zh, CHANGJIANG_WORDS.en, pseudoChangjiang],
    ['the condition compiler', RULE_WORDS.zh[0]!, RULE_WORDS.en[0]!, pseudoRules],
    ['key and plugin files', NODE_WORDS.zh[0]!, NODE_WORDS.en[0]!, pseudoNode],
    ["the error codes' titles", errorTitlesZh, errorTitlesEn, pseudoErrorTitles],
    ['plugins', PLUGIN_WORDS.zh[0]!, PLUGIN_WORDS.en[0]!, pseudoPlugins],
  ])('say the same codes in Chinese, English and the test language: %s', (_area, zh, en, pseudo) => {
    expectSameCodes(zh, en, pseudo);
  });

  it.each(['status', 'progress', 'kind', 'strength', 'report'] as const)(
    'name the same labels in Chinese, English and the test language: %s',
    (table) => expectSameCodes(LABEL_WORDS.zh[table], LABEL_WORDS.en[table], pseudoLabels[table]),
  );

  it('render a message with a message among its parameters in the test language', () => {
    const message = nodeMessage('key-file.invalid', {
      path: 'keys.json',
      problem: nodeMessage('key-file.bad-key', { number: 2 }),
    });
    expect(renderMessage(message, [pseudoNode])).toBe('⟪keys.json: ⟪bad key 2⟫⟫');
    expect(renderMessage(message, NODE_WORDS.en)).toBe(
      'key file keys.json: key #2 needs an id, an owner and a 32-byte key (base64)',
    );
  });

  it('are frozen: a template cannot be swapped at run time', () => {
    expect(Object.isFrozen(EVALUATION_WORDS.zh)).toBe(true);
    expect(() => {
      (EVALUATION_WORDS.zh as Record<string, unknown>)['value.none'] = () => 'x';
    }).toThrow();
  });
});
