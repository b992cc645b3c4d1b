/** The HTML report's words in English. */
import type { WordsOf } from '@ruralkit/core';
import type { HtmlReportMessages } from './messages.js';

export const en: WordsOf<HtmlReportMessages> = {
  'chart.amount': (p) => `CNY ${Math.round(p.value / 1000)}k`,
};
