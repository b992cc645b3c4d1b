/**
 * The zod schemas of the service's requests and responses that core does not already have:
 * one schema validates the request, checks the response and writes the OpenAPI document. The
 * shapes of core's results (transition results, audit entries, instances, tasks…) are core's
 * schemas; here they are only wrapped, or narrowed to the served plans' workflow types.
 */
import { z } from 'zod';
import {
  AuditEntrySchema,
  InstancePageSchema,
  InstanceSummarySchema,
  InstanceViewSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  OverdueNoticeSchema,
  StricterSchema,
  TaskPageSchema,
  TaskSchema,
} from '@ruralkit/core';

export const PlanKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/);
export const InstanceIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export const PlanParams = z.object({ plan: PlanKeySchema });
export const InstanceParams = z.object({ id: InstanceIdSchema });

export const AsOfQuery = z.object({
  asOf: IsoDateSchema.optional().describe('The date to judge at, YYYY-MM-DD (default: today)'),
});
export const EvaluateQuery = AsOfQuery.extend({
  fromWorkflows: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      "Merge what the caller's tenant's workflows settle as of the date (village-plan approval dates, open problem-toilet cases, monitoring activity): `true` or `false` (default)",
    ),
});
export const AtQuery = z.object({ at: IsoDateSchema.optional().describe('The date, YYYY-MM-DD (default: today)') });
export const BatchQuery = AsOfQuery.extend({
  explain: z.enum(['all', 'not-met', 'none']).optional().describe('Which results carry messages (default not-met)'),
});

/** A served plan (方案) as listed: its key, the base plan, hash and plugins. */
export const PlanSummarySchema = z
  .object({
    key: z.string(),
    id: z.string(),
    title: LocalizedTextSchema,
    docNo: z.string(),
    hash: z.string(),
    plugins: z.array(z.string()),
  })
  .meta({ id: 'PlanSummary' });

export const PlanListSchema = z.object({ plans: z.array(PlanSummarySchema) });

const SetBy = z.string().describe('`plan` or `plugin:<id>@<version>`');

/** The plan in force at a date (现行方案). */
export const PlanInForceSchema = z
  .object({
    plan: z.string(),
    hash: z.string(),
    at: z.string(),
    plugins: z.array(z.string()),
    rules: z.array(
      z.object({
        id: z.string(),
        name: LocalizedTextSchema,
        subject: z.string(),
        kind: z.string(),
        strength: z.string(),
        clauses: z.array(z.object({ id: z.string(), label: z.string() })),
        due: z.union([z.string(), z.number()]).optional(),
        units: z.array(z.string()),
        unitsAssumption: z.boolean(),
        unitsSetBy: SetBy,
        setBy: SetBy,
      }),
    ),
    screeningRules: z.array(
      z.object({ id: z.string(), name: LocalizedTextSchema, riskType: z.string(), setBy: SetBy }),
    ),
    parameters: z.array(
      z.object({
        id: z.string(),
        name: LocalizedTextSchema,
        value: z.union([z.string(), z.number()]).optional(),
        from: z.string().optional(),
        unit: z.string(),
        stricter: StricterSchema.describe('Which way the value moves to be stricter'),
        assumption: z.boolean(),
        source: z.unknown().optional(),
        setBy: SetBy,
      }),
    ),
    units: z.array(z.object({ id: z.string(), name: LocalizedTextSchema, setBy: SetBy })).optional(),
    clauses: z.array(z.record(z.string(), z.unknown())).optional(),
    indicators: z.array(z.record(z.string(), z.unknown())).optional(),
    riskTypes: z.array(z.object({ id: z.string(), name: LocalizedTextSchema, setBy: SetBy })).optional(),
  })
  .meta({ id: 'PlanInForce' });

/** What a plugin set changes against its base plan (方案差异). */
export const PlanDiffSchema = z
  .object({
    base: z.object({ id: z.string(), hash: z.string() }),
    hash: z.string(),
    plugins: z.array(z.object({ id: z.string(), version: z.string() })),
    changes: z.array(
      z.object({
        kind: z.string(),
        id: z.string(),
        change: z.enum(['added', 'changed', 'replaced', 'disabled']),
        by: z.string(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        relaxed: z.string().optional(),
        name: LocalizedTextSchema.optional().describe(
          "a rule's name with each {p:…} filled with the parameter's values",
        ),
      }),
    ),
  })
  .meta({ id: 'PlanDiff' });

export const JsonSchemaSchema = z.record(z.string(), z.unknown()).meta({ id: 'JsonSchema' });

/** An event as a client sends it; the actor is the authenticated principal. */
export const EventBodySchema = z
  .object({
    type: z.string().min(1).max(100),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'EventBody' });

/** Starting an instance: its subject (a village, or a household within it) and the start event. */
export const StartBodySchema = z
  .object({
    subject: z
      .object({
        village: z.string().min(1),
        township: z.string().min(1).optional(),
        household: z.string().min(1).optional(),
      })
      .strict(),
    event: EventBodySchema,
  })
  .strict()
  .meta({ id: 'StartBody' });

export const AllowedEventsSchema = z.object({ instanceId: z.string(), state: z.string(), events: z.array(z.string()) });

/**
 * An audit entry as the service shows it: a refusal's reason said in Chinese and English (the
 * audit keeps its codes and parameters: `auditReasonText`).
 */
export const HistoryEntrySchema = AuditEntrySchema.extend({
  reason: z.object({ code: z.string(), zh: z.string(), en: z.string() }).optional(),
}).meta({ id: 'AuditEntry' });

export const HistorySchema = z.object({ instanceId: z.string(), entries: z.array(HistoryEntrySchema) });

export const TickResultSchema = z.object({ overdue: z.array(OverdueNoticeSchema) });

export const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

const QueryText = (description: string) => z.string().max(200).optional().describe(description);

/** The schemas that name the workflow types (流程类型) the served plans register. */
export type WorkflowSchemas = ReturnType<typeof buildWorkflowSchemas>;

const byTypes = new Map<string, WorkflowSchemas>();

/** The schemas over `types`, the workflow types of the served plans' registries, in order. */
export function workflowSchemas(types: readonly string[]): WorkflowSchemas {
  const key = JSON.stringify(types);
  const schemas = byTypes.get(key) ?? buildWorkflowSchemas(types);
  byTypes.set(key, schemas);
  return schemas;
}

function buildWorkflowSchemas(types: readonly string[]) {
  const type = z.enum(types as [string, ...string[]]);
  const StartParams = z.object({ plan: PlanKeySchema, type });
  /** The filters of instance search, as query parameters (checked by the runtime, which names the bad one). */
  const InstanceSearchQuery = z
    .object({
      type: QueryText(`Workflow types, comma-separated: ${types.map((t) => `\`${t}\``).join(', ')}`),
      state: QueryText('States, comma-separated (e.g. `reported,rectifying`)'),
      village: QueryText('The village id'),
      township: QueryText('The township id'),
      household: QueryText('The household id'),
      unit: QueryText('A unit id: instances assigned to it, or whose deadlines escalate to it'),
      overdue: QueryText('`true`: only instances with an overdue deadline; `false`: only those without'),
      dueBefore: QueryText('Earliest deadline due before this date, YYYY-MM-DD'),
      dueAfter: QueryText('Earliest deadline due after this date, YYYY-MM-DD'),
      updatedSince: QueryText(
        'Changed at or after this ISO 8601 date-time (with offset) or date (from its start, China time)',
      ),
      limit: QueryText('Results a page, 1–500 (default 50)'),
      cursor: QueryText('The `next` of the previous page'),
      counts: QueryText('`true`: count the results of every page by state too (a pass over all of them)'),
    })
    .strict();

  const TaskListQuery = InstanceSearchQuery.pick({ type: true, limit: true, cursor: true }).strict();
  // Core's shapes with `type` narrowed to the served types, under the same component ids.
  const InstanceView = InstanceViewSchema.extend({ type }).meta({ id: 'InstanceView' });
  const InstanceSummary = InstanceSummarySchema.extend({ type }).meta({ id: 'InstanceSummary' });
  const InstancePage = InstancePageSchema.extend({ instances: z.array(InstanceSummary) }).meta({ id: 'InstancePage' });
  const Task = TaskSchema.extend({ type }).meta({ id: 'Task' });
  const TaskPage = TaskPageSchema.extend({ tasks: z.array(Task) }).meta({ id: 'TaskPage' });
  return { StartParams, InstanceSearchQuery, TaskListQuery, InstanceView, InstancePage, TaskPage };
}
