/**
 * Zod schemas of what an evaluation returns (评估报告): the report, its rule results, household
 * screening results and summaries, matching the types in `types.ts`. One schema serves response
 * validation, JSON Schema and OpenAPI documents (`z.toJSONSchema`).
 */
import { z } from 'zod';
import { LocalizedTextSchema } from '../model/schema.js';
import { VALUE_UNITS } from './format.js';
import { PROGRESS_VALUES, STATUSES, type Progress, type Status } from './types.js';

export const StatusSchema = z.enum(STATUSES as [Status, ...Status[]]);
export const ProgressSchema = z.enum(PROGRESS_VALUES as [Progress, ...Progress[]]);

const ClauseRefSchema = z.object({ id: z.string(), label: z.string() });

export const SubjectRefSchema = z.object({
  type: z.enum(['village', 'district', 'household']),
  id: z.string(),
  name: LocalizedTextSchema,
  keyVillage: z.boolean().optional(),
  township: z.object({ id: z.string(), name: LocalizedTextSchema }).optional(),
});

const ObservedValueSchema = z.object({ value: z.unknown(), year: z.number().int().optional() });
const ExpectedValueSchema = z.object({ operator: z.string(), value: z.unknown() });

export const ParameterUseSchema = z.object({
  id: z.string(),
  value: z.union([z.number(), z.string()]),
  from: z.string(),
  unit: z.string(),
  assumption: z.boolean(),
  setBy: z.string(),
});

export const UnitRefSchema = z.object({
  id: z.string(),
  name: LocalizedTextSchema,
  lead: z.boolean(),
  township: z.string().optional(),
});

const ProgressDetailSchema = z.object({
  base: z.object({ year: z.number().int(), value: z.number() }),
  current: z.object({ year: z.number().int(), value: z.number() }),
  target: z.number(),
  dueYear: z.number().int(),
  cagrObserved: z.number().optional(),
  cagrRequired: z.number().optional(),
  ratio: z.number().optional(),
});

const YearResultSchema = z.object({
  year: z.number().int(),
  status: StatusSchema,
  due: z.string().optional(),
  actual: z.record(z.string(), ObservedValueSchema),
  expected: z.record(z.string(), ExpectedValueSchema),
  missing: z.array(z.string()).optional(),
  message: LocalizedTextSchema,
});

const TargetSeriesSchema = z.object({
  key: z.string(),
  unit: z.enum(VALUE_UNITS),
  target: z.number(),
  values: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
});

/** One rule's result for one subject (规则结果). */
export const RuleResultSchema = z
  .object({
    subject: SubjectRefSchema,
    ruleId: z.string(),
    ruleName: LocalizedTextSchema,
    setBy: z.string(),
    kind: z.enum(['deadline', 'annual', 'ongoing']),
    strength: z.enum(['binding', 'strive', 'basic']),
    status: StatusSchema,
    progress: ProgressSchema.optional(),
    progressDetail: ProgressDetailSchema.optional(),
    clause: ClauseRefSchema,
    clauses: z.array(ClauseRefSchema),
    due: z.string().optional(),
    year: z.number().int(),
    observedYear: z.number().int().optional(),
    actual: z.record(z.string(), ObservedValueSchema),
    expected: z.record(z.string(), ExpectedValueSchema),
    parameters: z.array(ParameterUseSchema),
    units: z.array(UnitRefSchema),
    unitsAssumption: z.boolean().optional(),
    missing: z.array(z.string()).optional(),
    completedLate: z.boolean().optional(),
    years: z.array(YearResultSchema).optional(),
    lapses: z.array(z.number().int()).optional(),
    series: TargetSeriesSchema.optional(),
    sources: z
      .array(
        z.object({
          key: z.string(),
          year: z.number().int(),
          workflow: z.string(),
          instances: z.array(z.object({ id: z.string(), version: z.number().int() })),
        }),
      )
      .optional(),
    message: LocalizedTextSchema,
  })
  .meta({ id: 'RuleResult' });

/** A status without its explanation, as batch evaluation gives it when asked for statuses only. */
export const RuleStatusSchema = z
  .object({
    subject: SubjectRefSchema,
    ruleId: z.string(),
    status: StatusSchema,
    year: z.number().int(),
    due: z.string().optional(),
    progress: ProgressSchema.optional(),
  })
  .meta({ id: 'RuleStatus' });

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

/** Screening of one household (农户筛查结果). */
export const HouseholdResultSchema = z
  .object({
    subject: SubjectRefSchema,
    villageId: z.string(),
    risks: z.array(z.string()),
    details: z.array(HouseholdRiskSchema),
    category: z.string().optional(),
    categoryName: LocalizedTextSchema.optional(),
    missing: z.array(z.object({ ruleId: z.string(), keys: z.array(z.string()) })).optional(),
  })
  .meta({ id: 'HouseholdResult' });

export const StatusCountsSchema = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<Status, z.ZodNumber>,
);

const LapseItemSchema = z.object({
  subject: SubjectRefSchema,
  ruleId: z.string(),
  years: z.array(z.number().int()),
  lead: z.boolean(),
});

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
  lapses: z.array(LapseItemSchema),
});

export const SummarySchema = z.object({
  overall: StatusCountsSchema,
  villages: z.array(
    z.object({ subject: SubjectRefSchema, counts: StatusCountsSchema, lapsed: z.number().int().nonnegative() }),
  ),
  district: StatusCountsSchema,
  districtLapsed: z.number().int().nonnegative(),
  nonKeyVillages: z.array(z.string()),
  units: z.array(UnitTodoSchema),
  households: z.object({
    screened: z.number().int().nonnegative(),
    withRisk: z.number().int().nonnegative(),
    byRiskType: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
  }),
});

/** An annual or ongoing rule over the whole period (期末考核). */
const AssessedRuleSchema = z.object({
  subject: SubjectRefSchema,
  ruleId: z.string(),
  ruleName: LocalizedTextSchema,
  kind: z.enum(['annual', 'ongoing']),
  outcome: z.enum(['held', 'lapsed', 'unjudged']),
  lapses: z.array(z.number().int()),
  unjudged: z.array(z.number().int()),
  message: LocalizedTextSchema,
});

export const PeriodAssessmentSchema = z
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

/** Something the input held that was set aside, and why (输入说明). */
const InputNoteSchema = z.object({
  subject: z.object({ type: z.enum(['village', 'district', 'household']), id: z.string() }),
  year: z.number().int().optional(),
  key: z.string(),
  value: z.string(),
  code: z.enum(['dated-after-as-of', 'typed-differs-from-workflow', 'workflow-village-not-in-input']),
  message: LocalizedTextSchema,
});

/** The report `evaluate` returns (评估报告). */
export const ReportSchema = z
  .object({
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
    assessment: PeriodAssessmentSchema.optional(),
    results: z.array(RuleResultSchema),
    households: z.array(HouseholdResultSchema),
    summary: SummarySchema,
    notes: z.array(InputNoteSchema),
  })
  .meta({ id: 'Report' });

/** One village's batch result (村评估结果): explained results or statuses, and its counts. */
export const VillageEvaluationSchema = z
  .object({
    subject: SubjectRefSchema,
    results: z.array(z.union([RuleResultSchema, RuleStatusSchema])),
    counts: StatusCountsSchema,
  })
  .meta({ id: 'VillageEvaluation' });
