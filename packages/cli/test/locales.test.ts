// The command line's words say the same codes in Chinese, English and the test language: a third
// language is one more file, which the compiler holds complete (`WordsOf`).
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { CLI_WORDS, cliMessage, said } from '../src/locales/index.js';
import { pseudo } from './locales/pseudo-cli.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the command line's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(CLI_WORDS.zh[0]!, CLI_WORDS.en[0]!, pseudo);
  });

  it('say a message in the test language, a message among its parameters too', () => {
    const option = cliMessage('usage.unknown-option', {
      option: '--fromat',
      command: 'ruralkit evaluate',
      suggestion: '--format',
    });
    expect(renderMessage(option, [pseudo])).toBe('⟪usage.unknown-option --fromat ruralkit evaluate --format⟫');
    const missing = cliMessage('optional.missing', {
      packageName: '@ruralkit/xlsx',
      neededFor: cliMessage('needed-for.csv', {}),
    });
    expect(renderMessage(missing, [pseudo])).toBe('⟪optional.missing @ruralkit/xlsx ⟪needed-for.csv⟫⟫');
  });

  it('say a suggestion only when there is one', () => {
    const unknown = (suggestion?: string) =>
      said(cliMessage('usage.unknown-command', { command: 'evalute', suggestion }));
    expect(unknown('evaluate')).toEqual({
      zh: '未知命令 "evalute"；您是否要输入 evaluate？（命令列表见 ruralkit --help）',
      en: 'unknown command "evalute" — did you mean evaluate? (ruralkit --help lists the commands)',
    });
    expect(unknown().en).toBe('unknown command "evalute" (ruralkit --help lists the commands)');
  });

  it('are frozen: a template cannot be swapped at run time', () => {
    expect(() => {
      (CLI_WORDS.zh[0] as Record<string, unknown>)['usage.see-help'] = () => 'x';
    }).toThrow();
  });
});
