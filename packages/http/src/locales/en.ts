/** The service's words in English (服务消息的英文措辞). */
import type { WordsOf } from '@ruralkit/core';
import type { HttpMessages } from './messages.js';

const MAKE_A_KEY =
  'make a key pair with ruralkit keygen --jwt --out jwt.pem and give the service its public key jwt.pem.pub';

export const en: WordsOf<HttpMessages> = {
  'title.authentication-required': () => 'authentication required',
  'title.token-expired': () => 'the token has expired',
  'title.internal': () => 'internal error',
  'title.invalid-path': () => 'invalid path',
  'title.line-too-long': () => 'line too long',
  'title.no-such-plan': () => 'no such plan',
  'title.plan-not-served': () => "the instance's plan is not served",
  'title.base-plan-not-served': () => 'the base plan is not served',
  'title.invalid-idempotency-key': () => 'invalid Idempotency-Key',
  'title.invalid-if-match': () => 'invalid If-Match',
  'title.not-allowed': () => 'not allowed',
  'title.store-unavailable': () => 'the store does not answer',
  'auth.bearer-required': () => 'send a bearer token in the Authorization header',
  'auth.no-key': () => 'no token key or JWKS is configured: only health checks and the documentation are open',
  'auth.header-format': () => 'the Authorization header must be "Bearer <token>"',
  'auth.not-verified': () => 'the signature or a claim did not verify',
  'auth.no-expiry': () => 'the token has no expiry (exp claim)',
  'auth.issued-in-future': ({ seconds }) => `the token's issue time (iat) is ${seconds} s in the future`,
  'auth.lifetime-too-long': ({ lifetime, max }) =>
    `the token's lifetime of ${lifetime} s is longer than the ${max} s allowed`,
  'auth.invalid-claims': ({ fields }) => `the token's claims are invalid: ${fields.join(', ')}`,
  'token-key.file': ({ file, reason }) => `token key file ${file}: ${reason}`,
  'token-key.unreadable': ({ code }) => `cannot be read (${code})`,
  'token-key.invalid-pem': () => 'is not a valid PEM public key',
  'token-key.not-a-key': () => `is neither a PEM public key nor a JWK or JWKS (JSON); ${MAKE_A_KEY}`,
  'token-key.private': () =>
    'is a private key: the service expects a public key (such as the .pub file of ruralkit keygen --jwt); keep the private key with whoever signs tokens',
  'token-key.shared-secret': () =>
    `holds a shared secret (kty "oct", HS256): shared secrets are not accepted from a file, since whoever can verify a token could also forge one; ${MAKE_A_KEY}`,
  'token-key.kty': ({ kty }) => `a JWK's kty must be RSA, EC or OKP (got ${kty})`,
  'token-key.invalid-jwk': ({ detail }) => `is not a valid JWK: ${detail}`,
  'token-key.lifetime': ({ lifetime, max }) => `a token's lifetime must be 1–${max} s (got ${lifetime})`,
  'token-key.cannot-sign': ({ type, curve }) =>
    `a ${type}${curve ? ` (${curve})` : ''} private key cannot sign tokens: use Ed25519, P-256 or RSA`,
  'request.invalid-part': ({ part, issue }) => `${part}: ${issue}`,
  'request.segment-too-long': ({ max }) =>
    `a segment of the path is longer than ${max} characters; ids have at most 64`,
  'request.idempotency-key': () => 'use 1–200 visible ASCII characters',
  'request.if-match': () => 'give the instance ETag, such as "3"',
  'request.available-types': ({ types }) => `available: ${types.join(', ')}`,
  'request.send-types': ({ types, got }) => `send ${types.join(' or ')} (got ${got ?? 'none'})`,
  'request.rate-limited': ({ max, retryAfter }) => `at most ${max} requests a minute: retry in ${retryAfter} s`,
  'ndjson.line-too-long': ({ line, max }) => `line ${line} is longer than ${max} bytes`,
  'ndjson.line-not-json': ({ line }) => `line ${line} is not valid JSON`,
  'plan.none': ({ key }) => `no plan "${key}"`,
  'plan.base': ({ id, hash }) => `base plan ${id} (${hash})`,
  'plan.instance-not-served': ({ id, planHash }) =>
    `instance ${id} was started under plan ${planHash}, which this service does not serve`,
  'instance.none': ({ id }) => `no instance ${id}`,
  'supervisor-only': ({ action }) => `only the supervisor role may ${action}`,
  'action.tick': () => 'tick',
  'action.verify-audit-chain': () => 'verify the audit chain',
};
