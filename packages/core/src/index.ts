/**
 * @ruralkit/core — a rural revitalization plan (乡村振兴方案) as data, a fast rule evaluator
 * with explanations in Chinese and English, and the plan's procedures as durable workflows
 * (流程, registered by each plan: `workflowsFor(plan)`) with an audit chain.
 *
 * @example
 * ```ts
 * import { getPlan, evaluate } from '@ruralkit/core';
 * const report = evaluate(getPlan('changjiang-2021'), input, { asOf: '2025-12-31' });
 * report.results; report.summary;
 *
 * const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store: createMemoryStore() });
 * const { instanceId } = await runtime.start('village-plan', { tenant, subject: { village: 'jianglian' }, event });
 * ```
 * @packageDocumentation
 */
export * from './model/schema.js';
export {
  InputError,
  RuralkitError,
  briefText,
  describeIssue,
  formatIssueList,
  showValue,
  ISSUES_SHOWN_PER_KIND,
  type InputIssue,
} from './model/errors.js';
export { ERROR_CATALOGUE, errorEntry, type ErrorCode, type ErrorEntry } from './model/error-catalogue.js';
export { parameterEntryAt, parameterValue } from './model/parameters.js';
export { canonicalJson, planHash } from './model/hash.js';
export { checkId, idProblem, IdValueSchema, MAX_ID_LENGTH } from './model/ids.js';
export { amountProblem, AmountSchema, MAX_AMOUNT_CNY } from './model/amounts.js';
export { getPlan, listPlans } from './plans/registry.js';
export { evaluate, type EvaluateOptions } from './evaluate/evaluate.js';
export {
  createBatchEvaluator,
  evaluateStream,
  type BatchEvaluator,
  type BatchOptions,
  type ExplainLevel,
  type StreamOptions,
} from './evaluate/batch.js';
export { parseHouseholdRecord, parseVillageRecord, uniqueIds } from './evaluate/records.js';
export { inputJsonSchema, inputSchema, parseInput } from './evaluate/input.js';
export { inputYears } from './evaluate/input-years.js';
export { didYouMean, nearest } from './model/suggest.js';
export { readTextValues, readValue, type ValueKind, type ValueReading } from './evaluate/value-reader.js';
export type { EvaluationInput, VillageInput, HouseholdInput, YearlyValues } from './evaluate/input.js';
export { formatValue, unitOfKey, type Lang, type ValueUnit } from './evaluate/format.js';
export { resultValues } from './evaluate/values.js';
export { ruleNameAt, formatParameterValue } from './evaluate/names.js';
export { planInForce, type PlanInForce } from './evaluate/in-force.js';
export {
  STATUS_LABEL,
  PROGRESS_LABEL,
  KIND_LABEL,
  STRENGTH_LABEL,
  REPORT_WORDS,
  LABEL_WORDS,
  type LabelWords,
  type ReportWord,
} from './evaluate/labels.js';
export { bySubject, emptyCounts, needsAction, type SubjectGroup } from './evaluate/summary.js';
export { reportPart } from './evaluate/report-part.js';
export * from './evaluate/types.js';
export {
  AS_OF_FACT,
  DUE_FACT,
  ENGINE_EVENT,
  engineFacts,
  exportEngineRules,
  type EngineFacts,
  type EngineRule,
} from './evaluate/engine-export.js';
export {
  compileCondition,
  ConditionCompileError,
  FactFunctionError,
  UndefinedFactError,
  type CompiledCondition,
  type CompileOptions,
  type ConditionInput,
  type ConditionTrace,
  type Facts,
} from './rules/compile.js';
export type { PathResolver } from './rules/paths.js';
export { customOperators, type DecoratorCallback, type Operator } from './rules/operators.js';
export { CORE_VERSION } from './version.js';
export { definePlugin } from './plugins/define.js';
export { PluginError, type PluginProblem } from './plugins/errors.js';
export {
  PluginDataSchema,
  ParameterChangeSchema,
  RelaxSchema,
  type Plugin,
  type PluginData,
  type PluginInput,
  type ParameterChange,
} from './plugins/schema.js';
export { resolvePlan } from './plugins/resolve.js';
export { ruleInputs, type RuleInputs } from './evaluate/compile-plan.js';
export {
  asResolvedPlan,
  isResolvedPlan,
  pluginSpecs,
  type ResolvedPlan,
  type Provenance,
  type Relaxation,
} from './model/resolved-plan.js';
export { diffPlan, diffToMarkdown, type PlanDiff, type PlanChange, type PlanChangeKind } from './plugins/diff.js';
export {
  createRuntime,
  subjectKey,
  type Runtime,
  type RuntimeOptions,
  type Migration,
  type StartInput,
  type SubjectInput,
  type TransitionResult,
  type InstanceView,
  type OverdueNotice,
  type ScreeningStart,
  type RectificationStart,
  type SendOptions,
  type DomainEventHandler,
  type DeadlineSummary,
  type InstancePage,
  type InstanceQuery,
  type InstanceSummary,
  type Task,
  type TaskPage,
  type TaskQuery,
} from './workflows/runtime.js';
export { createMaintenance, type Maintenance, type MaintenanceOptions } from './workflows/maintenance.js';
export { InstancePageSchema, InstanceSummarySchema, queryFromText, type QueryNames } from './workflows/search.js';
export { TransitionResultSchema } from './workflows/commit.js';
export { InstanceViewSchema } from './workflows/instance.js';
export { TaskPageSchema, TaskSchema } from './workflows/tasks.js';
export { OverdueNoticeSchema } from './workflows/tick.js';
export {
  type AuditLog,
  type DeadLetter,
  type InstanceStore,
  type Lease,
  type Outbox,
  type OutboxStatus,
  type WorkflowStore,
} from './workflows/store.js';
export { createMemoryStore } from './workflows/memory-store.js';
export { createTicker, type Ticker, type TickerOptions, type TickerStats } from './workflows/ticker.js';
export {
  AuditVerificationSchema,
  verifyAuditChain,
  verifyAuditChains,
  type AuditHead,
  type AuditProblem,
  type AuditVerification,
} from './workflows/audit.js';
export { verifyAuditEvidence, type AuditVerifyOptions } from './workflows/audit-verify.js';
export { auditReasonText, historySaid, type SaidAuditEntry } from './workflows/audit-reason.js';
export {
  areaWords,
  inBoth,
  localized,
  messageOf,
  renderMessage,
  type Message,
  MessageSchema,
  type Said,
  type Words,
  type WordsOf,
} from './model/message.js';
export type { ModelMessages } from './model/locales/messages.js';
export type { EvaluationMessages } from './evaluate/locales/messages.js';
export type { IssueFacts, Place, WorkflowMessages } from './workflows/locales/messages.js';
export { WORKFLOW_WORDS } from './workflows/locales/index.js';
export type { AuditEvidence } from './workflows/audit-rows.js';
export {
  checkpointKeyId,
  checkpointPrivateKey,
  checkpointPublicKey,
  checkpointSigned,
  checkpointText,
  generateCheckpointKeys,
  readCheckpoints,
  signCheckpoint,
  type AuditCheckpoint,
  type CheckpointKey,
  type PublicKeys,
  type PublicKeyWindow,
} from './workflows/checkpoint.js';
export { entrySigner } from './workflows/audit-sign.js';
export type { AutoCheckpoint } from './workflows/auto-checkpoint.js';
export { hashedIdempotencyKey } from './workflows/idempotency.js';
export {
  WorkflowError,
  ConflictError,
  StaleVersionError,
  AuditBrokenError,
  type WorkflowErrorCode,
  type WorkflowErrorDetails,
} from './workflows/errors.js';
export {
  chineseWorkingDayCalendar,
  addWorkingDays,
  addDays,
  daysBetween,
  localDate,
  today,
  endOfLocalDay,
  createManualClock,
  systemClock,
  type WorkingDayCalendar,
  type Clock,
  type ManualClock,
} from './workflows/calendar.js';
export { canSee, type ScopeRefusal } from './workflows/authorize.js';
export type { RelationFacts } from './workflows/relations.js';
export { maskName } from './workflows/public-notice.js';
export * from './workflows/privacy/index.js';
export { workflowsFor } from './workflows/definitions.js';
export type { WorkflowRegistry } from './workflows/registry.js';
export { deriveWorkflowFacts } from './workflows/facts.js';
export { publicNoticeView } from './plans/changjiang-2021/workflows/public-notice.js';
export {
  villagePlanWorkflow,
  villagePlanMachine,
  type VillagePlanContext,
  type VillagePlanEvent,
  type Vote,
} from './plans/changjiang-2021/workflows/village-plan.js';
export {
  rectificationWorkflow,
  rectificationMachine,
  type RectificationContext,
  type RectificationEvent,
} from './plans/changjiang-2021/workflows/rectification.js';
export {
  povertyMonitoringWorkflow,
  povertyMonitoringMachine,
  monitoringVocabulary,
  povertyMonitoringPayloadsFor,
  type MonitoringVocabulary,
  type PovertyMonitoringContext,
  type PovertyMonitoringEvent,
  type Measure,
} from './plans/changjiang-2021/workflows/poverty-monitoring.js';
export * from './workflows/types.js';
