/**
 * Workflow errors (流程错误): every refusal names the instance, the event, the state and what is
 * allowed now, in Chinese and in English.
 */
import { RuralkitError } from '../model/errors.js';
import type { LocalizedText } from '../model/schema.js';
import type { Message } from '../model/message.js';
import { sayAround, workflowLine, workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

export type WorkflowErrorCode =
  | 'unknown-workflow'
  | 'unknown-instance'
  | 'invalid-principal'
  | 'invalid-subject'
  | 'invalid-query'
  | 'other-tenant'
  | 'out-of-scope'
  | 'unknown-event'
  | 'not-allowed-in-state'
  | 'forbidden'
  | 'invalid-payload'
  | 'guard'
  | 'plan-mismatch'
  | 'machine-version'
  | 'idempotency-key-reused'
  | 'conflict'
  | 'precondition-failed'
  | 'audit-broken';

export interface WorkflowErrorDetails {
  instanceId?: string | null;
  event?: string;
  state?: string | null;
  /** Event types this principal may send now. */
  allowedNow?: string[];
  /** The reasons, one per problem (a payload field, an unmet condition…). */
  reasons?: LocalizedText[];
}

/** A refused or impossible workflow operation. Nothing was changed. */
export class WorkflowError extends RuralkitError {
  declare readonly code: WorkflowErrorCode;
  override readonly name: string = 'WorkflowError';
  readonly instanceId: string | null;
  readonly event: string | undefined;
  readonly state: string | null;
  readonly allowedNow: string[];
  readonly reasons: LocalizedText[];
  constructor(code: WorkflowErrorCode, text: LocalizedText, details: WorkflowErrorDetails = {}) {
    super(code, text, formatError(text, details));
    this.instanceId = details.instanceId ?? null;
    this.event = details.event;
    this.state = details.state ?? null;
    this.allowedNow = details.allowedNow ?? [];
    this.reasons = details.reasons ?? [];
  }
}

/** Another writer saved the instance first (乐观锁冲突): reload and retry. */
export class ConflictError extends WorkflowError {
  override readonly name = 'ConflictError';
  constructor(instanceId: string, expectedVersion: number) {
    super(
      'conflict',
      workflowText(workflowMessage('instance.conflict', { instance: instanceId, expected: expectedVersion })),
      { instanceId },
    );
  }
}

/**
 * The instance is no longer at the version the caller named (版本不符, HTTP `If-Match`): nothing
 * was applied; reload it. A repeated idempotency key is answered before this is checked.
 */
export class StaleVersionError extends WorkflowError {
  override readonly name = 'StaleVersionError';
  constructor(
    instanceId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'precondition-failed',
      workflowText(
        workflowMessage('instance.stale', { instance: instanceId, current: currentVersion, expected: expectedVersion }),
      ),
      { instanceId },
    );
  }
}

/**
 * The audit chain (审计链) cannot be extended or read as it is: a head row missing or behind
 * its entries, or a stored row that cannot be read. Nothing was written; run `workflow verify`.
 */
export class AuditBrokenError extends WorkflowError {
  override readonly name = 'AuditBrokenError';
  constructor(problem: Message | LocalizedText, instanceId: string | null = null) {
    const text = 'code' in problem ? workflowText(problem) : problem;
    super(
      'audit-broken',
      sayAround(text, (said) => workflowMessage('audit.broken', { problem: said })),
      { instanceId },
    );
  }
}

function formatError(text: LocalizedText, details: WorkflowErrorDetails): string {
  const lines = [`${text.zh} / ${text.en}`];
  for (const reason of details.reasons ?? []) lines.push(`  - ${reason.zh} / ${reason.en}`);
  if (details.allowedNow) {
    const none = workflowText(workflowMessage('error.none', {}));
    const allowed = details.allowedNow.length ? details.allowedNow.join(', ') : `（${none.zh} / ${none.en}）`;
    lines.push(`  ${workflowLine(workflowMessage('error.allowed-now', {}))}: ${allowed}`);
  }
  return lines.join('\n');
}
