/**
 * The durable runtime (持久化运行时): runs the machines as pure functions and owns what XState
 * does not — persistence, deadlines, authorization, idempotency, the audit chain, the outbox,
 * the envelope with machine version and plan hash, and migrations between machine versions.
 */
import { randomUUID } from 'node:crypto';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { z } from 'zod';
import { planHash } from '../model/hash.js';
import { parameterValue } from '../model/parameters.js';
import type { LocalizedText, Plan } from '../model/schema.js';
import type { Report as EvaluationReport } from '../evaluate/types.js';
import { auditRecord, auditWhere, type AuditVerification } from './audit.js';
import { checkpointStoreAudit, verifyStoreAudit, type AuditVerifyOptions } from './audit-verify.js';
import type { AuditCheckpoint, CheckpointKey } from './checkpoint.js';
import { createDelivery, type DomainEventHandler } from './deliver.js';
import { idempotencyKey, replayKey, storedResult, type IdempotencyKey } from './idempotency.js';
import { isGranted, scopeRefusal, type RelationFacts } from './authorize.js';
import {
  chineseWorkingDayCalendar,
  endOfLocalDay,
  localDate,
  systemClock,
  type Clock,
  type WorkingDayCalendar,
} from './calendar.js';
import { workflowsFor } from './definitions.js';
import { ConflictError, WorkflowError, type WorkflowErrorCode } from './errors.js';
import { publicNoticeView, type PublicNoticeView } from './public-notice.js';
import type { WorkflowStore } from './store.js';
import {
  PrincipalSchema,
  WORKFLOW_TYPES,
  type AuditEntry,
  type Commit,
  type Deadline,
  type DomainEvent,
  type Envelope,
  type EventInput,
  type InstanceRecord,
  type MachineEvent,
  type Principal,
  type Subject,
  type WorkflowDefinition,
  type WorkflowType,
} from './types.js';

/** Turns a snapshot of machine version `from` into one of version `from + 1`. */
export type Migration = (snapshot: Envelope['snapshot']) => Envelope['snapshot'];

export interface RuntimeOptions {
  /** The resolved plan new instances are pinned to. */
  plan: Plan;
  store: WorkflowStore;
  clock?: Clock;
  calendar?: WorkingDayCalendar;
  /** Migrations by workflow type and the machine version they start from. */
  migrations?: Partial<Record<WorkflowType, Record<number, Migration>>>;
  /**
   * The lease this runtime claims passed deadlines and domain events with: `owner` names the
   * process (default: a random id), `ms` is how long a claim lasts if the process dies before
   * finishing (default 30 s); then another process takes the work over.
   */
  lease?: { owner?: string; ms?: number };
}

/** Where an instance is started: a village, or a household within it. */
export interface SubjectInput {
  village: string;
  /** Needed for a village the plan does not list. */
  township?: string;
  household?: string;
}

export interface StartInput {
  tenant: string;
  subject: SubjectInput;
  event: EventInput;
}

/** The outcome of an accepted event. */
export interface TransitionResult {
  instanceId: string;
  event: string;
  from: string | null;
  to: string;
  version: number;
  at: string;
  /** True when this answers a repeated idempotency key: nothing was applied again. */
  duplicate?: boolean;
}

/** An instance as queries show it. */
export interface InstanceView {
  id: string;
  type: WorkflowType;
  tenant: string;
  subject: Subject;
  state: string;
  done: boolean;
  context: Record<string, unknown>;
  version: number;
  machineVersion: number;
  planHash: string;
  deadlines: Deadline[];
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A deadline the runtime marked overdue during `tick`. */
export interface OverdueNotice {
  instanceId: string;
  deadline: Deadline;
}

/** The outcome for one household of starting monitoring from screening results. */
export interface ScreeningStart {
  household: string;
  village: string;
  instanceId: string;
  outcome: 'started' | 'added' | 'duplicate';
}

export type { DomainEventHandler } from './deliver.js';

export interface Runtime {
  readonly planHash: string;
  start(type: WorkflowType, input: StartInput): Promise<TransitionResult>;
  send(instanceId: string, event: EventInput): Promise<TransitionResult>;
  get(instanceId: string): Promise<InstanceView>;
  /** The event types `principal` may send now (payload conditions aside). */
  allowedEvents(instanceId: string, principal: Principal): Promise<string[]>;
  history(instanceId: string): Promise<AuditEntry[]>;
  /** Mark passed deadlines overdue, audit them and emit `overdue` naming the units to escalate to. */
  tick(now?: Date): Promise<OverdueNotice[]>;
  /**
   * Verify every tenant's audit chain, or only `tenant`'s: the rows as stored, the heads, the
   * signed checkpoints (signatures too, given `publicKey`), the instance and outbox rows.
   */
  verifyAudit(options?: string | AuditVerifyOptions): Promise<AuditVerification>;
  /** Verify, then sign and store a checkpoint of each tenant's chain head (签名检查点). */
  checkpointAudit(privateKey: CheckpointKey, options?: { tenant?: string }): Promise<AuditCheckpoint[]>;
  /** Receive domain events (at least once); returns the unsubscribe function. */
  subscribe(handler: DomainEventHandler): () => void;
  /** Deliver pending domain events to subscribers now (also done after every commit). */
  deliver(): Promise<number>;
  /** Start `poverty-monitoring` for every household with a risk, channel department-alert. */
  startFromScreening(report: EvaluationReport, input: { tenant: string; actor: Principal }): Promise<ScreeningStart[]>;
  /** The public-notice view of a `poverty-monitoring` instance. */
  publicNotice(instanceId: string): Promise<PublicNoticeView>;
  /** Move an instance to this runtime's machine version and plan, audited. */
  migrate(instanceId: string, input: { actor: Principal; reason: string }): Promise<TransitionResult>;
}

/** Create a runtime over a store. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { plan, store } = options;
  const clock = options.clock ?? systemClock;
  const calendar = options.calendar ?? chineseWorkingDayCalendar;
  const hash = planHash(plan);
  const workflows = workflowsFor(plan);
  /** This runtime's lease on the deadlines and domain events it claims. */
  const lease = { owner: options.lease?.owner ?? randomUUID(), ms: options.lease?.ms ?? 30_000 };
  const delivery = createDelivery(store, lease);
  const deliverSoon = delivery.deliverSoon;
  const replay = (key: IdempotencyKey | undefined) => replayKey<TransitionResult>(store, key);

  const now = () => clock.now().toISOString();
  const parameter = (date: string) => (id: string) => parameterValue(plan, id, date);

  function definitionOf(type: string): WorkflowDefinition {
    if (!(WORKFLOW_TYPES as readonly string[]).includes(type)) {
      throw new WorkflowError('unknown-workflow', {
        zh: `未知流程类型 "${type}"，可用：${WORKFLOW_TYPES.join('、')}`,
        en: `unknown workflow type "${type}"; known: ${WORKFLOW_TYPES.join(', ')}`,
      });
    }
    return workflows[type as WorkflowType];
  }

  function parsePrincipal(actor: unknown, where: string): Principal {
    const parsed = PrincipalSchema.safeParse(actor);
    if (parsed.success) return parsed.data;
    throw new WorkflowError(
      'invalid-principal',
      { zh: `${where}：actor 不是有效的主体`, en: `${where}: actor is not a valid principal` },
      { reasons: issues(parsed.error, 'actor') },
    );
  }

  function resolveSubject(definition: WorkflowDefinition, input: SubjectInput): Subject {
    const bad = (zh: string, en: string) =>
      new WorkflowError('invalid-subject', { zh: `对象有误：${zh}`, en: `invalid subject: ${en}` });
    if (!input || typeof input.village !== 'string' || input.village === '')
      throw bad('缺少 village', 'village is missing');
    const township = plan.keyVillages.find((v) => v.id === input.village)?.township.id ?? input.township;
    if (!township) {
      throw bad(
        `村 ${input.village} 不在方案的重点村中，须给出 township`,
        `village ${input.village} is not a key village of the plan: give its township`,
      );
    }
    if (definition.householdSubject === 'required' && !input.household) {
      throw bad(
        `${definition.type} 的对象须为农户（household）`,
        `the subject of ${definition.type} must name a household`,
      );
    }
    if (definition.householdSubject === 'none' && input.household) {
      throw bad(
        `${definition.type} 的对象是村，不是农户`,
        `the subject of ${definition.type} is a village, not a household`,
      );
    }
    return { village: input.village, township, ...(input.household ? { household: input.household } : {}) };
  }

  function restore(definition: WorkflowDefinition, record: InstanceRecord): AnyMachineSnapshot {
    return definition.machine.resolveState({
      value: record.envelope.snapshot.value,
      context: record.envelope.snapshot.context,
    }) as AnyMachineSnapshot;
  }

  function eventsIn(definition: WorkflowDefinition, state: string): string[] {
    const node = definition.machine.states[state];
    return node ? [...new Set(node.ownEvents as string[])] : [];
  }

  function relationFacts(snapshot: AnyMachineSnapshot | undefined): RelationFacts {
    const context = (snapshot?.context ?? {}) as RelationFacts;
    return { assigneeUnit: context.assigneeUnit, reporter: context.reporter };
  }

  /** Deadlines after entering `after` from `before`: kept, set or cleared by the rules. */
  function nextDeadlines(
    definition: WorkflowDefinition,
    current: Deadline[],
    before: string | null,
    after: string,
    context: Record<string, unknown>,
    at: string,
  ): Deadline[] {
    const today = localDate(at);
    const result: Deadline[] = [];
    for (const rule of definition.deadlines) {
      const isActive = rule.states.includes(after);
      if (!isActive) continue;
      const wasActive = before !== null && rule.states.includes(before);
      const kept = current.find((d) => d.id === rule.id);
      if (wasActive && kept) {
        result.push(kept);
        continue;
      }
      const due = rule.due({ context, today, parameter: parameter(today), calendar });
      if (due)
        result.push({
          id: rule.id,
          name: rule.name,
          due,
          firesAt: endOfLocalDay(due),
          escalateTo: rule.escalateTo(plan),
        });
    }
    return result;
  }

  const nextDeadlineAt = (deadlines: Deadline[]) =>
    deadlines
      .filter((d) => !d.overdueAt)
      .reduce<string | null>((min, d) => (min === null || d.firesAt < min ? d.firesAt : min), null);

  function domainEvent(record: InstanceRecord, type: string, at: string, data: Record<string, unknown>): DomainEvent {
    return {
      type,
      instanceId: record.id,
      workflow: record.type,
      tenant: record.tenant,
      subject: record.subject,
      at,
      data,
    };
  }

  function view(record: InstanceRecord): InstanceView {
    return {
      id: record.id,
      type: record.type,
      tenant: record.tenant,
      subject: record.subject,
      state: record.state,
      done: record.status === 'done',
      context: record.envelope.snapshot.context,
      version: record.version,
      machineVersion: record.envelope.machineVersion,
      planHash: record.envelope.planHash,
      deadlines: record.deadlines,
      overdue: record.deadlines.some((d) => d.overdueAt),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  async function load(instanceId: string): Promise<InstanceRecord> {
    const record = await store.load(instanceId);
    if (!record) {
      throw new WorkflowError(
        'unknown-instance',
        { zh: `没有实例 ${instanceId}`, en: `no instance ${instanceId}` },
        { instanceId },
      );
    }
    return record;
  }

  interface Attempt {
    definition: WorkflowDefinition;
    record: InstanceRecord | undefined;
    tenant: string;
    subject: Subject;
    snapshot: AnyMachineSnapshot;
    state: string | null;
    input: EventInput;
    actor: Principal;
    at: string;
  }

  /** A checked attempt: the machine event and the snapshot it leads to. */
  interface Checked {
    event: MachineEvent;
    next: AnyMachineSnapshot;
  }

  /** Refuse an attempt: audit it (the actor is authenticated), then throw. */
  async function refuse(
    attempt: Attempt,
    code: WorkflowErrorCode,
    text: LocalizedText,
    reasons: LocalizedText[] = [],
  ): Promise<never> {
    const { definition, record, actor, input, state } = attempt;
    const allowedNow = allowedFor(attempt);
    const error = new WorkflowError(code, text, {
      instanceId: record?.id ?? null,
      event: input.type,
      state,
      allowedNow,
      reasons,
    });
    const where = record
      ? auditWhere(record)
      : {
          tenant: attempt.tenant,
          instanceId: null,
          workflow: definition.type,
          planHash: hash,
          machineVersion: definition.version,
        };
    const audit = auditRecord(where, {
      event: String(input.type),
      outcome: 'refused',
      actor,
      at: attempt.at,
      stateBefore: state,
      stateAfter: state,
      reason: {
        code,
        zh: error.text.zh + reasons.map((r) => `；${r.zh}`).join(''),
        en: error.text.en + reasons.map((r) => `; ${r.en}`).join(''),
      },
    });
    await store.record({ audit: [audit], outbox: [] });
    throw error;
  }

  function allowedFor(attempt: Attempt): string[] {
    const { definition, snapshot, actor, tenant, subject, state } = attempt;
    if (scopeRefusal(actor, tenant, subject)) return [];
    const candidates = state === null ? [definition.startEvent] : eventsIn(definition, state);
    return candidates.filter((type) => isGranted(definition, type, actor, subject, relationFacts(snapshot)));
  }

  /**
   * Check an attempt (its scope already authorized) and take its transition, or refuse it. The machine runs once: XState
   * returns the very same snapshot when a guard lets no transition through.
   */
  async function check(attempt: Attempt): Promise<Checked> {
    const { definition, input, actor, subject, state, snapshot } = attempt;
    const where = attempt.record ? `实例 ${attempt.record.id}` : `新的 ${definition.type} 实例`;
    const whereEn = attempt.record ? `instance ${attempt.record.id}` : `a new ${definition.type} instance`;
    const rule = definition.events[input.type];
    if (!rule) {
      await refuse(attempt, 'unknown-event', {
        zh: `${where}：${definition.type} 没有事件 "${input.type}"`,
        en: `${whereEn}: ${definition.type} has no event "${input.type}"`,
      });
    }
    const inState = state === null ? [definition.startEvent] : eventsIn(definition, state);
    if (!inState.includes(input.type)) {
      await refuse(attempt, 'not-allowed-in-state', {
        zh: `${where} 在状态 ${state ?? '（未开始）'} 不接受事件 ${input.type}`,
        en: `${whereEn} in state ${state ?? '(not started)'} does not accept ${input.type}`,
      });
    }
    const facts = relationFacts(snapshot);
    if (!isGranted(definition, input.type, actor, subject, facts)) {
      await refuse(attempt, 'forbidden', {
        zh: `${where}：${actor.id}（角色 ${actor.roles.join('、') || '无'}）无权在状态 ${state ?? '（未开始）'} 发送 ${input.type}`,
        en: `${whereEn}: ${actor.id} (roles ${actor.roles.join(', ') || 'none'}) may not send ${input.type} in state ${state ?? '(not started)'}`,
      });
    }
    const parsed = rule!.payload.safeParse(input.payload ?? {});
    if (!parsed.success) {
      await refuse(
        attempt,
        'invalid-payload',
        { zh: `${where}：事件 ${input.type} 的 payload 有误`, en: `${whereEn}: invalid payload of ${input.type}` },
        issues(parsed.error, 'payload'),
      );
    }
    if (!isGranted(definition, input.type, actor, subject, facts, parsed.data)) {
      await refuse(attempt, 'forbidden', {
        zh: `${where}：${actor.id} 不能以此 payload 发送 ${input.type}`,
        en: `${whereEn}: ${actor.id} may not send ${input.type} with this payload`,
      });
    }
    const today = localDate(attempt.at);
    const parameters = Object.fromEntries(definition.parameters.map((id) => [id, parameterValue(plan, id, today)]));
    const event: MachineEvent = { type: input.type, payload: parsed.data, actor, at: attempt.at, parameters };
    const [next] = transition(definition.machine, snapshot, event);
    if (next === snapshot) {
      const reasons = definition.blockers[input.type]?.(snapshot.context, event) ?? [];
      await refuse(
        attempt,
        'guard',
        {
          zh: `${where} 在状态 ${state} 现在不能接受 ${input.type}`,
          en: `${whereEn} in state ${state} cannot accept ${input.type} now`,
        },
        reasons,
      );
    }
    return { event, next: next as AnyMachineSnapshot };
  }

  /** Apply a checked event: transition, deadlines, audit, outbox, save in one commit. */
  async function apply(
    attempt: Attempt,
    { event, next }: Checked,
    key: IdempotencyKey | undefined,
  ): Promise<TransitionResult> {
    const { definition, state: before, input } = attempt;
    const after = String(next.value);
    const context = next.context as Record<string, unknown>;
    const id = attempt.record?.id ?? randomUUID();
    const status = next.status === 'done' ? 'done' : 'active';
    const deadlines = nextDeadlines(definition, attempt.record?.deadlines ?? [], before, after, context, event.at);
    const record: InstanceRecord = {
      id,
      tenant: attempt.tenant,
      type: definition.type,
      subject: attempt.subject,
      subjectKey: subjectKey(attempt.subject),
      exclusiveKey: definition.onePerSubject && status === 'active' ? subjectKey(attempt.subject) : null,
      envelope: {
        type: definition.type,
        machineVersion: attempt.record?.envelope.machineVersion ?? definition.version,
        planHash: attempt.record?.envelope.planHash ?? hash,
        snapshot: { value: after, status: next.status, context },
      },
      version: (attempt.record?.version ?? 0) + 1,
      state: after,
      status,
      deadlines,
      nextDeadlineAt: nextDeadlineAt(deadlines),
      createdAt: attempt.record?.createdAt ?? event.at,
      updatedAt: event.at,
    };
    const result: TransitionResult = {
      instanceId: id,
      event: input.type,
      from: before,
      to: after,
      version: record.version,
      at: event.at,
    };
    const commit: Commit = {
      audit: [
        auditRecord(auditWhere(record), {
          event: input.type,
          outcome: attempt.record ? 'accepted' : 'started',
          actor: attempt.actor,
          at: event.at,
          stateBefore: before,
          stateAfter: after,
          payload: event.payload,
          ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        }),
      ],
      outbox: [
        domainEvent(record, attempt.record ? 'transitioned' : 'started', event.at, {
          event: input.type,
          from: before,
          to: after,
        }),
        ...definition
          .effects(before ?? 'idle', after, context, event)
          .map((e) => domainEvent(record, e.type, event.at, e.data)),
      ],
      ...(key ? { idempotency: { scope: key.scope, key: key.key, result: storedResult(key, result) } } : {}),
    };
    try {
      if (attempt.record) await store.save(record, attempt.record.version, commit);
      else await store.create(record, commit);
    } catch (error) {
      // a concurrent send with the same key committed first: answer with its result
      const first = error instanceof ConflictError ? await replay(key) : undefined;
      if (first) return first;
      throw error;
    }
    void deliverSoon();
    return result;
  }

  /** Refuse (audited) a principal outside the instance's tenant or scope, before anything else. */
  async function authorizeScope(attempt: Attempt): Promise<void> {
    const scope = scopeRefusal(attempt.actor, attempt.tenant, attempt.subject);
    if (!scope) return;
    const where = attempt.record
      ? { zh: `实例 ${attempt.record.id}`, en: `instance ${attempt.record.id}` }
      : { zh: `新的 ${attempt.definition.type} 实例`, en: `a new ${attempt.definition.type} instance` };
    await refuse(
      attempt,
      scope.code,
      {
        zh: `${where.zh}：不允许 ${attempt.actor.id} 发送 ${attempt.input.type}`,
        en: `${where.en}: ${attempt.actor.id} may not send ${attempt.input.type}`,
      },
      [scope.reason],
    );
  }

  function pinned(definition: WorkflowDefinition, record: InstanceRecord): void {
    const { machineVersion, planHash: pinnedHash } = record.envelope;
    const hint = { zh: '请先以 migrate 显式迁移该实例', en: 'migrate the instance explicitly first' };
    if (machineVersion !== definition.version) {
      throw new WorkflowError(
        'machine-version',
        {
          zh: `实例 ${record.id} 的流程版本为 ${machineVersion}，本运行时为 ${definition.version}`,
          en: `instance ${record.id} runs machine version ${machineVersion}; this runtime has version ${definition.version}`,
        },
        { instanceId: record.id, state: record.state, reasons: [hint] },
      );
    }
    if (pinnedHash !== hash) {
      throw new WorkflowError(
        'plan-mismatch',
        {
          zh: `实例 ${record.id} 按方案 ${pinnedHash} 启动，本运行时的方案为 ${hash}`,
          en: `instance ${record.id} was started under plan ${pinnedHash}; this runtime runs plan ${hash}`,
        },
        { instanceId: record.id, state: record.state, reasons: [hint] },
      );
    }
  }

  /** Send an event; its idempotency key is `key` when a start delegates, else the instance's. */
  async function send(instanceId: string, input: EventInput, startKey?: IdempotencyKey): Promise<TransitionResult> {
    const actor = parsePrincipal(input?.actor, `实例 ${instanceId} / instance ${instanceId}`);
    const record = await load(instanceId);
    const definition = definitionOf(record.type);
    pinned(definition, record);
    const snapshot = restore(definition, record);
    const attempt: Attempt = {
      definition,
      record,
      tenant: record.tenant,
      subject: record.subject,
      snapshot,
      state: record.state,
      input,
      actor,
      at: now(),
    };
    await authorizeScope(attempt);
    const key = startKey ?? idempotencyKey(`send:${instanceId}`, input, actor, { instanceId });
    const duplicate = await replay(key);
    if (duplicate) return duplicate;
    return apply(attempt, await check(attempt), key);
  }

  async function start(type: WorkflowType, input: StartInput): Promise<TransitionResult> {
    const definition = definitionOf(type);
    const actor = parsePrincipal(input?.event?.actor, `新的 ${type} 实例 / a new ${type} instance`);
    const subject = resolveSubject(definition, input.subject);
    const [snapshot] = initialTransition(definition.machine, {
      village: subject.village,
      household: subject.household,
    });
    const attempt: Attempt = {
      definition,
      record: undefined,
      tenant: input.tenant,
      subject,
      snapshot: snapshot as AnyMachineSnapshot,
      state: null,
      input: input.event,
      actor,
      at: now(),
    };
    await authorizeScope(attempt);
    const key = idempotencyKey(`start:${type}:${input.tenant}`, input.event, actor, { subject });
    const duplicate = await replay(key);
    if (duplicate) return duplicate;
    if (definition.onePerSubject) {
      const [open] = await store.findBySubject({
        type,
        tenant: input.tenant,
        subjectKey: subjectKey(subject),
        open: true,
      });
      if (open) return send(open.id, input.event, key);
    }
    return apply(attempt, await check(attempt), key);
  }

  return {
    planHash: hash,
    start,
    send: (instanceId, event) => send(instanceId, event),
    async get(instanceId) {
      return view(await load(instanceId));
    },
    async allowedEvents(instanceId, principal) {
      const actor = parsePrincipal(principal, `实例 ${instanceId} / instance ${instanceId}`);
      const record = await load(instanceId);
      const definition = definitionOf(record.type);
      const snapshot = restore(definition, record);
      return allowedFor({
        definition,
        record,
        tenant: record.tenant,
        subject: record.subject,
        snapshot,
        state: record.state,
        input: { type: '', actor },
        actor,
        at: now(),
      });
    },
    async history(instanceId) {
      await load(instanceId);
      return store.readAudit({ instanceId });
    },
    async tick(at = clock.now()) {
      const instant = at.toISOString();
      const fired: OverdueNotice[] = [];
      for (const due of await store.claimDue(instant, lease)) {
        const passed = due.deadlines.filter((d) => !d.overdueAt && d.firesAt <= instant);
        const deadlines = due.deadlines.map((d) => (passed.includes(d) ? { ...d, overdueAt: instant } : d));
        const record: InstanceRecord = {
          ...due,
          deadlines,
          nextDeadlineAt: nextDeadlineAt(deadlines),
          version: due.version + 1,
          updatedAt: instant,
        };
        const commit: Commit = {
          audit: passed.map((d) =>
            auditRecord(auditWhere(due), {
              event: 'DEADLINE_PASSED',
              outcome: 'overdue',
              actor: { id: 'system' },
              at: instant,
              stateBefore: due.state,
              stateAfter: due.state,
              payload: { deadline: d.id, due: d.due, escalateTo: d.escalateTo },
            }),
          ),
          outbox: passed.map((d) =>
            domainEvent(record, 'overdue', instant, {
              deadline: d.id,
              name: d.name,
              due: d.due,
              state: due.state,
              escalateTo: d.escalateTo,
            }),
          ),
        };
        try {
          await store.save(record, due.version, commit);
        } catch (error) {
          if (error instanceof WorkflowError && error.code === 'conflict') continue; // another runtime got it first
          throw error;
        }
        fired.push(
          ...deadlines
            .filter((d) => passed.some((p) => p.id === d.id))
            .map((deadline) => ({ instanceId: due.id, deadline })),
        );
      }
      if (fired.length) void deliverSoon();
      return fired;
    },
    verifyAudit: (options) => verifyStoreAudit(store, typeof options === 'string' ? { tenant: options } : options),
    checkpointAudit: (privateKey, options = {}) => checkpointStoreAudit(store, privateKey, now(), options.tenant),
    subscribe: delivery.subscribe,
    deliver: () => deliverSoon(),
    async startFromScreening(report, { tenant, actor }) {
      const started: ScreeningStart[] = [];
      for (const household of report.households.filter((h) => h.risks.length > 0)) {
        const result = await start('poverty-monitoring', {
          tenant,
          subject: { village: household.villageId, household: household.subject.id },
          event: {
            type: 'FLAG',
            actor,
            payload: {
              channel: 'department-alert',
              riskTypes: household.risks,
              note: household.details.map((d) => d.message.zh).join('；'),
              ...(household.category ? { suggestedCategory: household.category } : {}),
            },
            idempotencyKey: `screening:${report.asOf}:${household.subject.id}`,
          },
        });
        started.push({
          household: household.subject.id,
          village: household.villageId,
          instanceId: result.instanceId,
          outcome: result.duplicate ? 'duplicate' : result.from === null ? 'started' : 'added',
        });
      }
      return started;
    },
    async publicNotice(instanceId) {
      const record = await load(instanceId);
      if (record.type !== 'poverty-monitoring') {
        throw new WorkflowError(
          'unknown-workflow',
          {
            zh: `实例 ${instanceId} 是 ${record.type}，只有 poverty-monitoring 有公示信息`,
            en: `instance ${instanceId} is ${record.type}; only poverty-monitoring has a public notice`,
          },
          { instanceId },
        );
      }
      return publicNoticeView(plan, record);
    },
    async migrate(instanceId, { actor: principal, reason }) {
      const actor = parsePrincipal(principal, `实例 ${instanceId} / instance ${instanceId}`);
      const record = await load(instanceId);
      const definition = definitionOf(record.type);
      const refusal =
        scopeRefusal(actor, record.tenant, record.subject)?.reason ??
        (actor.roles.includes('supervisor')
          ? undefined
          : { zh: '迁移须由 supervisor 角色执行', en: 'a migration needs the supervisor role' });
      if (refusal) {
        throw new WorkflowError(
          'forbidden',
          { zh: `实例 ${instanceId} 不能迁移`, en: `instance ${instanceId} cannot be migrated` },
          { instanceId, reasons: [refusal] },
        );
      }
      let snapshot = record.envelope.snapshot;
      for (let version = record.envelope.machineVersion; version < definition.version; version += 1) {
        const step = options.migrations?.[record.type]?.[version];
        if (!step) {
          throw new WorkflowError(
            'machine-version',
            {
              zh: `没有 ${record.type} 从版本 ${version} 到 ${version + 1} 的迁移`,
              en: `no migration of ${record.type} from machine version ${version} to ${version + 1}`,
            },
            { instanceId },
          );
        }
        snapshot = step(snapshot);
      }
      const at = now();
      const migrated: InstanceRecord = {
        ...record,
        state: snapshot.value,
        envelope: { ...record.envelope, machineVersion: definition.version, planHash: hash, snapshot },
        version: record.version + 1,
        updatedAt: at,
      };
      const data = {
        fromVersion: record.envelope.machineVersion,
        toVersion: definition.version,
        fromPlan: record.envelope.planHash,
        toPlan: hash,
        reason,
      };
      await store.save(migrated, record.version, {
        audit: [
          auditRecord(auditWhere(migrated), {
            event: 'MIGRATE',
            outcome: 'migrated',
            actor,
            at,
            stateBefore: record.state,
            stateAfter: snapshot.value,
            payload: data,
          }),
        ],
        outbox: [domainEvent(migrated, 'migrated', at, data)],
      });
      return { instanceId, event: 'MIGRATE', from: record.state, to: snapshot.value, version: migrated.version, at };
    },
  };
}

/** `village/household` or `village`: how a store finds a subject's instances. */
export function subjectKey(subject: Subject): string {
  return subject.household ? `${subject.village}/${subject.household}` : subject.village;
}

/** zod issues as reasons naming the field. */
function issues(error: z.ZodError, root: string): LocalizedText[] {
  return error.issues.map((issue) => {
    const field = [root, ...issue.path.map(String)].join('.');
    return { zh: `${field}：${issue.message}`, en: `${field}: ${issue.message}` };
  });
}
