/**
 * The messages of the Changjiang procedures (长江流程消息): why a guarded event is refused now and
 * what a payload check found, with their parameters. Their words are in `zh.ts` and `en.ts`.
 */
import { messageOf } from '../../../../model/message.js';

export interface ChangjiangMessages {
  'village-plan.consultation-too-short': { opened: string; days: number; minDays: number; earliest: string };
  'village-plan.in-favour-exceeds-attendees': Record<string, never>;
  'rectification.milestone-after-final': Record<string, never>;
  'rectification.final-due-passed': { finalDueOn: string; today: string };
  'rectification.already-rated': Record<string, never>;
  'poverty-monitoring.notice-too-short': { started: string; days: number; minDays: number; earliest: string };
  'poverty-monitoring.no-labour-capacity': Record<string, never>;
  'poverty-monitoring.risk-without-measure': { risk: string };
  'poverty-monitoring.risk-not-resolved': { risk: string };
  'poverty-monitoring.no-developmental-measure': Record<string, never>;
  'poverty-monitoring.income-months-short': { recorded: number; needed: number };
  'poverty-monitoring.income-below-threshold': { months: string[]; threshold: number };
  'poverty-monitoring.risk-not-confirmed': { risk: string; confirmed: string[] };
  'poverty-monitoring.resolve-without-measure': { risk: string };
  /** The procedures' names and their deadlines' names. */
  'village-plan.name': Record<string, never>;
  'village-plan.deadline.approval': Record<string, never>;
  'village-plan.deadline.review': Record<string, never>;
  'village-plan.deadline.publication': Record<string, never>;
  'rectification.name': Record<string, never>;
  'rectification.deadline.accept': Record<string, never>;
  'rectification.deadline.rectify': Record<string, never>;
  'rectification.deadline.verify': Record<string, never>;
  'poverty-monitoring.name': Record<string, never>;
  'poverty-monitoring.deadline.identification': Record<string, never>;
}

export const changjiangMessage = messageOf<ChangjiangMessages>();
