/** 报告消息的中文措辞 / the HTML report's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { HtmlReportMessages } from './messages.js';

export const zh: WordsOf<HtmlReportMessages> = {
  'chart.amount': (p) => `${Math.round(p.value / 1000) / 10}万元`,
};
