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

const code = (status: number, exit: ErrorStatus['exit'] = 2): ErrorStatus => ({ status, exit });

export const ERROR_CODES = {
  // requests and usage
  usage: code(400),
  'invalid-request': code(400),
  'invalid-query': code(400),
  'invalid-json': code(400),
  'not-found': code(404),
  'not-acceptable': code(406),
  'payload-too-large': code(413),
  'uri-too-long': code(414),
  'unsupported-media-type': code(415),
  'rate-limited': code(429),
  // who asks
  unauthenticated: code(401),
  'invalid-token': code(401),
  'token-expired': code(401),
  'invalid-principal': code(422),
  'out-of-scope': code(403),
  'other-tenant': code(404),
  forbidden: code(403),
  // plans, input and plugins
  'unknown-plan': code(404),
  'invalid-input': code(422),
  'invalid-spreadsheet': code(422),
  'invalid-plugin': code(400),
  'invalid-condition': code(400),
  UNDEFINED_FACT: code(422),
  FACT_FUNCTION: code(422),
  'invalid-scenario': code(422),
  // workflows
  'unknown-workflow': code(404),
  'unknown-instance': code(404),
  'invalid-subject': code(422),
  'unknown-event': code(422),
  'not-allowed-in-state': code(409),
  'invalid-payload': code(422),
  guard: code(409),
  'plan-mismatch': code(409),
  'machine-version': code(409),
  conflict: code(409),
  'precondition-failed': code(412),
  'idempotency-key-reused': code(409),
  'personal-data-changed': code(409),
  // the audit, keys and the service's parts
  'audit-broken': code(500),
  'invalid-checkpoint': code(400),
  'invalid-key-file': code(400),
  'invalid-token-key': code(400),
  'invalid-token-lifetime': code(400),
  'invalid-ticker': code(400),
  'invalid-maintenance': code(400),
  'relay-destination': code(400),
  'relay-webhook-secret': code(400),
  unavailable: code(503),
  internal: code(500, 70),
} as const satisfies Record<string, ErrorStatus>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;
