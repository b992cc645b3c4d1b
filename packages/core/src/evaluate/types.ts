/**
 * What an evaluation returns (评估报告, catalog §7): results per subject and rule, household
 * screening and summaries. Each shape is a zod schema, and its type is inferred from it: one
 * source serves the types, response validation and JSON Schema or OpenAPI documents
 * (`z.toJSONSchema`).
 */
import { z } from 'zod';
import { LocalizedTextSchema } from '../model/schema.js';
import { VALUE_UNITS } from './format.js';

/** A status (判定状态): met (达标) · not-met (未达标) · pending (未到期) · not-applicable (不适用) · missing-data (缺数据). */
export const StatusSchema = z.enum(['met', 'not-met', 'pending', 'not-applicable', 'missing-data']);
/** met (达标) · not-met (未达标) · pending (未到期) · not-applicable (不适用) · missing-data (缺数据). */
export type Status = z.infer<typeof StatusSchema>;
export const STATUSES: readonly Status[] = Object.freeze([...StatusSchema.options]);

/** The progress measure (进展评估) of a pending numeric target. */
export const ProgressSchema = z.enum(['on-track', 'needs-acceleration', 'off-track', 'deteriorating', 'unknown']);
/** The progress measure (进展评估) of a pending numeric target. */
export type Progress = z.infer<typeof ProgressSchema>;
export const PROGRESS_VALUES: readonly Progress[] = Object.freeze([...ProgressSchema.options]);

const ClauseRefSchema = z.object({ id: z.string(), label: z.string() });
const SubjectTypeSchema = z.enum(['village', 'district', 'household']);

/** The subject (对象) a result is about: a village, the district or a household. */
export const SubjectRefSchema = z.object({
  type: SubjectTypeSchema,
  id: z.string(),
  name: LocalizedTextSchema,
  /** Villages: whether the plan lists it as a key village (重点村). */
  keyVillage: z.boolean().optional(),
  township: z.object({ id: z.string(), name: LocalizedTextSchema }).optional(),
});
/** The subject (对象) a result is about: a village, the district or a household. */
export interface SubjectRef extends z.infer<typeof SubjectRefSchema> {}

const ObservedValueSchema = z.object({ value: z.unknown(), year: z.number().int().optional() });
/** A value the rule read, and the year it was observed (none for village attributes). */
export interface ObservedValue extends z.infer<typeof ObservedValueSchema> {}

const ExpectedValueSchema = z.object({ operator: z.string(), value: z.unknown() });
/** A comparison the rule made: the operator and the value the actual was compared with. */
export interface ExpectedValue extends z.infer<typeof ExpectedValueSchema> {}

/** A parameter a result used (参数). */
export const ParameterUseSchema = z.object({
  id: z.string(),
  value: z.union([z.number(), z.string()]),
  from: z.string(),
  unit: z.string(),
  assumption: z.boolean(),
  setBy: z.string(),
});
/** A parameter a result used: its value in force and who set it (`plan` or `plugin:<id>@<version>`). */
export interface ParameterUse extends z.infer<typeof ParameterUseSchema> {}

/** A responsible unit (责任单位) of a result. */
export const UnitRefSchema = z.object({
  id: z.string(),
  name: LocalizedTextSchema,
  /** The lead unit (牵头单位) is listed first and marked. */
  lead: z.boolean(),
  /** A per-township unit (各乡镇) acting for one village: the village's township id. */
  township: z.string().optional(),
});
/** A responsible unit (责任单位) of a result. */
export interface UnitRef extends z.infer<typeof UnitRefSchema> {}

const ProgressDetailSchema = z.object({
  base: z.object({ year: z.number().int(), value: z.number() }),
  current: z.object({ year: z.number().int(), value: z.number() }),
  target: z.number(),
  dueYear: z.number().int(),
  cagrObserved: z.number().optional(),
  cagrRequired: z.number().optional(),
  ratio: z.number().optional(),
});
/** How a pending numeric target's progress was measured: its base, current value and growth rates. */
export interface ProgressDetail extends z.infer<typeof ProgressDetailSchema> {}

const YearResultSchema = z.object({
  year: z.number().int(),
  status: StatusSchema,
  /** A year still in progress at the as-of date: its 31 December. */
  due: z.string().optional(),
  actual: z.record(z.string(), ObservedValueSchema),
  expected: z.record(z.string(), ExpectedValueSchema),
  missing: z.array(z.string()).optional(),
  message: LocalizedTextSchema,
});
/** One year of an annual or ongoing rule. */
export interface YearResult extends z.infer<typeof YearResultSchema> {}

const TargetSeriesSchema = z.object({
  key: z.string(),
  unit: z.enum(VALUE_UNITS),
  target: z.number(),
  values: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
});
/** A numeric target's yearly values and its target line (for charts), from the year before the plan's start. */
export interface TargetSeries extends z.infer<typeof TargetSeriesSchema> {}

const FactSourceSchema = z.object({
  workflow: z.string(),
  instances: z.array(z.object({ id: z.string(), version: z.number().int() })),
});
/** Where a value derived from workflows came from: the workflow and its instances, each at the version read. */
export interface FactSource extends z.infer<typeof FactSourceSchema> {}

const ResultSourceSchema = z.object({ key: z.string(), year: z.number().int(), ...FactSourceSchema.shape });
/** A value a result read that a workflow settled: the key, its year and where it came from. */
export interface ResultSource extends z.infer<typeof ResultSourceSchema> {}

/**
 * One indicator value of a village for a year, derived from workflow instances (流程产生的指标):
 * what evaluation is given, not what it returns.
 */
export interface WorkflowFact {
  village: string;
  year: number;
  key: string;
  value: string | number | boolean;
  source: FactSource;
}

/** One rule's result for one subject (规则结果). */
export const RuleResultSchema = z
  .object({
    subject: SubjectRefSchema,
    ruleId: z.string(),
    ruleName: LocalizedTextSchema,
    /** Who set the rule: `plan` or `plugin:<id>@<version>`. */
    setBy: z.string(),
    kind: z.enum(['deadline', 'annual', 'ongoing']),
    strength: z.enum(['binding', 'strive', 'basic']),
    status: StatusSchema,
    /** Present on pending results: the progress measure, `unknown` where it cannot be computed. */
    progress: ProgressSchema.optional(),
    progressDetail: ProgressDetailSchema.optional(),
    clause: ClauseRefSchema,
    clauses: z.array(ClauseRefSchema),
    /** Deadline rules: the due date. */
    due: z.string().optional(),
    /** The year judged: the headline year of an annual rule, the data year otherwise. */
    year: z.number().int(),
    /** The latest year any value used was observed in. */
    observedYear: z.number().int().optional(),
    actual: z.record(z.string(), ObservedValueSchema),
    expected: z.record(z.string(), ExpectedValueSchema),
    parameters: z.array(ParameterUseSchema),
    units: z.array(UnitRefSchema),
    /** Whether the choice of lead and co-units among the clause's is the library's reading. */
    unitsAssumption: z.boolean().optional(),
    /** missing-data results: the keys that were absent. */
    missing: z.array(z.string()).optional(),
    /** Completion-date rules: completed, but after the due date. */
    completedLate: z.boolean().optional(),
    /** Annual and ongoing rules: every year from the plan's first year to the headline year. */
    years: z.array(YearResultSchema).optional(),
    /** Annual and ongoing rules: the years whose status is `not-met` (未达标年份), ascending. */
    lapses: z.array(z.number().int()).optional(),
    /** A numeric `key ≥ target` rule: the key's yearly values and the target line. */
    series: TargetSeriesSchema.optional(),
    /** Values the result read that workflows settled, with their instances (流程来源). */
    sources: z.array(ResultSourceSchema).optional(),
    message: LocalizedTextSchema,
  })
  .meta({ id: 'RuleResult' });
/** The result of one rule for one subject (规则结果). */
export interface RuleResult extends z.infer<typeof RuleResultSchema> {}

/** A status without its explanation, as batch evaluation gives it when asked for statuses only. */
export const RuleStatusSchema = z
  .object({
    subject: SubjectRefSchema,
    ruleId: z.string(),
    status: StatusSchema,
    /** The year judged, as in `RuleResult`. */
    year: z.number().int(),
    due: z.string().optional(),
    progress: ProgressSchema.optional(),
  })
  .meta({ id: 'RuleStatus' });
/**
 * The status of one rule for one subject, without its explanation (判定状态): what batch
 * evaluation gives when it is asked for statuses only.
 */
export interface RuleStatus extends z.infer<typeof RuleStatusSchema> {}

const HouseholdRiskSchema = z.object({
  ruleId: z.string(),
  setBy: z.string(),
  riskType: z.string(),
  riskName: LocalizedTextSchema,
  clause: ClauseRefSchema,
  actual: z.record(z.string(), ObservedValueSchema),
  parameters: z.array(ParameterUseSchema),
  units: z.array(UnitRefSchema),
  message: LocalizedTextSchema,
});
/** A screening rule that fired for a household: a risk (风险) with its reason. */
export interface HouseholdRisk extends z.infer<typeof HouseholdRiskSchema> {}

/** Screening of one household (农户筛查结果). */
export const HouseholdResultSchema = z
  .object({
    subject: SubjectRefSchema,
    villageId: z.string(),
    risks: z.array(z.string()),
    details: z.array(HouseholdRiskSchema),
    /** Suggested monitoring category, when there is a risk. */
    category: z.string().optional(),
    categoryName: LocalizedTextSchema.optional(),
    /** Screening rules that could not run, with the keys they lacked. */
    missing: z.array(z.object({ ruleId: z.string(), keys: z.array(z.string()) })).optional(),
  })
  .meta({ id: 'HouseholdResult' });
/** Screening of one household (部门筛查预警). */
export interface HouseholdResult extends z.infer<typeof HouseholdResultSchema> {}

/** How many results have each status. */
export const StatusCountsSchema = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<Status, z.ZodNumber>,
);
/** How many results have each status. */
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

const LapseItemSchema = z.object({
  subject: SubjectRefSchema,
  ruleId: z.string(),
  years: z.array(z.number().int()),
  /** Whether the unit leads the rule. */
  lead: z.boolean(),
});
/** A rule that did not hold in some years of the plan. */
export interface LapseItem extends z.infer<typeof LapseItemSchema> {}

const UnitTodoSchema = z.object({
  unit: UnitRefSchema,
  items: z.array(
    z.object({
      subject: SubjectRefSchema,
      ruleId: z.string(),
      status: StatusSchema,
      progress: ProgressSchema.optional(),
      lead: z.boolean(),
      message: LocalizedTextSchema,
    }),
  ),
  /** The unit's annual and ongoing rules that did not hold in some year (未达标年份), whatever their headline. */
  lapses: z.array(LapseItemSchema),
});
/** A responsible unit's to-do list (待办): not-met results and pending ones that are off track. */
export interface UnitTodo extends z.infer<typeof UnitTodoSchema> {}

/** The report's counts (汇总): overall, by village and district, the units' to-do lists and screening. */
export const SummarySchema = z.object({
  overall: StatusCountsSchema,
  /** Each village's counts by status, and how many of its rules have lapses. */
  villages: z.array(
    z.object({ subject: SubjectRefSchema, counts: StatusCountsSchema, lapsed: z.number().int().nonnegative() }),
  ),
  district: StatusCountsSchema,
  /** How many district rules have lapses. */
  districtLapsed: z.number().int().nonnegative(),
  /** Villages in the input that the plan does not list (possible typos). */
  nonKeyVillages: z.array(z.string()),
  units: z.array(UnitTodoSchema),
  households: z.object({
    screened: z.number().int().nonnegative(),
    withRisk: z.number().int().nonnegative(),
    byRiskType: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
  }),
});
/** The report's counts (汇总): overall, by village and district, the units' to-do lists and screening. */
export interface Summary extends z.infer<typeof SummarySchema> {}

const AssessedRuleSchema = z.object({
  subject: SubjectRefSchema,
  ruleId: z.string(),
  ruleName: LocalizedTextSchema,
  kind: z.enum(['annual', 'ongoing']),
  /** `held`: no year not met; `lapsed`: not met in `lapses`; `unjudged`: no lapse, but years without data. */
  outcome: z.enum(['held', 'lapsed', 'unjudged']),
  lapses: z.array(z.number().int()),
  /** Years that could not be judged (missing data). */
  unjudged: z.array(z.number().int()),
  message: LocalizedTextSchema,
});
/** How an annual or ongoing rule fared over the whole period (期末考核). */
export interface AssessedRule extends z.infer<typeof AssessedRuleSchema> {}

/** The period assessment (期末考核), given on or after the plan's last day. */
const PeriodAssessmentSchema = z
  .object({
    period: z.object({ start: z.string(), end: z.string() }),
    counts: z.object({
      held: z.number().int().nonnegative(),
      lapsed: z.number().int().nonnegative(),
      unjudged: z.number().int().nonnegative(),
    }),
    rules: z.array(AssessedRuleSchema),
  })
  .meta({ id: 'PeriodAssessment' });
/** The period assessment (期末考核), given on or after the plan's last day. */
export interface PeriodAssessment extends z.infer<typeof PeriodAssessmentSchema> {}

const InputNoteSchema = z.object({
  subject: z.object({ type: SubjectTypeSchema, id: z.string() }),
  /** The record's year, for yearly values. */
  year: z.number().int().optional(),
  key: z.string(),
  value: z.string(),
  code: z.enum(['dated-after-as-of', 'typed-differs-from-workflow', 'workflow-village-not-in-input']),
  message: LocalizedTextSchema,
});
/**
 * Something about the input the evaluation did not take as given, and why (输入说明):
 * `dated-after-as-of`, a date after the as-of date (not happened yet, set aside);
 * `typed-differs-from-workflow`, a typed value the workflows settle otherwise (the workflows'
 * value is used); `workflow-village-not-in-input`, workflow facts of a village not evaluated.
 */
export interface InputNote extends z.infer<typeof InputNoteSchema> {}

/** The report `evaluate` returns (评估报告). */
export const ReportSchema = z
  .object({
    /**
     * The plan judged: with its content hash (of the plan and its plugins), plugins, and the
     * loosenings (放宽) its plugins declared, each with its reason and plugin.
     */
    plan: z.object({
      id: z.string(),
      title: LocalizedTextSchema,
      docNo: z.string(),
      hash: z.string(),
      plugins: z.array(z.string()),
      /** Targets the plugins loosened, each with its declared reason and the plugin (放宽的目标). */
      relaxed: z.array(z.object({ id: z.string(), reason: z.string(), by: z.string() })),
    }),
    asOf: z.string(),
    /** On or after the plan's last day: every annual and ongoing rule over the whole period. */
    assessment: PeriodAssessmentSchema.optional(),
    results: z.array(RuleResultSchema),
    households: z.array(HouseholdResultSchema),
    summary: SummarySchema,
    /** What the input held that was set aside (dates after the as-of date), and why. */
    notes: z.array(InputNoteSchema),
  })
  .meta({ id: 'Report' });
/** The report `evaluate` returns (评估报告). */
export interface Report extends z.infer<typeof ReportSchema> {}

/** One village's batch result (村评估结果): explained results or statuses, and its counts. */
export const VillageEvaluationSchema = z
  .object({
    subject: SubjectRefSchema,
    /** `RuleResult` where explained, `RuleStatus` otherwise (see `ExplainLevel`). */
    results: z.array(z.union([RuleResultSchema, RuleStatusSchema])),
    counts: StatusCountsSchema,
  })
  .meta({ id: 'VillageEvaluation' });
/** One village's results (村评估结果), in the plan's rule order, and its counts by status. */
export interface VillageEvaluation extends z.infer<typeof VillageEvaluationSchema> {}
