/**
 * Token keys (令牌密钥) for development and first contact: a key pair whose public half
 * `ruralkit serve --jwt-key` verifies with, and a signed token for a principal. The key files a
 * service is given are checked here too: a private key or a shared secret is refused, naming the
 * file, rather than accepted silently.
 */
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { PrincipalSchema, RuralkitError, type Message, type Principal } from '@ruralkit/core';
import type { Jwk, JwtOptions } from './auth.js';
import { httpMessage, httpText } from './locales/index.js';

/** The longest lifetime `signToken` gives a token, as the service's default limit: 24 h. */
export const MAX_DEVELOPMENT_TOKEN_SECONDS = 24 * 3600;

/** A key file that cannot verify tokens (code `invalid-token-key`), naming the file and what is expected. */
export class TokenKeyError extends RuralkitError {
  override readonly name = 'TokenKeyError';
  /** `reason`: what is wrong with the file, a message of the service's (`token-key.*`). */
  constructor(
    readonly file: string,
    reason: Message,
  ) {
    super('invalid-token-key', httpText(httpMessage('token-key.file', { file, reason })));
  }
}

/** A new Ed25519 key pair for signing tokens (EdDSA), both as PEM. */
export function generateTokenKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Read a key file for `jwtAuthenticator`: a PEM public key, a public JWK or a JWKS of public
 * keys. A private key, a shared secret (`kty: "oct"`) or anything else is a `TokenKeyError`.
 */
export function readKeyFile(file: string): Pick<JwtOptions, 'key' | 'jwks'> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new TokenKeyError(file, httpMessage('token-key.unreadable', { code }));
  }
  if (text.startsWith('-----BEGIN')) {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw privateKeyError(file);
    try {
      createPublicKey(text);
    } catch {
      throw new TokenKeyError(file, httpMessage('token-key.invalid-pem', {}));
    }
    return { key: text };
  }
  let json: Jwk & { keys?: Jwk[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new TokenKeyError(file, httpMessage('token-key.not-a-key', {}));
  }
  const keys = Array.isArray(json.keys) ? json.keys : [json];
  for (const key of keys) checkPublicJwk(file, key);
  return Array.isArray(json.keys) ? { jwks: { keys: json.keys } } : { key: json };
}

function privateKeyError(file: string): TokenKeyError {
  return new TokenKeyError(file, httpMessage('token-key.private', {}));
}

/** A JWK the service may verify with: RSA, EC or OKP, public. */
function checkPublicJwk(file: string, key: Jwk): void {
  if (key?.kty === 'oct') {
    throw new TokenKeyError(file, httpMessage('token-key.shared-secret', {}));
  }
  if (!['RSA', 'EC', 'OKP'].includes(String(key?.kty))) {
    throw new TokenKeyError(file, httpMessage('token-key.kty', { kty: String(JSON.stringify(key?.kty)) }));
  }
  if ('d' in key) throw privateKeyError(file);
  try {
    createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new TokenKeyError(file, httpMessage('token-key.invalid-jwk', { detail: (error as Error).message }));
  }
}

/** What `signToken` puts in the token besides the principal. */
export interface TokenOptions {
  /** Seconds from now until it expires (default 3,600; at most 86,400). */
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
}

/**
 * A JWT for `principal`, signed with a private key (PEM: Ed25519, P-256 or RSA; the algorithm
 * follows the key), carrying `iat` and `exp` as the service requires. For development and tests:
 * a real issuer signs tokens in its own identity system.
 */
export async function signToken(privateKeyPem: string, principal: Principal, options: TokenOptions = {}) {
  const lifetime = options.expiresInSeconds ?? 3600;
  if (!Number.isInteger(lifetime) || lifetime <= 0 || lifetime > MAX_DEVELOPMENT_TOKEN_SECONDS) {
    throw new RuralkitError(
      'invalid-token-lifetime',
      httpText(httpMessage('token-key.lifetime', { lifetime, max: MAX_DEVELOPMENT_TOKEN_SECONDS })),
    );
  }
  const { id, ...claims } = PrincipalSchema.parse(principal);
  const key = createPrivateKey(privateKeyPem);
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: algorithmOf(key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve) })
    .setSubject(id)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(key);
}

/** The JWS algorithm of a private key's type. */
function algorithmOf(type: string | undefined, curve: string | undefined): string {
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'rsa') return 'RS256';
  if (type === 'ec' && curve === 'prime256v1') return 'ES256';
  throw new RuralkitError(
    'invalid-token-key',
    httpText(httpMessage('token-key.cannot-sign', { type: type ?? '?', curve: curve || undefined })),
  );
}
