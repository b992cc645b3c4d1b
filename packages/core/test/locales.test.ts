// Each area's words files say the same codes in every language, the test language included: a
// third language is one file per area, which the compiler holds complete (`WordsOf`).
import { describe, expect, it } from 'vitest';
import { WORKFLOW_WORDS } from '../src/index.js';
import { EVALUATION_WORDS } from '../src/evaluate/locales/index.js';
import { MODEL_WORDS } from '../src/model/locales/index.js';
import { PLUGIN_WORDS } from '../src/plugins/locales/index.js';
import { CHANGJIANG_WORDS } from '../src/plans/changjiang-2021/workflows/locales/index.js';
import { pseudo as pseudoChangjiang } from './locales/pseudo-changjiang.js';
import { pseudo as pseudoEvaluation } from './locales/pseudo-evaluation.js';
import { pseudo as pseudoModel } from './locales/pseudo-model.js';
import { pseudo as pseudoPlugins } from './locales/pseudo-plugins.js';
import { pseudo as pseudoWorkflows } from './locales/pseudo-workflows.js';

const codes = (words: object) => Object.keys(words).sort();

describe('the words files of each area', () => {
  it.each([
    ['model', MODEL_WORDS.zh[0]!, MODEL_WORDS.en[0]!, pseudoModel],
    ['workflows', WORKFLOW_WORDS.zh[0]!, WORKFLOW_WORDS.en[0]!, pseudoWorkflows],
    ['evaluation', EVALUATION_WORDS.zh, EVALUATION_WORDS.en, pseudoEvaluation],
    ['the Changjiang procedures', CHANGJIANG_WORDS.zh, CHANGJIANG_WORDS.en, pseudoChangjiang],
    ['plugins', PLUGIN_WORDS.zh[0]!, PLUGIN_WORDS.en[0]!, pseudoPlugins],
  ])('say the same codes in Chinese, English and the test language: %s', (_area, zh, en, pseudo) => {
    expect(codes(zh).length).toBeGreaterThan(0);
    expect(codes(en)).toEqual(codes(zh));
    expect(codes(pseudo)).toEqual(codes(zh));
  });

  it('are frozen: a template cannot be swapped at run time', () => {
    expect(Object.isFrozen(EVALUATION_WORDS.zh)).toBe(true);
    expect(() => {
      (EVALUATION_WORDS.zh as Record<string, unknown>)['value.none'] = () => 'x';
    }).toThrow();
  });
});
