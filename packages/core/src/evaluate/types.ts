/** What an evaluation returns: results per subject and rule, and summaries (catalog §7). */
import type { LocalizedText } from '../model/schema.js';
import type { ValueUnit } from './format.js';

/** met (达标) · not-met (未达标) · pending (未到期) · not-applicable (不适用) · missing-data (缺数据). */
export type Status = 'met' | 'not-met' | 'pending' | 'not-applicable' | 'missing-data';
export const STATUSES: readonly Status[] = Object.freeze([
  'met',
  'not-met',
  'pending',
  'not-applicable',
  'missing-data',
]);

/** The progress measure (进展评估) of a pending numeric target. */
export type Progress = 'on-track' | 'needs-acceleration' | 'off-track' | 'deteriorating' | 'unknown';
export const PROGRESS_VALUES: readonly Progress[] = Object.freeze([
  'on-track',
  'needs-acceleration',
  'off-track',
  'deteriorating',
  'unknown',
]);

export interface SubjectRef {
  type: 'village' | 'district' | 'household';
  id: string;
  name: LocalizedText;
  /** Villages: whether the plan lists it as a key village (重点村). */
  keyVillage?: boolean;
  township?: { id: string; name: LocalizedText };
}

/** A value the rule read, and the year it was observed (none for village attributes). */
export interface ObservedValue {
  value: unknown;
  year?: number;
}

/** A comparison the rule made: the operator and the value the actual was compared with. */
export interface ExpectedValue {
  operator: string;
  value: unknown;
}

/** A parameter a result used: its value in force and who set it (`plan` or `plugin:<id>@<version>`). */
export interface ParameterUse {
  id: string;
  value: number | string;
  from: string;
  unit: string;
  assumption: boolean;
  setBy: string;
}

export interface UnitRef {
  id: string;
  name: LocalizedText;
  /** The lead unit (牵头单位) is listed first and marked. */
  lead: boolean;
  /** A per-township unit (各乡镇) acting for one village: the village's township id. */
  township?: string;
}

export interface ProgressDetail {
  base: { year: number; value: number };
  current: { year: number; value: number };
  target: number;
  dueYear: number;
  cagrObserved?: number;
  cagrRequired?: number;
  ratio?: number;
}

/** One year of an annual or ongoing rule. */
export interface YearResult {
  year: number;
  status: Status;
  /** A year still in progress at the as-of date: its 31 December. */
  due?: string;
  actual: Record<string, ObservedValue>;
  expected: Record<string, ExpectedValue>;
  missing?: string[];
  message: LocalizedText;
}

/** A numeric target's yearly values and its target line (for charts), from the year before the plan's start. */
export interface TargetSeries {
  key: string;
  unit: ValueUnit;
  target: number;
  values: { year: number; value: number | null }[];
}

/** The result of one rule for one subject. */
export interface RuleResult {
  subject: SubjectRef;
  ruleId: string;
  ruleName: LocalizedText;
  /** Who set the rule: `plan` or `plugin:<id>@<version>`. */
  setBy: string;
  kind: 'deadline' | 'annual' | 'ongoing';
  strength: 'binding' | 'strive' | 'basic';
  status: Status;
  /** Present on pending results: the progress measure, `unknown` where it cannot be computed. */
  progress?: Progress;
  progressDetail?: ProgressDetail;
  clause: { id: string; label: string };
  clauses: { id: string; label: string }[];
  /** Deadline rules: the due date. */
  due?: string;
  /** The year judged: the headline year of an annual rule, the data year otherwise. */
  year: number;
  /** The latest year any value used was observed in. */
  observedYear?: number;
  actual: Record<string, ObservedValue>;
  expected: Record<string, ExpectedValue>;
  parameters: ParameterUse[];
  units: UnitRef[];
  /** Whether the choice of lead and co-units among the clause's is the library's reading. */
  unitsAssumption?: boolean;
  /** missing-data results: the keys that were absent. */
  missing?: string[];
  /** Completion-date rules: completed, but after the due date. */
  completedLate?: boolean;
  /** Annual and ongoing rules: every year from the plan's first year to the headline year. */
  years?: YearResult[];
  /** Annual and ongoing rules: the years whose status is `not-met` (未达标年份), ascending. */
  lapses?: number[];
  /** A numeric `key ≥ target` rule: the key's yearly values and the target line. */
  series?: TargetSeries;
  /** Values the result read that workflows settled, with their instances (流程来源). */
  sources?: ResultSource[];
  message: LocalizedText;
}

/**
 * The status of one rule for one subject, without its explanation (判定状态): what batch
 * evaluation gives when it is asked for statuses only.
 */
export interface RuleStatus {
  subject: SubjectRef;
  ruleId: string;
  status: Status;
  /** The year judged, as in `RuleResult`. */
  year: number;
  due?: string;
  progress?: Progress;
}

/** A screening rule that fired for a household: a risk (风险) with its reason. */
export interface HouseholdRisk {
  ruleId: string;
  setBy: string;
  riskType: string;
  riskName: LocalizedText;
  clause: { id: string; label: string };
  actual: Record<string, ObservedValue>;
  parameters: ParameterUse[];
  units: UnitRef[];
  message: LocalizedText;
}

/** Screening of one household (部门筛查预警). */
export interface HouseholdResult {
  subject: SubjectRef;
  villageId: string;
  risks: string[];
  details: HouseholdRisk[];
  /** Suggested monitoring category, when there is a risk. */
  category?: string;
  categoryName?: LocalizedText;
  /** Screening rules that could not run, with the keys they lacked. */
  missing?: { ruleId: string; keys: string[] }[];
}

export type StatusCounts = Record<Status, number>;

/** A responsible unit's to-do list (待办): not-met results and pending ones that are off track. */
export interface UnitTodo {
  unit: UnitRef;
  items: {
    subject: SubjectRef;
    ruleId: string;
    status: Status;
    progress?: Progress;
    lead: boolean;
    message: LocalizedText;
  }[];
  /** The unit's annual and ongoing rules that did not hold in some year (未达标年份), whatever their headline. */
  lapses: LapseItem[];
}

/** A rule that did not hold in some years of the plan. */
export interface LapseItem {
  subject: SubjectRef;
  ruleId: string;
  years: number[];
  /** Whether the unit leads the rule. */
  lead: boolean;
}

export interface Summary {
  overall: StatusCounts;
  /** Each village's counts by status, and how many of its rules have lapses. */
  villages: { subject: SubjectRef; counts: StatusCounts; lapsed: number }[];
  district: StatusCounts;
  /** How many district rules have lapses. */
  districtLapsed: number;
  /** Villages in the input that the plan does not list (possible typos). */
  nonKeyVillages: string[];
  units: UnitTodo[];
  households: {
    screened: number;
    withRisk: number;
    byRiskType: Record<string, number>;
    byCategory: Record<string, number>;
  };
}

/**
 * Something about the input the evaluation did not take as given, and why (输入说明):
 * `dated-after-as-of`, a date after the as-of date (not happened yet, set aside);
 * `typed-differs-from-workflow`, a typed value the workflows settle otherwise (the workflows'
 * value is used); `workflow-village-not-in-input`, workflow facts of a village not evaluated.
 */
export interface InputNote {
  subject: Pick<SubjectRef, 'type' | 'id'>;
  /** The record's year, for yearly values. */
  year?: number;
  key: string;
  value: string;
  code: 'dated-after-as-of' | 'typed-differs-from-workflow' | 'workflow-village-not-in-input';
  message: LocalizedText;
}

/** Where a value derived from workflows came from: the workflow and its instances, each at the version read. */
export interface FactSource {
  workflow: string;
  instances: { id: string; version: number }[];
}

/** One indicator value of a village for a year, derived from workflow instances (流程产生的指标). */
export interface WorkflowFact {
  village: string;
  year: number;
  key: string;
  value: string | number | boolean;
  source: FactSource;
}

/** A value a result read that a workflow settled: the key, its year and where it came from. */
export interface ResultSource extends FactSource {
  key: string;
  year: number;
}

/** How an annual or ongoing rule fared over the whole period (期末考核). */
export interface AssessedRule {
  subject: SubjectRef;
  ruleId: string;
  ruleName: LocalizedText;
  kind: 'annual' | 'ongoing';
  /** `held`: no year not met; `lapsed`: not met in `lapses`; `unjudged`: no lapse, but years without data. */
  outcome: 'held' | 'lapsed' | 'unjudged';
  lapses: number[];
  /** Years that could not be judged (missing data). */
  unjudged: number[];
  message: LocalizedText;
}

/** The period assessment (期末考核), given on or after the plan's last day. */
export interface PeriodAssessment {
  period: { start: string; end: string };
  counts: { held: number; lapsed: number; unjudged: number };
  rules: AssessedRule[];
}

export interface Report {
  /**
   * The plan judged: with its content hash (of the plan and its plugins), plugins, and the
   * loosenings (放宽) its plugins declared, each with its reason and plugin.
   */
  plan: {
    id: string;
    title: LocalizedText;
    docNo: string;
    hash: string;
    plugins: string[];
    relaxed: { id: string; reason: string; by: string }[];
  };
  asOf: string;
  /** On or after the plan's last day: every annual and ongoing rule over the whole period. */
  assessment?: PeriodAssessment;
  results: RuleResult[];
  households: HouseholdResult[];
  summary: Summary;
  /** What the input held that was set aside (dates after the as-of date), and why. */
  notes: InputNote[];
}
