/**
 * The service's messages (服务消息): the codes of the problems' titles where a problem names its
 * case more closely than the error catalogue's title, and of the problems' details, with their
 * parameters. Their words are in `zh.ts` and `en.ts`.
 */
import { messageOf, type Message } from '@ruralkit/core';

type None = Record<string, never>;

export interface HttpMessages {
  // Titles closer than the catalogue's.
  'title.authentication-required': None;
  'title.token-expired': None;
  'title.internal': None;
  'title.invalid-path': None;
  'title.line-too-long': None;
  'title.no-such-plan': None;
  'title.plan-not-served': None;
  'title.base-plan-not-served': None;
  'title.invalid-idempotency-key': None;
  'title.invalid-if-match': None;
  'title.not-allowed': None;
  'title.store-unavailable': None;
  // Who asks: the bearer token.
  'auth.bearer-required': None;
  /** The service runs with no token key or JWKS. */
  'auth.no-key': None;
  'auth.header-format': None;
  'auth.not-verified': None;
  'auth.no-expiry': None;
  /** `iat` later than now by more than the clocks' tolerance. */
  'auth.issued-in-future': { seconds: number };
  'auth.lifetime-too-long': { lifetime: number; max: number };
  /** The principal's fields whose claims are invalid. */
  'auth.invalid-claims': { fields: readonly string[] };
  // Token keys (`ruralkit serve --jwt-key`, `signToken`).
  /** A key file that cannot verify tokens; `reason` is a `token-key.*` message. */
  'token-key.file': { file: string; reason: Message };
  /** The file cannot be read; `code` is the system's (`ENOENT`). */
  'token-key.unreadable': { code: string };
  'token-key.invalid-pem': None;
  'token-key.not-a-key': None;
  'token-key.private': None;
  /** A JWK with `kty: "oct"`: whoever can verify a token could also forge one. */
  'token-key.shared-secret': None;
  /** A JWK whose `kty` is not RSA, EC or OKP; `kty` as JSON. */
  'token-key.kty': { kty: string };
  'token-key.invalid-jwk': { detail: string };
  'token-key.lifetime': { lifetime: number; max: number };
  /** A private key of a type that signs no JWS algorithm the service takes. */
  'token-key.cannot-sign': { type: string; curve: string | undefined };
  // Requests.
  /** A part of a request that its schema refuses; `issue` is zod's account. */
  'request.invalid-part': { part: 'path' | 'query' | 'body'; issue: string };
  'request.segment-too-long': { max: number };
  'request.idempotency-key': None;
  'request.if-match': None;
  /** The media types the caller may ask for (406). */
  'request.available-types': { types: readonly string[] };
  /** The media types the caller may send (415); `got` absent when none was given. */
  'request.send-types': { types: readonly string[]; got: string | undefined };
  'request.rate-limited': { max: number; retryAfter: number };
  'ndjson.line-too-long': { line: number; max: number };
  'ndjson.line-not-json': { line: number };
  // Plans, instances and operations.
  'plan.none': { key: string };
  'plan.base': { id: string; hash: string };
  /** An instance started under a plan this service does not serve. */
  'plan.instance-not-served': { id: string; planHash: string };
  'instance.none': { id: string };
  /** An operation only the supervisor role may ask for; `action` is an `action.*` message. */
  'supervisor-only': { action: Message };
  'action.tick': None;
  'action.verify-audit-chain': None;
}

export const httpMessage = messageOf<HttpMessages>();
