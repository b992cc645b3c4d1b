/**
 * A refusal (拒绝): a step's decision that an attempt goes no further — the error its caller
 * gets and the audit record that keeps it. Steps return refusals; only the commit step
 * (`commit.ts`) writes them, as it writes accepted events.
 */
import type { Message } from '../model/message.js';
import { eventNameOf, type Attempt, type Setting } from './attempt.js';
import { auditRecord, auditWhere } from './audit.js';
import { WorkflowError, type WorkflowErrorCode } from './errors.js';
import { workflowText } from './locales/index.js';
import type { AuditRecord } from './types.js';

export class Refusal {
  constructor(
    /** What the caller is told. */
    readonly error: WorkflowError,
    /** What the audit keeps (the actor is authenticated, so a refusal is audited). */
    readonly audit: AuditRecord,
  ) {}
}

/**
 * Refuse an attempt with `code`, a message and the reasons why, naming what the actor may send
 * now: the error says them in words, the audit keeps their codes and parameters.
 */
export function refusal(
  setting: Setting,
  attempt: Attempt,
  allowedNow: string[],
  code: WorkflowErrorCode,
  message: Message,
  reasons: Message[] = [],
): Refusal {
  const { definition, record, actor, input, state } = attempt;
  const error = new WorkflowError(code, workflowText(message, definition), {
    instanceId: record?.id ?? null,
    event: input.type,
    state,
    allowedNow,
    reasons: reasons.map((reason) => workflowText(reason, definition)),
  });
  const where = record
    ? auditWhere(record)
    : {
        tenant: attempt.tenant,
        instanceId: null,
        workflow: definition.type,
        planHash: setting.planHash,
        machineVersion: definition.version,
      };
  const audit = auditRecord(where, {
    event: eventNameOf(attempt),
    outcome: 'refused',
    actor,
    at: attempt.at,
    stateBefore: state,
    stateAfter: state,
    reason: { code, message, reasons },
  });
  return new Refusal(error, audit);
}
