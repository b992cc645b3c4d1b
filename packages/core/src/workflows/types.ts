/**
 * The shared vocabulary of the workflows (流程): principals, subjects, events, grants,
 * deadlines, audit entries, domain events and the instance envelope.
 */
import { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import { MessageSchema, type Message, type Words } from '../model/message.js';
import { LocalizedTextSchema, type LocalizedText, type Plan } from '../model/schema.js';
import type { HouseholdResult, RuleResult, WorkflowFact } from '../evaluate/types.js';
import type { WorkingDayCalendar } from './calendar.js';
import { workflowMessage } from './locales/messages.js';
import { workflowText } from './locales/index.js';
import { identifiersInIds } from './privacy/identifiers.js';

/** The roles (角色) of workflows.md. */
export const ROLES = Object.freeze([
  'township-official',
  'village-committee',
  'village-cadre',
  'district-approver',
  'county-approver',
  'department',
  'supervisor',
  'household',
] as const);
export type Role = (typeof ROLES)[number];

/** A principal (主体): who sends an event, in which tenant and scope. */
export const PrincipalSchema = z
  .object({
    id: z.string().min(1),
    roles: z.array(z.enum(ROLES)),
    /** The county or district (租户) the principal works for. */
    tenant: z.string().min(1),
    unit: z.string().min(1).optional(),
    township: z.string().min(1).optional(),
    village: z.string().min(1).optional(),
    household: z.string().min(1).optional(),
    name: z.string().optional(),
  })
  .strict()
  .superRefine((principal, context) => {
    const { id, tenant, unit, township, village, household } = principal;
    for (const { field, kind } of identifiersInIds({ id, tenant, unit, township, village, household })) {
      const message = workflowMessage('identifier.in-id', { kind });
      context.addIssue({ code: 'custom', path: [field], message: workflowText(message).en, params: { message } });
    }
  });
export type Principal = z.infer<typeof PrincipalSchema>;

/** The subject (对象) of an instance. */
export const SubjectSchema = z.object({
  village: z.string(),
  township: z.string(),
  household: z.string().optional(),
});
/** The subject (对象) of an instance: a village, or a household within it. */
export interface Subject extends z.infer<typeof SubjectSchema> {}

/** A workflow type (流程类型): the id a plan's workflow registry knows a definition by. */
export type WorkflowType = string;

/** An event as a caller sends it. `at` is stamped by the runtime's clock. */
export interface EventInput {
  type: string;
  payload?: unknown;
  actor: Principal;
  /** Sending the same key twice applies the event once and returns the first result. */
  idempotencyKey?: string;
}

/** Parameter values in force when the event is applied, by parameter id. */
export type ParameterValues = Record<string, number | string>;

/** An event as a machine sees it: validated payload, actor, time and the parameters in force. */
export interface MachineEvent<T extends string = string, P = unknown> {
  type: T;
  payload: P;
  actor: Principal;
  at: string;
  parameters: ParameterValues;
}

/** How a principal relates to the instance, beyond its roles. */
export type Relation = 'assignee' | 'reporter' | 'own-household' | 'tenant-member';

/**
 * A grant (授权): one way to be allowed to send an event. Every part given must hold: the
 * principal has `role`, stands in `relation` to the instance, and the payload has `payload`'s values.
 */
export interface Grant {
  role?: Role;
  relation?: Relation;
  payload?: Record<string, unknown>;
}

/** What a workflow event needs: its payload schema and who may send it. */
export interface EventRule {
  payload: z.ZodType;
  grants: readonly Grant[];
}

/** What a deadline rule is given to compute a due date. */
export interface DeadlineInput {
  context: Record<string, unknown>;
  /** Local date the state was entered. */
  today: string;
  parameter: (id: string) => number | string;
  calendar: WorkingDayCalendar;
}

/** A deadline rule (期限): set on entering one of `states`, cleared on leaving them all. */
export interface DeadlineRule {
  id: string;
  name: LocalizedText;
  states: readonly string[];
  /** The due date `YYYY-MM-DD`, or undefined for none. */
  due: (input: DeadlineInput) => string | undefined;
  /** Units to escalate to when overdue (督办单位). */
  escalateTo: (plan: Plan) => string[];
}

/** A domain event a transition emits besides `transitioned` (反馈, 批准, 风险消除…). */
export interface Effect {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Explains why a guarded event is refused now, as messages of the workflow's own words
 * (`WorkflowDefinition.words`); empty when it is not.
 */
export type Blocker = (context: Record<string, unknown>, event: MachineEvent) => Message[];

/** A typed blocker as a `Blocker` (the machine's own context and event types). */
export function blocker<C, E extends MachineEvent>(explain: (context: C, event: E) => Message[]): Blocker {
  return explain as unknown as Blocker;
}

/** A start the runtime makes on its own for a subject an evaluation found (筛查, 未达标整改). */
export interface EvaluationStart {
  subject: { village: string; household?: string };
  /** The start event, without its actor (the caller's). */
  event: { type: string; payload: unknown; idempotencyKey: string };
}

/** One instance's history as read for facts: its village, workflow and accepted entries, oldest first. */
export interface WorkflowHistory {
  id: string;
  village: string;
  workflow: WorkflowType;
  entries: AuditEntry[];
}

/** The years facts are read for: from `firstYear` to the year of `asOf` (a local date). */
export interface FactPeriod {
  firstYear: number;
  lastYear: number;
  asOf: string;
}

/** The public-notice view (公示信息) of an instance. */
export const PublicNoticeViewSchema = z
  .object({
    village: z.object({ id: z.string(), name: LocalizedTextSchema.nullable() }),
    /** The household head's name, masked to its first character (张**). */
    householdHead: z.string().nullable(),
    category: z.object({ id: z.string(), name: LocalizedTextSchema }).nullable(),
    riskTypes: z.array(z.object({ id: z.string(), name: LocalizedTextSchema })),
  })
  .meta({ id: 'PublicNotice' });
/** The public-notice view (公示信息) of an instance: the village, the masked head's name, category and risks. */
export interface PublicNoticeView extends z.infer<typeof PublicNoticeViewSchema> {}

/**
 * A workflow definition (流程定义): the machine and everything the runtime needs around it. A
 * plan registers its definitions (its workflow registry); the runtime, the service and the CLI
 * know a workflow only through them.
 */
export interface WorkflowDefinition {
  /** The id the registry knows it by (流程类型). */
  type: WorkflowType;
  name: LocalizedText;
  /** Bump when the machine changes; older instances need a migration. */
  version: number;
  machine: AnyStateMachine;
  /** The event that starts an instance. */
  startEvent: string;
  events: Readonly<Record<string, EventRule>>;
  /** Parameter ids the machine reads from `event.parameters`. */
  parameters: readonly string[];
  deadlines: readonly DeadlineRule[];
  /** Why a guarded event is refused now (empty when it is not), per event type. */
  blockers: Readonly<Record<string, Blocker>>;
  /**
   * The words of the workflow's own messages (its blockers' and payload checks'), one file per
   * language (措辞): each code's template.
   */
  words?: { readonly zh?: Words; readonly en?: Words };
  /** Extra domain events of a transition. */
  effects: (from: string, to: string, context: Record<string, unknown>, event: MachineEvent) => Effect[];
  /** Whether a subject may have at most one open instance (one case per household). */
  onePerSubject: boolean;
  /** The subject kind (对象): a household (`required`), a village (`none`) or either (`optional`). */
  householdSubject: 'required' | 'optional' | 'none';
  /**
   * Who sees personal fields (个人信息) of an instance opened, within its tenant and scope
   * (payload conditions aside); everyone else sees them masked. Default: nobody.
   */
  personalReaders?: readonly Grant[];
  /**
   * The facts the workflow settles (流程产生的指标), from a tenant's histories of its instances
   * up to the as-of date. Absent: it settles none.
   */
  settles?: (histories: readonly WorkflowHistory[], period: FactPeriod) => WorkflowFact[];
  /** Started for each household screening (筛查) finds at risk: the start for one. Absent: not started so. */
  startedByScreening?: (household: HouseholdResult, asOf: string) => EvaluationStart;
  /** Opened for each binding village target not met (未达标整改): the start for one. Absent: not opened so. */
  openedForTarget?: (result: RuleResult) => EvaluationStart;
  /** The public-notice view (公示信息) of an instance, built from whitelisted fields only. Absent: none. */
  publicNotice?: (plan: Plan, instance: InstanceRecord) => PublicNoticeView;
}

/** A deadline (期限) stored with an instance. */
export const DeadlineSchema = z.object({
  id: z.string(),
  name: LocalizedTextSchema,
  /** Due date `YYYY-MM-DD`; it passes at the end of that local day. */
  due: z.string(),
  /** The instant it passes. */
  firesAt: z.string(),
  /** Units to escalate to when overdue (督办单位). */
  escalateTo: z.array(z.string()),
  /** When the runtime marked it overdue. */
  overdueAt: z.string().optional(),
});
/** A deadline (期限) stored with an instance. */
export interface Deadline extends z.infer<typeof DeadlineSchema> {}

/** The envelope (封装) a snapshot is stored in: pinned machine version and plan hash. */
export interface Envelope {
  type: WorkflowType;
  machineVersion: number;
  planHash: string;
  snapshot: { value: string; status: string; context: Record<string, unknown> };
}

/** An instance (流程实例) as a store keeps it. */
export interface InstanceRecord {
  id: string;
  tenant: string;
  type: WorkflowType;
  subject: Subject;
  /** `village/household`, for finding a subject's instances. */
  subjectKey: string;
  /** Set while a one-per-subject instance is open: stores keep it unique. */
  exclusiveKey: string | null;
  envelope: Envelope;
  /** Optimistic-concurrency version, 1 on create, +1 on each save. */
  version: number;
  state: string;
  status: 'active' | 'done';
  deadlines: Deadline[];
  /** The earliest instant a deadline not yet overdue passes. */
  nextDeadlineAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const SystemActorSchema = z.object({ id: z.literal('system') });
/** The system principal that fires deadlines and applies migrations by itself. */
export type SystemActor = z.infer<typeof SystemActorSchema>;

const EntrySignatureSchema = z.object({ keyId: z.string(), value: z.string() });
/** An entry's signature: the signing key's id and the Ed25519 signature, base64. */
export interface EntrySignature extends z.infer<typeof EntrySignatureSchema> {}

/** What signs an entry's content (everything but its signature and hash). */
export type AuditSigner = (content: object) => EntrySignature;

/**
 * Why an attempt was refused, as the audit keeps it: the error code, the message and the
 * reasons, as codes and parameters (`auditReasonText` says them). Entries written before
 * refusals were kept so hold the text itself (`zh`, `en`), and keep verifying as they are.
 */
export const AuditReasonSchema = z.union([
  z.object({ code: z.string(), message: MessageSchema, reasons: z.array(MessageSchema) }),
  z.object({ code: z.string(), zh: z.string(), en: z.string() }),
]);
export type AuditReason = z.infer<typeof AuditReasonSchema>;

const AuditRecordSchema = z.object({
  /** The tenant whose chain the entry extends. */
  tenant: z.string(),
  instanceId: z.string().nullable(),
  workflow: z.string(),
  event: z.string(),
  outcome: z.enum(['started', 'accepted', 'refused', 'overdue', 'migrated', 'erased']),
  actor: z.union([PrincipalSchema, SystemActorSchema]),
  at: z.string(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string().nullable(),
  planHash: z.string(),
  machineVersion: z.number().int(),
  payload: z.unknown().optional(),
  /** Why it was refused: codes and parameters, said in words only where a person reads them. */
  reason: AuditReasonSchema.optional(),
  idempotencyKey: z.string().optional(),
});
/** What happened, for the audit log (审计日志), before the store chains it. */
export interface AuditRecord extends z.infer<typeof AuditRecordSchema> {}

/** An audit entry (审计记录): the record, its place in the chain and its hash. */
export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    prevHash: z.string(),
    hash: z.string(),
    ...AuditRecordSchema.shape,
    /**
     * The format (格式版本) the entry is stored and hashed in: 2 for entries stored as the exact
     * canonical bytes that are hashed, with `instanceHash` and `eventHashes`; absent for earlier ones.
     */
    v: z.literal(2).optional(),
    /** SHA-256 of the stored instance record after the commit, for the entries of its instance. */
    instanceHash: z.string().optional(),
    /** SHA-256 of each stored domain event the commit emitted in this entry's tenant (first entry). */
    eventHashes: z.array(z.string()).optional(),
    /** The runtime's signature of everything above (audit key, Ed25519); absent for unsigned entries. */
    signature: EntrySignatureSchema.optional(),
  })
  .meta({ id: 'AuditEntry' });
/** An audit entry: the record, its place in the chain and its hash. */
export interface AuditEntry extends z.infer<typeof AuditEntrySchema> {}

/** A domain event (领域事件) in the outbox, delivered at least once to subscribers. */
export interface DomainEvent {
  type: string;
  instanceId: string;
  workflow: WorkflowType;
  tenant: string;
  subject: Subject;
  at: string;
  data: Record<string, unknown>;
}

/** A domain event with its outbox position. */
export interface OutboxEntry extends DomainEvent {
  id: number;
}

/** Everything one transaction writes besides the instance. */
export interface Commit {
  audit: AuditRecord[];
  outbox: DomainEvent[];
  idempotency?: { scope: string; key: string; result: unknown };
  /** Signs each audit entry as it is chained (the runtime's audit key), when the runtime has one. */
  signer?: AuditSigner;
}
