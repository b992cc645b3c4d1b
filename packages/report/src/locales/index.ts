/** The HTML report's words (报告措辞), by language. */
import { areaWords } from '@ruralkit/core';
import { en } from './en.js';
import { zh } from './zh.js';

export { htmlReportMessage, type HtmlReportMessages } from './messages.js';

export const HTML_REPORT_WORDS = areaWords(zh, en);
