// A third language for tests (伪语言): the HTML report's words.
import type { WordsOf } from '@ruralkit/core';
import type { HtmlReportMessages } from '../../src/locales/messages.js';

export const pseudo: WordsOf<HtmlReportMessages> = {
  'chart.amount': (p) => `⟪chart.amount ${p.value}⟫`,
};
