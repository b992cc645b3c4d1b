/** The HTML report's words (报告措辞), by language. */
import { en } from './en.js';
import { zh } from './zh.js';

export { htmlReportMessage, type HtmlReportMessages } from './messages.js';

export const HTML_REPORT_WORDS = Object.freeze({
  zh: Object.freeze([Object.freeze(zh)]),
  en: Object.freeze([Object.freeze(en)]),
});
