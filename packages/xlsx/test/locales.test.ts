// The spreadsheets' words files say the same codes in every language, the test language included:
// a third language is one file per area, which the compiler holds complete (`WordsOf`).
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { sheetName } from '../src/columns.js';
import { XLSX_WORDS, xlsxMessage } from '../src/locales/index.js';
import { pseudo } from './locales/pseudo-xlsx.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the spreadsheets' words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(XLSX_WORDS.zh[0]!, XLSX_WORDS.en[0]!, pseudo);
  });

  it('say a problem of a batch header in the test language, its sheet too', () => {
    const unknown = xlsxMessage('header.unknown-key', { sheet: sheetName('village-indicators') });
    const message = xlsxMessage('header.at-column', { column: 3, problem: unknown });
    expect(renderMessage(message, [pseudo])).toBe(
      '⟪header.at-column 3 ⟪header.unknown-key ⟪sheet.village-indicators⟫⟫⟫',
    );
    expect(renderMessage(message, XLSX_WORDS.zh)).toBe('第3列：未知列：村指标表没有此键名（方案及插件均未定义）');
  });

  it('are frozen: a template cannot be swapped at run time', () => {
    expect(Object.isFrozen(XLSX_WORDS.zh[0])).toBe(true);
    expect(() => {
      (XLSX_WORDS.zh[0] as Record<string, unknown>)['list.items'] = () => 'x';
    }).toThrow();
  });
});
