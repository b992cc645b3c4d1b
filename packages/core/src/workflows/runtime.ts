/**
 * The durable runtime (持久化运行时): runs the machines as pure functions and owns what XState
 * does not — persistence, deadlines, authorization, idempotency, the audit chain, the outbox,
 * the envelope with machine version and plan hash, and migrations between machine versions.
 *
 * It only wires named steps, each a module of its own. A `start` or `send` is an attempt
 * (`attempt.ts`): `authorize.ts` checks its scope, then — after `idempotency.ts` has answered a
 * repeated key — its event; `privacy/` protects its payload; `transition.ts` runs the machine and
 * builds the instance's next version and domain events. These steps write nothing: each returns
 * its result or a refusal (`refusal.ts`), and `commit.ts` alone writes the decision — the
 * transition with its audit entry and idempotency key in one store transaction, or the refusal's
 * audit entry. `deliver.ts` hands the domain events to subscribers. The store-wide work — firing passed deadlines (`tick.ts`, `ticker.ts` on a
 * schedule), delivery, verifying and checkpointing the audit — is the maintenance's
 * (`maintenance.ts`), which the runtime writes through; a start or send that loses a race is
 * tried again (`retry.ts`). `migrate.ts` moves instances between machine versions and plans.
 * `search.ts` answers a principal's search over the store's search index (`search-index.ts`),
 * `tasks.ts` its task list (待办). Audit records are built by `audit.ts` alone (the stores seal and chain
 * them with `audit-rows.ts`'s `sealCommit`), domain events by `deliver.ts`'s `domainEvent`;
 * `audit-verify.ts` verifies what a store holds and signs checkpoints (`checkpoint.ts`); with an
 * audit key, `audit-sign.ts` signs every entry written and `auto-checkpoint.ts` checkpoints on
 * schedule.
 * `privacy/` protects personal data (个人信息): it refuses identifiers in free text and seals
 * personal fields before the transition, opens them in views for the roles that need them, and
 * erases them (`forget`).
 */
import { RuralkitError } from '../model/errors.js';
import { planHash } from '../model/hash.js';
import type { Plan } from '../model/schema.js';
import type { Report as EvaluationReport } from '../evaluate/types.js';
import { attemptOn, startAttempt, type Attempt, type Setting, type StartInput } from './attempt.js';
import { authorizeEvent, authorizeMigration, authorizeScope, allowedNow, parsePrincipal } from './authorize.js';
import { chineseWorkingDayCalendar, systemClock, type Clock, type WorkingDayCalendar } from './calendar.js';
import { commit, commitRefusal, type TransitionResult } from './commit.js';
import { workflowsFor } from './definitions.js';
import { StaleVersionError, WorkflowError } from './errors.js';
import type { DomainEventHandler } from './deliver.js';
import { idempotencyKey, replayKey, type IdempotencyKey } from './idempotency.js';
import { instanceView, loadInstance, type InstanceView } from './instance.js';
import { createMaintenance, maintenanceParts, type Maintenance } from './maintenance.js';
import { assertPinned, migrateInstance, type Migration } from './migrate.js';
import type { WorkflowRegistry } from './registry.js';
import { startFromScreening, type ScreeningStart } from './screening.js';
import { DEFAULT_RETRIES, expectingVersion, retryOnConflict, type SendOptions } from './retry.js';
import { openForTargets, type RectificationStart } from './targets.js';
import type { WorkflowStore } from './store.js';
import { resolveSubject, subjectKey, type SubjectInput } from './subject.js';
import { searchInstances, type InstancePage, type InstanceQuery } from './search.js';
import { listTasks, type TaskPage, type TaskQuery } from './tasks.js';
import { forgetPersonalData, type ForgetResult } from './privacy/forget.js';
import type { PersonalDataKeys } from './privacy/keys.js';
import { createPrivacy } from './privacy/privacy.js';
import { refuseIdentifiers } from './privacy/protect.js';
import { Refusal } from './refusal.js';
import { transition, type Transition } from './transition.js';
import type { AuditEntry, EventInput, Principal, PublicNoticeView, WorkflowType } from './types.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

export type { StartInput } from './attempt.js';
export type { TransitionResult } from './commit.js';
export type { DomainEventHandler } from './deliver.js';
export type { InstanceView } from './instance.js';
export type { Migration } from './migrate.js';
export type { SendOptions } from './retry.js';
export type { ScreeningStart } from './screening.js';
export type { RectificationStart } from './targets.js';
export { subjectKey, type SubjectInput } from './subject.js';
export type { OverdueNotice } from './tick.js';
export type { DeadlineSummary, InstancePage, InstanceQuery, InstanceSummary } from './search.js';
export type { Task, TaskPage, TaskQuery } from './tasks.js';

export interface RuntimeOptions {
  /** The resolved plan new instances are pinned to. */
  plan: Plan;
  store: WorkflowStore;
  clock?: Clock;
  calendar?: WorkingDayCalendar;
  /** Migrations by workflow type and the machine version they start from. */
  migrations?: Partial<Record<WorkflowType, Record<number, Migration>>>;
  /**
   * The maintenance (运维) of the store this runtime writes through: its audit key signs every
   * entry, its lease claims work, its delivery hears every commit. Give the one maintenance of
   * the store to every runtime over it (`createMaintenance({ store })`): deadlines, delivery and
   * the audit's verification are done through it. Without one, the runtime writes through a
   * maintenance of its own with no audit key, which only delivers its commits' domain events.
   */
  maintenance?: Maintenance;
  /**
   * The keyring personal fields are sealed with (个人信息密钥, kept outside the store). Without
   * one, an event carrying a personal value is refused.
   */
  keys?: PersonalDataKeys;
  /**
   * Times a start or send without an expected version is tried again after losing a race to
   * another writer (default 3): the instance is reloaded and the event checked again each time.
   */
  retries?: number;
}

export interface Runtime {
  readonly planHash: string;
  /** The plan's workflow registry (流程注册表): the workflows this runtime starts and runs. */
  readonly workflows: WorkflowRegistry;
  /** Start an instance (or send the event to the subject's open one); tried again after a conflict like `send`. */
  start(type: WorkflowType, input: StartInput): Promise<TransitionResult>;
  /**
   * Send an event. With `expectedVersion`, it is applied only while the instance is at that
   * version, else `StaleVersionError` — also when another writer commits first, never retried.
   * Without it, a send that loses a race is tried again on the new version (`retries`, default
   * the runtime's), then `ConflictError`. A repeated idempotency key is answered with its first
   * result before the version is checked.
   */
  send(instanceId: string, event: EventInput, options?: SendOptions): Promise<TransitionResult>;
  /**
   * An instance; its personal fields opened only for a `principal` that needs them, else masked.
   * Given a `principal`, every read answers an instance it may not see (`canSee`: another tenant's,
   * or another household's case for a household) as `unknown-instance`, exactly as a missing one.
   */
  get(instanceId: string, options?: { principal?: Principal }): Promise<InstanceView>;
  /** The event types `principal` may send now (payload conditions aside). */
  allowedEvents(instanceId: string, principal: Principal): Promise<string[]>;
  /**
   * Search (检索) `principal`'s tenant within what its roles cover: a township official its
   * township, a village committee or cadre its village, a department its unit's instances, a
   * household its own case, a supervisor or approver the tenant. By due date then id, a page at a
   * time (`next` is the cursor of the following page); counts by state when asked.
   * Summaries only: ids, states and dates, never a context or a personal value.
   */
  search(principal: Principal, query?: InstanceQuery): Promise<InstancePage>;
  /**
   * `principal`'s task list (待办): the active instances where it may send an event now (with the
   * events), and the overdue ones escalating to its unit (`escalated`), by due date then id.
   */
  tasks(principal: Principal, query?: TaskQuery): Promise<TaskPage>;
  /** The instance's audit entries, accepted and refused, in chain order. */
  history(instanceId: string, options?: { principal?: Principal }): Promise<AuditEntry[]>;
  /** Receive domain events (at least once), as the maintenance's `subscribe`; returns the unsubscribe function. */
  subscribe(handler: DomainEventHandler): () => void;
  /** Start each workflow started by screening (`startedByScreening`) for every household with a risk. */
  startFromScreening(report: EvaluationReport, input: { tenant: string; actor: Principal }): Promise<ScreeningStart[]>;
  /**
   * Open a case of each workflow opened for targets (`openedForTarget`) for every binding village
   * target the evaluation found not met, once per village, rule and year (opt-in; run it again
   * and it opens nothing twice).
   */
  openRectifications(
    report: EvaluationReport,
    input: { tenant: string; actor: Principal },
  ): Promise<RectificationStart[]>;
  /** The public-notice view (公示信息) of an instance whose workflow has one (`publicNotice`). */
  publicNotice(instanceId: string, options?: { principal?: Principal }): Promise<PublicNoticeView>;
  /** Move an instance to this runtime's machine version and plan, audited. */
  migrate(instanceId: string, input: { actor: Principal; reason: string }): Promise<TransitionResult>;
  /**
   * Erase a household's (or a village's) personal data by destroying its keys (supervisor), audited
   * and announced (`personal-data-erased`) on each of its instances.
   */
  forget(input: { tenant: string; subject: SubjectInput; actor: Principal; reason: string }): Promise<ForgetResult>;
}

const SEARCH = workflowMessage('where.search', {});
/** What an erasure is given a subject for: a village or a household within it. */
const ERASURE = { type: 'erasure', householdSubject: 'optional' } as const;
const TASKS = workflowMessage('where.tasks', {});

/** Create a runtime over a store. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const { plan } = options;
  const clock = options.clock ?? systemClock;
  const maintenance = options.maintenance ?? createMaintenance({ store: options.store, clock });
  const { store, secret, deliverSoon, source } = maintenanceParts(maintenance);
  if (source !== options.store) {
    throw new RuralkitError('invalid-maintenance', workflowText(workflowMessage('runtime.other-store', {})));
  }
  const setting: Setting = {
    plan,
    planHash: planHash(plan),
    store,
    calendar: options.calendar ?? chineseWorkingDayCalendar,
    now: () => clock.now().toISOString(),
  };
  const workflows = workflowsFor(plan);
  const replay = (key: IdempotencyKey | undefined) => replayKey<TransitionResult>(store, key);
  const onInstance = (instance: string) => workflowMessage('where.instance', { instance });
  const privacy = createPrivacy(options.keys);

  /**
   * The attempt's event authorized, its payload protected and its transition taken, each step
   * deciding; the first refusal ends it. Nothing is written yet.
   */
  async function decide(attempt: Attempt): Promise<{ taken: Transition; audited: unknown } | Refusal> {
    const authorized = authorizeEvent(setting, attempt);
    if (authorized instanceof Refusal) return authorized;
    const payload = await privacy.protect(setting, attempt, authorized.payload);
    if (payload instanceof Refusal) return payload;
    const taken = transition(setting, attempt, payload.sealed);
    return taken instanceof Refusal ? taken : { taken, audited: payload.hashed };
  }

  /** Decide on the attempt's event and commit the decision; delivery follows an accepted commit. */
  async function accept(attempt: Attempt, key: IdempotencyKey | undefined): Promise<TransitionResult> {
    const decision = await decide(attempt);
    if (decision instanceof Refusal) return commitRefusal(setting, decision);
    const result = await commit(setting, attempt, decision.taken, key, decision.audited);
    if (!result.duplicate) void deliverSoon(); // a duplicate committed nothing
    return result;
  }

  /** Refuse an attempt outside its actor's tenant or scope (audited), before anything else. */
  async function checkScope(attempt: Attempt): Promise<void> {
    const refused = authorizeScope(setting, attempt);
    if (refused) await commitRefusal(setting, refused);
  }

  /**
   * Send an event; its idempotency key is `startKey` when a start delegates, else the instance's.
   * A repeated key is answered first; then an instance not at `expectedVersion` is refused.
   */
  async function send(
    instanceId: string,
    input: EventInput,
    startKey?: IdempotencyKey,
    expectedVersion?: number,
  ): Promise<TransitionResult> {
    const actor = parsePrincipal(input?.actor, onInstance(instanceId));
    const record = await loadInstance(store, instanceId);
    const definition = workflows.definitionOf(record.type);
    assertPinned(setting, definition, record);
    const attempt = attemptOn(definition, record, input, actor, setting.now());
    await checkScope(attempt);
    const key = startKey ?? idempotencyKey(`send:${instanceId}`, input, actor, { instanceId }, secret);
    const duplicate = await replay(key);
    if (duplicate) return duplicate;
    if (expectedVersion !== undefined && record.version !== expectedVersion) {
      throw new StaleVersionError(instanceId, expectedVersion, record.version);
    }
    return accept(attempt, key);
  }

  async function start(type: WorkflowType, input: StartInput): Promise<TransitionResult> {
    const definition = workflows.definitionOf(type);
    const actor = parsePrincipal(input?.event?.actor, workflowMessage('where.new-instance', { workflow: type }));
    const subject = resolveSubject(plan, definition, input.subject, input.tenant);
    const attempt = startAttempt(definition, input.tenant, subject, input.event, actor, setting.now());
    await checkScope(attempt);
    const key = idempotencyKey(`start:${type}:${input.tenant}`, input.event, actor, { subject }, secret);
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
    return accept(attempt, key);
  }

  const retries = options.retries ?? DEFAULT_RETRIES;
  const startRetried = (type: WorkflowType, input: StartInput) => retryOnConflict(retries, () => start(type, input));

  return {
    planHash: setting.planHash,
    workflows,
    start: startRetried,
    send(instanceId, event, { expectedVersion, retries: times = retries } = {}) {
      if (expectedVersion === undefined) return retryOnConflict(times, () => send(instanceId, event));
      return expectingVersion(
        instanceId,
        expectedVersion,
        () => store.load(instanceId),
        () => send(instanceId, event, undefined, expectedVersion),
      );
    },
    async get(instanceId, { principal } = {}) {
      const reader = principal && parsePrincipal(principal, onInstance(instanceId));
      const record = await loadInstance(store, instanceId, reader);
      return instanceView(record, await privacy.context(workflows.definitionOf(record.type), record, reader));
    },
    async allowedEvents(instanceId, principal) {
      const actor = parsePrincipal(principal, onInstance(instanceId));
      const record = await loadInstance(store, instanceId, actor);
      return allowedNow(
        attemptOn(workflows.definitionOf(record.type), record, { type: '', actor }, actor, setting.now()),
      );
    },
    search: (principal, query) => searchInstances(store, workflows, parsePrincipal(principal, SEARCH), query),
    tasks: (principal, query = {}) =>
      listTasks(store, workflows, parsePrincipal(principal, TASKS), query, setting.now()),
    async history(instanceId, { principal } = {}) {
      await loadInstance(store, instanceId, principal && parsePrincipal(principal, onInstance(instanceId)));
      return store.readAudit({ instanceId });
    },
    subscribe: maintenance.subscribe,
    startFromScreening: (report, input) => startFromScreening(report, input, workflows.definitions, startRetried),
    openRectifications: (report, input) => openForTargets(report, input, workflows.definitions, startRetried),
    async publicNotice(instanceId, { principal } = {}) {
      const reader = principal && parsePrincipal(principal, onInstance(instanceId));
      const record = await loadInstance(store, instanceId, reader);
      const notice = workflows.definitionOf(record.type).publicNotice;
      if (!notice) {
        const noticed = workflows.definitions.filter((d) => d.publicNotice).map((d) => d.type);
        throw new WorkflowError(
          'unknown-workflow',
          workflowText(
            workflowMessage('runtime.no-public-notice', { instance: instanceId, workflow: record.type, noticed }),
          ),
          { instanceId },
        );
      }
      return notice(plan, await privacy.opened(record));
    },
    async migrate(instanceId, { actor: principal, reason }) {
      const actor = parsePrincipal(principal, onInstance(instanceId));
      const record = await loadInstance(store, instanceId);
      const definition = workflows.definitionOf(record.type);
      authorizeMigration(actor, record);
      refuseIdentifiers({ instanceId, event: 'MIGRATE' }, 'reason', reason);
      return migrateInstance(setting, options.migrations?.[record.type], definition, record, { actor, reason });
    },
    async forget({ tenant, subject, actor, reason }) {
      const principal = parsePrincipal(actor, workflowMessage('where.erasure', {}));
      // an erasure's subject is a village or a household
      const resolved = resolveSubject(plan, ERASURE, subject, tenant);
      const erased = await forgetPersonalData(
        { store, keys: options.keys, at: setting.now(), types: workflows.types },
        { tenant, subject: resolved, actor: principal, reason },
        subjectKey(resolved),
      );
      if (erased.instances.length) void deliverSoon();
      return erased;
    },
  };
}
