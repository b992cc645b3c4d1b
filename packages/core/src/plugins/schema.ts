/**
 * County plugins (县级插件): what a plugin may change in a plan, as one zod schema shared by
 * code plugins (`definePlugin`) and data-only plugins (YAML or JSON files).
 */
import { z } from 'zod';
import {
  IdSchema,
  IndicatorSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  ParameterUnitSchema,
  ParameterValueSchema,
  RiskTypeSchema,
  StricterSchema,
  RuleSchema,
  ScreeningRuleSchema,
  UnitSchema,
} from '../model/schema.js';
import type { Operator } from '../rules/operators.js';
import type { WorkflowDefinition } from '../workflows/types.js';
import { pluginSpec } from '../model/resolved-plan.js';

const PluginIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'plugin ids are lower-case words joined by -');

/**
 * New dated values for a parameter. For a parameter of the plan, the plugin's values replace the
 * plan's from the plugin's earliest `from` on. A new parameter also gives name, unit, stricter
 * and source. Values must fit the unit (a ratio 0–1, money ≥ 0, whole days, a real date…).
 */
export const ParameterChangeSchema = z
  .object({
    id: z.string().min(1),
    values: z.array(ParameterValueSchema).min(1),
    name: LocalizedTextSchema.optional(),
    unit: ParameterUnitSchema.optional(),
    /** Which way the value is stricter (required for a new parameter; a plan's cannot change). */
    stricter: StricterSchema.optional(),
    source: z.array(z.string()).min(1).optional(),
    assumption: z.boolean().optional(),
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type ParameterChange = z.infer<typeof ParameterChangeSchema>;

const MessagesChangeSchema = z
  .object({
    zh: z.object({ met: z.string().optional(), notMet: z.string().optional() }).strict().optional(),
    en: z.object({ met: z.string().optional(), notMet: z.string().optional() }).strict().optional(),
  })
  .strict();

/**
 * A declared loosening (放宽): the id of the parameter, rule or screening rule, or
 * `<workflow>.<event>` for widened workflow roles, and why.
 */
export const RelaxSchema = z.object({ id: z.string().min(1), reason: z.string().min(1) }).strict();

/**
 * A key of a plugin's map (a rule id, a workflow type, an event type): not a name every
 * object already has (`toString`, `constructor`), which lookups would find on any object.
 */
const MapKeySchema = z
  .string()
  .min(1)
  .refine((key) => !(key in Object.prototype), 'a name every object has (such as toString) cannot be a key');

function changesOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      add: z.array(item).optional(),
      replace: z.array(item).optional(),
      disable: z.array(z.string().min(1)).optional(),
    })
    .strict();
}

/** Everything a plugin is, except custom operators and workflows (code cannot come from data files). */
export const PluginDataSchema = z
  .object({
    id: PluginIdSchema,
    name: LocalizedTextSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.0.0'),
    /** The range of `@ruralkit/core` versions the plugin supports, e.g. `^0.1.0`. */
    core: z.string().min(1),
    /** The plan it extends. */
    plan: z.string().min(1),
    dependsOn: z.array(PluginIdSchema).default([]),
    parameters: z.array(ParameterChangeSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    units: z.array(UnitSchema).default([]),
    riskTypes: z.array(RiskTypeSchema).default([]),
    rules: changesOf(RuleSchema).default({}),
    screeningRules: changesOf(ScreeningRuleSchema).default({}),
    messages: z.record(MapKeySchema, MessagesChangeSchema).default({}),
    /** Responsible units reassigned (责任分工): rule id → its units, lead unit (牵头单位) first. */
    responsibility: z.record(MapKeySchema, z.array(IdSchema).min(1)).default({}),
    /** Workflow roles: workflow type → event type → the roles that may send it. */
    workflowRoles: z.record(MapKeySchema, z.record(MapKeySchema, z.array(z.string().min(1)))).default({}),
    relax: z.array(RelaxSchema).default([]),
    /** Optional: when the plugin's own data starts to apply (documentation only). */
    effectiveFrom: IsoDateSchema.optional(),
  })
  .strict();

export type PluginData = z.infer<typeof PluginDataSchema>;
export type PluginInput = z.input<typeof PluginDataSchema> & {
  operators?: Record<string, Operator>;
  /** Workflows of the county's own (流程), registered after the plan's: code plugins only. */
  workflows?: readonly WorkflowDefinition[];
};

/** A checked plugin value (插件): data plus custom operators and workflows. */
export interface Plugin extends PluginData {
  readonly operators: Readonly<Record<string, Operator>>;
  readonly workflows: readonly WorkflowDefinition[];
}

/** `plugin:<id>@<version>`: how results name the plugin that set something. */
export function pluginRef(plugin: Pick<Plugin, 'id' | 'version'>): string {
  return `plugin:${pluginSpec(plugin)}`;
}
