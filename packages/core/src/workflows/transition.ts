/**
 * The transition step (状态迁移): runs the machine once on an authorized event, with the
 * parameters in force that day, and builds what follows from it — the instance's next version
 * (snapshot, status, deadlines) and the domain events it emits. XState returns the very same
 * snapshot when a guard lets no transition through: that is a refusal, with the workflow's
 * explanation of why.
 */
import { randomUUID } from 'node:crypto';
import { parameterValue } from '../model/parameters.js';
import { placeOf, type Attempt, type Setting } from './attempt.js';
import { refuse } from './authorize.js';
import type { Refusal } from './refusal.js';
import { localDate } from './calendar.js';
import { machineStep } from './machine-step.js';
import { nextDeadlineAt, nextDeadlines } from './deadlines.js';
import { workflowMessage } from './locales/messages.js';
import { domainEvent } from './deliver.js';
import { subjectKey } from './subject.js';
import type { DomainEvent, InstanceRecord, MachineEvent } from './types.js';

/** An accepted event and what follows from it, ready to commit. */
export interface Transition {
  /** The event as the machine saw it. */
  event: MachineEvent;
  /** The instance's next version (version 1 on a start). */
  instance: InstanceRecord;
  /** `started` or `transitioned`, then the workflow's effects. */
  outbox: DomainEvent[];
}

/** Take the transition of an attempt whose event is authorized, `payload` being its parsed payload. */
export function transition(setting: Setting, attempt: Attempt, payload: unknown): Transition | Refusal {
  const { definition, record: current, input, actor, state: before, snapshot, at } = attempt;
  const today = localDate(at);
  const parameters = Object.fromEntries(
    definition.parameters.map((id) => [id, parameterValue(setting.plan, id, today)]),
  );
  const event: MachineEvent = { type: input.type, payload, actor, at, parameters };
  const next = machineStep(definition.machine, snapshot, event);
  if (next === snapshot) {
    return refuse(
      setting,
      attempt,
      'guard',
      workflowMessage('refusal.guard', { place: placeOf(attempt), state: before, event: input.type }),
      definition.blockers[input.type]?.(snapshot.context, event) ?? [],
    );
  }
  const after = String(next.value);
  const context = next.context as Record<string, unknown>;
  const status = next.status === 'done' ? 'done' : 'active';
  const deadlines = nextDeadlines(setting, definition, current?.deadlines ?? [], before, after, context, at);
  const instance: InstanceRecord = {
    id: current?.id ?? randomUUID(),
    tenant: attempt.tenant,
    type: definition.type,
    subject: attempt.subject,
    subjectKey: subjectKey(attempt.subject),
    exclusiveKey: definition.onePerSubject && status === 'active' ? subjectKey(attempt.subject) : null,
    envelope: {
      type: definition.type,
      machineVersion: current?.envelope.machineVersion ?? definition.version,
      planHash: current?.envelope.planHash ?? setting.planHash,
      snapshot: { value: after, status: next.status, context },
    },
    version: (current?.version ?? 0) + 1,
    state: after,
    status,
    deadlines,
    nextDeadlineAt: nextDeadlineAt(deadlines),
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
  };
  const outbox = [
    domainEvent(instance, current ? 'transitioned' : 'started', at, { event: input.type, from: before, to: after }),
    ...definition
      .effects(before ?? 'idle', after, context, event)
      .map((e) => domainEvent(instance, e.type, at, e.data)),
  ];
  return { event, instance, outbox };
}
