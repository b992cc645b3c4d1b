/**
 * Labels (标签): how a status, a progress value, a rule's kind and strength, and each of the
 * reports' words are named in one language. A language is one file of this shape.
 */
import type { Progress, RuleResult, Status } from '../types.js';

/** The words the reports use: the CLI's table and Markdown, the HTML report, the spreadsheets. */
export type ReportWord =
  | 'asOf'
  | 'rule'
  | 'status'
  | 'year'
  | 'explanation'
  | 'clause'
  | 'lead'
  | 'district'
  | 'todo'
  | 'households'
  | 'screened'
  | 'withRisk'
  | 'riskType'
  | 'category'
  | 'count'
  | 'notKey'
  | 'overall'
  | 'nothingToDo'
  | 'overview'
  | 'statusMatrix'
  | 'targets'
  | 'target'
  | 'due'
  | 'actual'
  | 'expected'
  | 'units'
  | 'village'
  | 'keyVillages'
  | 'rules'
  | 'parameters'
  | 'relaxed'
  | 'noneRelaxed'
  | 'reason'
  | 'parameter'
  | 'value'
  | 'setBy'
  | 'from'
  | 'assumption'
  | 'fromPlan'
  | 'byVillage'
  | 'privacy'
  | 'generated'
  | 'contents'
  | 'statusLegend'
  | 'assessment'
  | 'heldEveryYear'
  | 'lapsedRules'
  | 'unjudgedRules'
  | 'lapses'
  | 'notes'
  | 'summaryPage'
  | 'parts'
  | 'villages'
  | 'items'
  | 'otherVillages';

/** One language's labels. */
export interface LabelWords {
  status: Readonly<Record<Status, string>>;
  progress: Readonly<Record<Progress, string>>;
  kind: Readonly<Record<RuleResult['kind'], string>>;
  strength: Readonly<Record<RuleResult['strength'], string>>;
  report: Readonly<Record<ReportWord, string>>;
}
