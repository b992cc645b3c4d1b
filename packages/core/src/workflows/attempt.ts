/**
 * An attempt (尝试): one start or send as the runtime's steps see it — the workflow, the
 * instance (none before a start), its restored snapshot, the event, the authenticated actor and
 * the time — and the setting every step works in.
 */
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import type { Plan } from '../model/schema.js';
import type { WorkingDayCalendar } from './calendar.js';
import type { Place } from './locales/messages.js';
import type { WorkflowStore } from './store.js';
import type { SubjectInput } from './subject.js';
import type { EventInput, InstanceRecord, Principal, Subject, WorkflowDefinition } from './types.js';

/** What every step works with: the plan this runtime runs and its hash, the store, the calendar, the time. */
export interface Setting {
  plan: Plan;
  planHash: string;
  store: WorkflowStore;
  calendar: WorkingDayCalendar;
  /** The runtime clock's instant, as an ISO timestamp. */
  now(): string;
}

/** What a start is given: the tenant, the subject and the start event. */
export interface StartInput {
  tenant: string;
  subject: SubjectInput;
  event: EventInput;
}

/** One start or send, as the steps see it. */
export interface Attempt {
  definition: WorkflowDefinition;
  record: InstanceRecord | undefined;
  tenant: string;
  subject: Subject;
  snapshot: AnyMachineSnapshot;
  /** The instance's state; null before a start. */
  state: string | null;
  input: EventInput;
  actor: Principal;
  at: string;
}

/** An attempt on an existing instance, from its stored snapshot. */
export function attemptOn(
  definition: WorkflowDefinition,
  record: InstanceRecord,
  input: EventInput,
  actor: Principal,
  at: string,
): Attempt {
  const snapshot = definition.machine.resolveState({
    value: record.envelope.snapshot.value,
    context: record.envelope.snapshot.context,
  }) as AnyMachineSnapshot;
  return {
    definition,
    record,
    tenant: record.tenant,
    subject: record.subject,
    snapshot,
    state: record.state,
    input,
    actor,
    at,
  };
}

/** An attempt to start an instance for `subject`, from the machine's initial snapshot. */
export function startAttempt(
  definition: WorkflowDefinition,
  tenant: string,
  subject: Subject,
  input: EventInput,
  actor: Principal,
  at: string,
): Attempt {
  const [snapshot] = initialTransition(definition.machine, { village: subject.village, household: subject.household });
  return {
    definition,
    record: undefined,
    tenant,
    subject,
    snapshot: snapshot as AnyMachineSnapshot,
    state: null,
    input,
    actor,
    at,
  };
}

/** Where an attempt happens, as refusals name it: the instance, or a new one of its type. */
export function placeOf(attempt: Attempt): Place {
  return attempt.record ? { instance: attempt.record.id } : { newOf: attempt.definition.type };
}

/**
 * The event of an attempt as refusals and the audit name it: its type when the workflow defines
 * it, else `[未知事件 unknown event]` — a type nobody defined is raw text from the caller, and
 * could hold anything (a person's number), so it is neither echoed nor audited.
 */
export function eventNameOf(attempt: Attempt): string {
  const type = attempt.input.type;
  return typeof type === 'string' && Object.hasOwn(attempt.definition.events, type) ? type : '[未知事件 unknown event]';
}
