/** 长江流程消息的中文措辞 / the Changjiang procedures' words in Chinese. */
import type { WordsOf } from '../../../../model/message.js';
import type { ChangjiangMessages } from './messages.js';

export const zh: WordsOf<ChangjiangMessages> = {
  'village-plan.consultation-too-short': (p) =>
    `征求意见自 ${p.opened} 起仅 ${p.days} 天，不足 ${p.minDays} 天（planning.consultationMinDays），最早 ${p.earliest} 可结束`,
  'village-plan.in-favour-exceeds-attendees': () => '赞成人数（inFavour）不能多于到会人数（attendees）',
  'rectification.milestone-after-final': () => '每个节点（milestones）的期限都不能晚于 finalDueOn',
  'rectification.final-due-passed': (p) => `finalDueOn ${p.finalDueOn} 早于今天 ${p.today}`,
  'rectification.already-rated': () => '本次办结已评价',
  'poverty-monitoring.notice-too-short': (p) =>
    `公示自 ${p.started} 起仅 ${p.days} 天，不足 ${p.minDays} 天（monitoring.noticeMinDays），最早 ${p.earliest} 可结束`,
  'poverty-monitoring.no-labour-capacity': () => '该户无劳动能力，不标注风险消除，继续以兜底保障帮扶',
  'poverty-monitoring.risk-without-measure': (p) => `风险 ${p.risk} 尚无帮扶措施`,
  'poverty-monitoring.risk-not-resolved': (p) => `风险 ${p.risk} 尚未消除`,
  'poverty-monitoring.no-developmental-measure': () => '尚无产业或就业等开发式帮扶措施',
  'poverty-monitoring.income-months-short': (p) =>
    `收入记录仅 ${p.recorded} 个月，需连续 ${p.needed} 个月（monitoring.eliminationStableMonths）`,
  'poverty-monitoring.income-below-threshold': (p) => `${p.months.join('、')} 人均收入低于监测标准 ${p.threshold} 元`,
  'poverty-monitoring.risk-not-confirmed': (p) => `风险 ${p.risk} 不在已确认的风险（${p.confirmed.join('、')}）之中`,
  'poverty-monitoring.resolve-without-measure': (p) => `风险 ${p.risk} 尚无帮扶措施，不能标注消除`,
  'village-plan.name': () => '村庄规划编制',
  'village-plan.deadline.approval': () => '规划批准期限',
  'village-plan.deadline.review': () => '区级审查期限',
  'village-plan.deadline.publication': () => '规划公布期限',
  'rectification.name': () => '问题整改',
  'rectification.deadline.accept': () => '受理期限',
  'rectification.deadline.rectify': () => '整改期限',
  'rectification.deadline.verify': () => '核验期限',
  'poverty-monitoring.name': () => '防止返贫动态监测和帮扶',
  'poverty-monitoring.deadline.identification': () => '识别期限',
};
