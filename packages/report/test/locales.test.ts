// The HTML report's words say the same codes in Chinese, English and the test language.
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { HTML_REPORT_WORDS, htmlReportMessage } from '../src/locales/index.js';
import { pseudo } from './locales/pseudo-html-report.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the HTML report's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(HTML_REPORT_WORDS.zh[0]!, HTML_REPORT_WORDS.en[0]!, pseudo);
  });

  it("say a chart's amount label in every language", () => {
    const amount = htmlReportMessage('chart.amount', { value: 325_000 });
    expect(renderMessage(amount, HTML_REPORT_WORDS.zh)).toBe('32.5万元');
    expect(renderMessage(amount, HTML_REPORT_WORDS.en)).toBe('CNY 325k');
    expect(renderMessage(amount, [pseudo])).toBe('⟪chart.amount 325000⟫');
  });
});
