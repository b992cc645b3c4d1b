// A third language for tests (伪语言): the Changjiang procedures' words.
import type { WordsOf } from '../../src/index.js';
import type { ChangjiangMessages } from '../../src/plans/changjiang-2021/workflows/locales/messages.js';

export const pseudo: WordsOf<ChangjiangMessages> = {
  'village-plan.consultation-too-short': (p) => `⟪consultation ${p.days}/${p.minDays} from ${p.earliest}⟫`,
  'village-plan.in-favour-exceeds-attendees': () => '⟪in favour > attendees⟫',
  'rectification.milestone-after-final': () => '⟪milestone after final⟫',
  'rectification.final-due-passed': (p) => `⟪final ${p.finalDueOn} < ${p.today}⟫`,
  'rectification.already-rated': () => '⟪rated⟫',
  'poverty-monitoring.notice-too-short': (p) => `⟪notice ${p.days}/${p.minDays}⟫`,
  'poverty-monitoring.no-labour-capacity': () => '⟪no labour capacity⟫',
  'poverty-monitoring.risk-without-measure': (p) => `⟪${p.risk} no measure⟫`,
  'poverty-monitoring.risk-not-resolved': (p) => `⟪${p.risk} not resolved⟫`,
  'poverty-monitoring.no-developmental-measure': () => '⟪no developmental measure⟫',
  'poverty-monitoring.income-months-short': (p) => `⟪income ${p.recorded}/${p.needed}⟫`,
  'poverty-monitoring.income-below-threshold': (p) => `⟪below ${p.threshold} in ${p.months.join('+')}⟫`,
  'poverty-monitoring.risk-not-confirmed': (p) => `⟪${p.risk} not in ${p.confirmed.join('+')}⟫`,
  'poverty-monitoring.resolve-without-measure': (p) => `⟪${p.risk} resolve without measure⟫`,
  'village-plan.name': () => '⟪village-plan.name⟫',
  'village-plan.deadline.approval': () => '⟪village-plan.deadline.approval⟫',
  'village-plan.deadline.review': () => '⟪village-plan.deadline.review⟫',
  'village-plan.deadline.publication': () => '⟪village-plan.deadline.publication⟫',
  'rectification.name': () => '⟪rectification.name⟫',
  'rectification.deadline.accept': () => '⟪rectification.deadline.accept⟫',
  'rectification.deadline.rectify': () => '⟪rectification.deadline.rectify⟫',
  'rectification.deadline.verify': () => '⟪rectification.deadline.verify⟫',
  'poverty-monitoring.name': () => '⟪poverty-monitoring.name⟫',
  'poverty-monitoring.deadline.identification': () => '⟪poverty-monitoring.deadline.identification⟫',
};
