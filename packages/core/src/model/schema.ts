/**
 * The plan model (规划/方案模型): zod schemas for a plan and everything in it. One schema
 * drives the TypeScript types, validation of plans and plugins, and (later) JSON Schema.
 */
import { z } from 'zod';
import { said } from './locales/index.js';

/** Text in Chinese and English. Chinese is the plan's own language. */
export const LocalizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');

/** True when `YYYY-MM-DD` names a day that exists (no 2023-02-30). */
export function isRealDate(value: string): boolean {
  // Read digit by digit: records hold many dates, and this is several times faster than a regex.
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

/** The number written by the ASCII digits `value[start..end)`, or -1 if one is not a digit. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Days in each month of a common year (proleptic Gregorian calendar). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case words joined by . or -');

/** A clause (条款) of the plan, with its label as printed (三（三）) and its original text. */
export const ClauseSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    heading: LocalizedTextSchema,
    /** The clause's full original text, copied from the plan document. */
    text: z.string().min(1),
    /** Responsible units (责任单位) as listed in the clause, the lead unit (牵头单位) first. */
    units: z.array(IdSchema).default([]),
    parent: z.string().optional(),
  })
  .strict();
export type Clause = z.infer<typeof ClauseSchema>;

/**
 * A responsible unit (责任单位): a district department, the townships, a party body. `perTownship`
 * marks a unit that is every township's own (各乡镇): a village's item goes to its own township.
 */
export const UnitSchema = z
  .object({ id: IdSchema, name: LocalizedTextSchema, perTownship: z.boolean().optional() })
  .strict();
export type Unit = z.infer<typeof UnitSchema>;

/** A support policy (支持政策) or safeguard (保障措施), with the units that carry it. */
export const PolicySchema = z
  .object({
    id: IdSchema,
    clause: z.string().min(1),
    kind: z.enum(['support-policy', 'safeguard']),
    name: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    units: z.array(IdSchema),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;

export const ParameterUnitSchema = z.enum([
  'count',
  'ratio',
  'CNY',
  'CNY per person per year',
  'date',
  'days',
  'working days',
  'months',
]);
export type ParameterUnit = z.infer<typeof ParameterUnitSchema>;

/**
 * Which way a parameter's value moves to hold the plan's users to more (严格方向): `higher` (a
 * target rate, an income line, a minimum period), `lower` (a deadline date, where lower is
 * earlier, or a maximum period), or `none`. Moving a value the other way loosens the plan and
 * needs a plugin's `relax` declaration.
 */
export const StricterSchema = z.enum(['higher', 'lower', 'none']);
export type Stricter = z.infer<typeof StricterSchema>;

/**
 * What is wrong with `value` as a value of a parameter in `unit`, or undefined when it fits:
 * a ratio is a number from 0 to 1, an amount of money a number ≥ 0, a count or a number of days
 * or months a whole number ≥ 0, a date a real `YYYY-MM-DD` date.
 */
export function parameterValueProblem(unit: ParameterUnit, value: unknown): LocalizedText | undefined {
  if (unit === 'date') {
    return typeof value === 'string' && isRealDate(value)
      ? undefined
      : said('parameter.not-a-date', { value: show(value) });
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return said('parameter.not-a-number', { value: show(value), unit });
  }
  if (unit === 'ratio') {
    return value >= 0 && value <= 1 ? undefined : said('parameter.ratio-range', { value });
  }
  if (value < 0) return said('parameter.negative', { value, unit });
  if (!unit.startsWith('CNY') && !Number.isInteger(value)) {
    return said('parameter.whole-number', { value, unit });
  }
  return undefined;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** One effective-dated value of a parameter: in force from `from` until the next entry. */
export const ParameterValueSchema = z
  .object({ from: IsoDateSchema, value: z.union([z.number(), z.string()]) })
  .strict();
export type ParameterValue = z.infer<typeof ParameterValueSchema>;

/** A parameter (参数): a figure of the plan (a target, a deadline, a period) with its history. */
export const ParameterSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, 'parameter ids look like area.name'),
    name: LocalizedTextSchema,
    unit: ParameterUnitSchema,
    /** Which way the value moves to be stricter; see `StricterSchema`. */
    stricter: StricterSchema,
    values: z.array(ParameterValueSchema).min(1),
    /** Clauses the figure comes from. */
    source: z.array(z.string()).min(1),
    /** True when the plan gives no number and this value is an assumption (假定值). */
    assumption: z.boolean(),
    note: LocalizedTextSchema.optional(),
  })
  .strict()
  .superRefine((parameter, ctx) => {
    parameter.values.forEach((entry, i) => {
      const problem = parameterValueProblem(parameter.unit, entry.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: problem.en });
    });
  });
export type Parameter = z.infer<typeof ParameterSchema>;

export const IndicatorSubjectSchema = z.enum([
  'village',
  'village-attribute',
  'district',
  'district-reference',
  'household',
]);
export type IndicatorSubject = z.infer<typeof IndicatorSubjectSchema>;

/** An indicator (指标): one key of the input data, its type, unit and valid range. */
export const IndicatorSchema = z
  .object({
    key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'indicator keys are camelCase'),
    subject: IndicatorSubjectSchema,
    type: z.enum(['number', 'integer', 'boolean', 'date', 'string']),
    unit: z.enum(['ratio', 'CNY', 'count', 'persons', 'date', 'none']),
    name: LocalizedTextSchema,
    min: z.number().optional(),
    max: z.number().optional(),
    /** Village attributes only: the input must give it. */
    required: z.boolean().optional(),
    /** Village attributes only: the value when the input leaves it out. */
    default: z.union([z.boolean(), z.number(), z.string()]).optional(),
    /** A date that records when something was done: absent means "not done yet". */
    completionDate: z.boolean().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * A condition in json-rules-engine's JSON format (`all` / `any` / `not` / fact comparisons).
 * Facts are indicator keys, derived facts and parameter ids.
 */
export type Condition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number }
  | {
      fact: string;
      operator: string;
      value: unknown;
      path?: string;
      params?: Record<string, unknown>;
      name?: string;
      priority?: number;
    };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema), name: z.string().optional(), priority: z.number().optional() }).strict(),
    z.object({ any: z.array(ConditionSchema), name: z.string().optional(), priority: z.number().optional() }).strict(),
    z.object({ not: ConditionSchema, name: z.string().optional(), priority: z.number().optional() }).strict(),
    z.object({ condition: z.string(), name: z.string().optional(), priority: z.number().optional() }).strict(),
    z
      .object({
        fact: z.string().min(1),
        operator: z.string().min(1),
        value: z.unknown(),
        path: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
        name: z.string().optional(),
        priority: z.number().optional(),
      })
      .strict(),
  ]),
);

/** A fact computed from indicators before a condition runs. */
export const DerivedFactSchema = z.discriminatedUnion('op', [
  /** value(Y) / value(Y−1) − 1 (增幅/增速). */
  z.object({ op: z.literal('growth'), of: z.string() }).strict(),
  /** The value of the year before (上年). */
  z.object({ op: z.literal('previous-year'), of: z.string() }).strict(),
  /** numerator / denominator (比率, 人均). */
  z.object({ op: z.literal('ratio'), numerator: z.string(), denominator: z.string() }).strict(),
]);
export type DerivedFact = z.infer<typeof DerivedFactSchema>;

/** Message templates for a rule, per language. Placeholders: see `docs/guides/rules.md`. */
export const RuleMessagesSchema = z
  .object({
    zh: z.object({ met: z.string(), notMet: z.string() }).strict(),
    en: z.object({ met: z.string(), notMet: z.string() }).strict(),
  })
  .strict();
export type RuleMessages = z.infer<typeof RuleMessagesSchema>;

/** A rule (规则): a target of the plan that data can meet or miss. */
export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'rule ids look like area.name'),
    name: LocalizedTextSchema,
    subject: z.enum(['village', 'district']),
    /** deadline (期限), annual (每年), ongoing (持续). */
    kind: z.enum(['deadline', 'annual', 'ongoing']),
    /** binding (确保/达到), strive (力争/努力), basic (基本…). */
    strength: z.enum(['binding', 'strive', 'basic']),
    clauses: z.array(z.string()).min(1),
    /** Parameter id of the due date, for deadline rules. */
    due: z.string().optional(),
    applicability: ConditionSchema.optional(),
    derived: z.record(z.string(), DerivedFactSchema).default({}),
    condition: ConditionSchema,
    /** Responsible units, lead unit (牵头单位) first, then the co-units: a subset of its clause's units. */
    units: z.array(IdSchema).min(1),
    /**
     * The seed names units per clause, not per target: `true` where the choice of lead and
     * co-units among them is the library's reading (as an assumed parameter value is marked).
     */
    unitsAssumption: z.boolean().optional(),
    messages: RuleMessagesSchema,
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

/** A risk type (风险类型) of household screening. */
export const RiskTypeSchema = z.object({ id: IdSchema, name: LocalizedTextSchema }).strict();
export type RiskType = z.infer<typeof RiskTypeSchema>;

/** A household screening rule (部门筛查预警规则): when it fires, the household has a risk. */
export const ScreeningRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/),
    name: LocalizedTextSchema,
    clauses: z.array(z.string()).min(1),
    riskType: IdSchema,
    derived: z.record(z.string(), DerivedFactSchema).default({}),
    condition: ConditionSchema,
    units: z.array(IdSchema).min(1),
    /** Why it fired, for the officer: same placeholders as rule messages. */
    messages: z.object({ zh: z.string(), en: z.string() }).strict(),
  })
  .strict();
export type ScreeningRule = z.infer<typeof ScreeningRuleSchema>;

/**
 * A monitoring category (监测对象类别), suggested for a household with a risk. The first
 * category whose condition holds wins; facts are the household's keys plus `risks`.
 */
export const CategorySchema = z
  .object({ id: IdSchema, name: LocalizedTextSchema, condition: ConditionSchema.optional() })
  .strict();
export type Category = z.infer<typeof CategorySchema>;

/** A key village (重点帮扶村) of the plan's annex. */
export const KeyVillageSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    township: z.object({ id: IdSchema, name: LocalizedTextSchema }).strict(),
  })
  .strict();
export type KeyVillage = z.infer<typeof KeyVillageSchema>;

/** A plan (方案): the whole document as data. */
export const PlanSchema = z
  .object({
    id: IdSchema,
    docNo: z.string(),
    title: LocalizedTextSchema,
    jurisdiction: LocalizedTextSchema,
    period: z.object({ start: IsoDateSchema, end: IsoDateSchema }).strict(),
    keyVillages: z.array(KeyVillageSchema),
    clauses: z.array(ClauseSchema),
    units: z.array(UnitSchema),
    policies: z.array(PolicySchema),
    parameters: z.array(ParameterSchema),
    indicators: z.array(IndicatorSchema),
    rules: z.array(RuleSchema),
    riskTypes: z.array(RiskTypeSchema),
    screeningRules: z.array(ScreeningRuleSchema),
    categories: z.array(CategorySchema),
  })
  .strict();
export type Plan = z.infer<typeof PlanSchema>;
