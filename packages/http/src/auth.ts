/**
 * Authentication (身份认证): `authenticate(request) → Principal` is pluggable; the default checks
 * a bearer JWT with `jose` against a configured key or JWKS and maps its claims to the
 * principal (tenant, roles, township, village…). Without a key every protected route is 401.
 */
import { createPublicKey, type JsonWebKey, type KeyObject, type webcrypto } from 'node:crypto';
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { PrincipalSchema, type Message, type Principal } from '@ruralkit/core';
import type { FastifyRequest } from 'fastify';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem } from './problem.js';

/** Who a request comes from, or a thrown `HttpProblem` (401). */
export type Authenticate = (request: FastifyRequest) => Principal | Promise<Principal>;

/**
 * A JSON Web Key (JWK) as a key file holds it. Declared here rather than taken from `jose`, so
 * the package's declarations also compile for CommonJS consumers.
 */
export interface Jwk {
  kty?: string;
  [member: string]: unknown;
}

/** Where the default authenticator finds its keys and what it checks. */
export interface JwtOptions {
  /** A public key (PEM, SPKI), a JWK, or a shared secret for HS256. */
  key?: string | Jwk | Uint8Array | webcrypto.CryptoKey | KeyObject;
  /** A JSON Web Key Set: the object, as a JWKS file holds it. */
  jwks?: { keys: Jwk[] };
  /** Accepted signing algorithms (default: RS256, ES256, EdDSA, and HS256 for a secret). */
  algorithms?: string[];
  issuer?: string;
  audience?: string;
  /** Claim names of the principal's fields, where the issuer names them differently. */
  claims?: Partial<Record<'id' | 'tenant' | 'roles' | 'unit' | 'township' | 'village' | 'household', string>>;
  /**
   * How many verified tokens to remember (default 1,000; 0: none). A remembered token is not
   * verified again until it expires, and at most for `cacheSeconds`.
   */
  cacheSize?: number;
  /** The longest a verified token is remembered, in seconds (default 300). */
  cacheSeconds?: number;
  /**
   * The longest lifetime a token may have, `exp` less `iat` (or less now, without `iat`), in
   * seconds (default 86,400: 24 h). A token without `exp` is refused.
   */
  maxLifetimeSeconds?: number;
  /** How far ahead the issuer's clock may be: an `iat` later than now by more is refused, in seconds (default 60). */
  clockToleranceSeconds?: number;
}

/** The default longest lifetime of a token: 24 h. */
const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** A request without authentication (401), and why. */
const unauthenticated = (why: Message) =>
  new HttpProblem('unauthenticated', httpText(httpMessage('title.authentication-required', {})), {
    detail: httpText(why),
  });

const invalidToken = (why: Message) => HttpProblem.of('invalid-token', { detail: httpText(why) });

/** An authenticator that refuses every request: the service runs with no key configured. */
export const noAuthentication: Authenticate = () => {
  throw unauthenticated(httpMessage('auth.no-key', {}));
};

/** The default authenticator: a bearer JWT verified with `jose`, its claims mapped to a principal. */
export function jwtAuthenticator(options: JwtOptions): Authenticate {
  const names = { id: 'sub', tenant: 'tenant', roles: 'roles', ...options.claims };
  const algorithms =
    options.algorithms ?? (typeof options.key === 'string' && !options.key.startsWith('-----') ? ['HS256'] : undefined);
  const getKey = keyResolver(options);
  const verified = new VerifiedTokens(options.cacheSize ?? 1000, (options.cacheSeconds ?? 300) * 1000);
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const tolerance = options.clockToleranceSeconds ?? 60;

  return async (request) => {
    const header = request.headers.authorization;
    if (!header) throw unauthenticated(httpMessage('auth.bearer-required', {}));
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match) throw invalidToken(httpMessage('auth.header-format', {}));
    const token = match[1]!;
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await getKey, {
        ...(algorithms ? { algorithms } : {}),
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new HttpProblem('token-expired', httpText(httpMessage('title.token-expired', {})));
      }
      throw invalidToken(httpMessage('auth.not-verified', {}));
    }
    checkLifetime(payload, maxLifetime, tolerance);
    const principal = principalOf(payload, names);
    verified.set(token, principal, payload.exp);
    return principal;
  };
}

/**
 * Tokens already verified (已验证的令牌), each with its principal, until the token expires or
 * `maxMs` passes, whichever is first; the oldest is forgotten when full. The keys are fixed
 * when the authenticator is made, so a token verified once verifies the same way until then.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly size: number,
    private readonly maxMs: number,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.until) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, exp: number | undefined): void {
    if (this.size <= 0) return;
    const until = Math.min(Date.now() + this.maxMs, exp === undefined ? Infinity : exp * 1000);
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    // Every request with this token shares the principal: freeze it.
    Object.freeze(principal.roles);
    this.entries.set(token, { principal: Object.freeze(principal), until });
  }
}

/**
 * Refuse a token that never expires, lives longer than `maxLifetime` seconds, or was issued
 * further in the future than the clocks' `tolerance`: a stolen token must stop working soon.
 */
function checkLifetime(payload: JWTPayload, maxLifetime: number, tolerance: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') {
    throw invalidToken(httpMessage('auth.no-expiry', {}));
  }
  if (typeof payload.iat === 'number' && payload.iat > now + tolerance) {
    throw invalidToken(httpMessage('auth.issued-in-future', { seconds: payload.iat - now }));
  }
  const lifetime = payload.exp - (typeof payload.iat === 'number' ? payload.iat : now);
  if (lifetime > maxLifetime) {
    throw invalidToken(httpMessage('auth.lifetime-too-long', { lifetime, max: maxLifetime }));
  }
}

type ClaimNames = Required<Pick<NonNullable<JwtOptions['claims']>, 'id' | 'tenant' | 'roles'>> & JwtOptions['claims'];

/** The principal a token's claims describe; a token without a valid tenant or roles is refused. */
function principalOf(payload: JWTPayload, names: ClaimNames): Principal {
  const claim = (field: keyof ClaimNames) => payload[names[field] ?? field];
  const roles = claim('roles');
  const candidate: Record<string, unknown> = {
    id: claim('id'),
    tenant: claim('tenant'),
    roles: typeof roles === 'string' ? roles.split(/\s+/).filter(Boolean) : (roles ?? []),
  };
  for (const field of ['unit', 'township', 'village', 'household'] as const) {
    const value = claim(field);
    if (value !== undefined) candidate[field] = value;
  }
  const parsed = PrincipalSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
    throw invalidToken(httpMessage('auth.invalid-claims', { fields }));
  }
  return parsed.data;
}

function keyResolver(options: JwtOptions): Promise<Parameters<typeof jwtVerify>[1]> {
  if (options.jwks) return Promise.resolve(createLocalJWKSet(options.jwks as JSONWebKeySet) as JWTVerifyGetKey);
  const { key } = options;
  if (key === undefined) throw new Error('jwtAuthenticator: give a key or a jwks');
  if (typeof key === 'string') {
    return Promise.resolve(key.startsWith('-----BEGIN') ? createPublicKey(key) : new TextEncoder().encode(key));
  }
  if (key instanceof Uint8Array) return Promise.resolve(key);
  if ('kty' in key) return Promise.resolve(createPublicKey({ key: key as JsonWebKey, format: 'jwk' }));
  return Promise.resolve(key as webcrypto.CryptoKey | KeyObject);
}
