/** The HTML report's messages (报告消息): the words it writes itself, beside core's report words, as codes and their parameters. */
import { messageOf } from '@ruralkit/core';

export interface HtmlReportMessages {
  /** An amount in CNY (10,000 or more) as a chart's point label, rounded to be short. */
  'chart.amount': { value: number };
}

export const htmlReportMessage = messageOf<HtmlReportMessages>();
