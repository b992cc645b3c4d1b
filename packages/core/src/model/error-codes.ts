/**
 * The error codes (错误码): every code ruralkit raises or answers with, once, with its HTTP status
 * and the CLI's exit code. Their titles are each language's (`locales/error-titles-*.ts`);
 * `ERROR_CATALOGUE` puts the two together.
 */

/** One code's HTTP status and the CLI's exit code. */
export interface ErrorStatus {
  status: number;
  /** 2: bad usage, input or environment; 70: a fault of ruralkit (`internal`). */
  exit: 2 | 70;
}

export const ERROR_CODES = {
  // requests and usage
  usage: { status: 400, exit: 2 },
  'invalid-request': { status: 400, exit: 2 },
  'invalid-query': { status: 400, exit: 2 },
  'invalid-json': { status: 400, exit: 2 },
  'not-found': { status: 404, exit: 2 },
  'not-acceptable': { status: 406, exit: 2 },
  'payload-too-large': { status: 413, exit: 2 },
  'uri-too-long': { status: 414, exit: 2 },
  'unsupported-media-type': { status: 415, exit: 2 },
  'rate-limited': { status: 429, exit: 2 },
  // who asks
  unauthenticated: { status: 401, exit: 2 },
  'invalid-token': { status: 401, exit: 2 },
  'token-expired': { status: 401, exit: 2 },
  'invalid-principal': { status: 422, exit: 2 },
  'out-of-scope': { status: 403, exit: 2 },
  'other-tenant': { status: 404, exit: 2 },
  forbidden: { status: 403, exit: 2 },
  // plans, input and plugins
  'unknown-plan': { status: 404, exit: 2 },
  'invalid-input': { status: 422, exit: 2 },
  'invalid-spreadsheet': { status: 422, exit: 2 },
  'invalid-plugin': { status: 400, exit: 2 },
  'invalid-condition': { status: 400, exit: 2 },
  UNDEFINED_FACT: { status: 422, exit: 2 },
  FACT_FUNCTION: { status: 422, exit: 2 },
  'invalid-scenario': { status: 422, exit: 2 },
  // workflows
  'unknown-workflow': { status: 404, exit: 2 },
  'unknown-instance': { status: 404, exit: 2 },
  'invalid-subject': { status: 422, exit: 2 },
  'unknown-event': { status: 422, exit: 2 },
  'not-allowed-in-state': { status: 409, exit: 2 },
  'invalid-payload': { status: 422, exit: 2 },
  guard: { status: 409, exit: 2 },
  'plan-mismatch': { status: 409, exit: 2 },
  'machine-version': { status: 409, exit: 2 },
  conflict: { status: 409, exit: 2 },
  'precondition-failed': { status: 412, exit: 2 },
  'idempotency-key-reused': { status: 409, exit: 2 },
  'personal-data-changed': { status: 409, exit: 2 },
  // the audit, keys and the service's parts
  'audit-broken': { status: 500, exit: 2 },
  'invalid-checkpoint': { status: 400, exit: 2 },
  'invalid-key-file': { status: 400, exit: 2 },
  'invalid-token-key': { status: 400, exit: 2 },
  'invalid-token-lifetime': { status: 400, exit: 2 },
  'invalid-ticker': { status: 400, exit: 2 },
  'invalid-maintenance': { status: 400, exit: 2 },
  'relay-destination': { status: 400, exit: 2 },
  'relay-webhook-secret': { status: 400, exit: 2 },
  unavailable: { status: 503, exit: 2 },
  internal: { status: 500, exit: 70 },
} as const satisfies Record<string, ErrorStatus>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;
