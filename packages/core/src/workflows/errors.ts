/**
 * Workflow errors (流程错误): every refusal names the instance, the event, the state and what is
 * allowed now, in Chinese and in English.
 */
import { RuralkitError } from '../model/errors.js';
import type { LocalizedText } from '../model/schema.js';

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
      {
        zh: `实例 ${instanceId} 已被他人更新（预期版本 ${expectedVersion}），请重新读取后重试`,
        en: `instance ${instanceId} was changed by another writer (expected version ${expectedVersion}); reload and retry`,
      },
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
      {
        zh: `实例 ${instanceId} 当前为版本 ${currentVersion}，不是指定的版本 ${expectedVersion}，请重新读取`,
        en: `instance ${instanceId} is at version ${currentVersion}, not the version ${expectedVersion} named: reload it`,
      },
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
  constructor(text: LocalizedText, instanceId: string | null = null) {
    super(
      'audit-broken',
      {
        zh: `${text.zh}：请运行 \`ruralkit workflow verify\` 核验审计链`,
        en: `${text.en}: run \`ruralkit workflow verify\``,
      },
      { instanceId },
    );
  }
}

function formatError(text: LocalizedText, details: WorkflowErrorDetails): string {
  const lines = [`${text.zh} / ${text.en}`];
  for (const reason of details.reasons ?? []) lines.push(`  - ${reason.zh} / ${reason.en}`);
  if (details.allowedNow) {
    const allowed = details.allowedNow.length ? details.allowedNow.join(', ') : '（无 / none）';
    lines.push(`  现在可以发送 / allowed now: ${allowed}`);
  }
  return lines.join('\n');
}
