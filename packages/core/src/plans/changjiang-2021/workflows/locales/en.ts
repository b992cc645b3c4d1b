/** The Changjiang procedures' words in English (长江流程消息的英文措辞). */
import type { WordsOf } from '../../../../model/message.js';
import type { ChangjiangMessages } from './messages.js';

export const en: WordsOf<ChangjiangMessages> = {
  'village-plan.consultation-too-short': (p) =>
    `consultation opened on ${p.opened}, only ${p.days} days ago; it needs ${p.minDays} days (planning.consultationMinDays): close it on ${p.earliest} or later`,
  'village-plan.in-favour-exceeds-attendees': () => 'inFavour cannot exceed attendees',
  'rectification.milestone-after-final': () => 'every milestone must be due on or before finalDueOn',
  'rectification.final-due-passed': (p) => `finalDueOn ${p.finalDueOn} is before today (${p.today})`,
  'rectification.already-rated': () => 'this closing has already been rated',
  'poverty-monitoring.notice-too-short': (p) =>
    `the public notice started on ${p.started}, only ${p.days} days ago; it needs ${p.minDays} days (monitoring.noticeMinDays): complete it on ${p.earliest} or later`,
  'poverty-monitoring.no-labour-capacity': () =>
    'the household has no labour capacity: it is not proposed for elimination and stays assisted with social-security measures',
  'poverty-monitoring.risk-without-measure': (p) => `risk ${p.risk} has no assistance measure`,
  'poverty-monitoring.risk-not-resolved': (p) => `risk ${p.risk} is not resolved`,
  'poverty-monitoring.no-developmental-measure': () => 'no developmental (industry or employment) measure yet',
  'poverty-monitoring.income-months-short': (p) =>
    `only ${p.recorded} months of income recorded; ${p.needed} are needed (monitoring.eliminationStableMonths)`,
  'poverty-monitoring.income-below-threshold': (p) =>
    `per-capita income below the threshold of ${p.threshold} CNY in ${p.months.join(', ')}`,
  'poverty-monitoring.risk-not-confirmed': (p) =>
    `risk ${p.risk} is not among the confirmed risks (${p.confirmed.join(', ')})`,
  'poverty-monitoring.resolve-without-measure': (p) => `risk ${p.risk} has no measure yet, so it cannot be resolved`,
  'village-plan.name': () => 'Village planning',
  'village-plan.deadline.approval': () => 'plan approved by',
  'village-plan.deadline.review': () => 'district review due',
  'village-plan.deadline.publication': () => 'plan published by',
  'rectification.name': () => 'Rectification',
  'rectification.deadline.accept': () => 'accept by',
  'rectification.deadline.rectify': () => 'rectified by',
  'rectification.deadline.verify': () => 'verified by',
  'poverty-monitoring.name': () => 'Anti-poverty-relapse monitoring',
  'poverty-monitoring.deadline.identification': () => 'identified by',
};
