/**
 * Token keys (令牌密钥) for development and first contact: a key pair whose public half
 * `ruralkit serve --jwt-key` verifies with, and a signed token for a principal. The key files a
 * service is given are checked here too: a private key or a shared secret is refused, naming the
 * file, rather than accepted silently.
 */
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { PrincipalSchema, RuralkitError, type Principal } from '@ruralkit/core';
import type { Jwk, JwtOptions } from './auth.js';

/** The longest lifetime `signToken` gives a token, as the service's default limit: 24 h. */
export const MAX_DEVELOPMENT_TOKEN_SECONDS = 24 * 3600;

/** A key file that cannot verify tokens (code `invalid-token-key`), naming the file and what is expected. */
export class TokenKeyError extends RuralkitError {
  override readonly name = 'TokenKeyError';
  constructor(
    readonly file: string,
    zh: string,
    en: string,
  ) {
    super('invalid-token-key', { zh: `令牌密钥文件 ${file}：${zh}`, en: `token key file ${file}: ${en}` });
  }
}

const MAKE_A_KEY = {
  zh: '请用 ruralkit keygen --jwt --out jwt.pem 生成密钥对，把公钥 jwt.pem.pub 交给服务',
  en: 'make a key pair with ruralkit keygen --jwt --out jwt.pem and give the service its public key jwt.pem.pub',
};

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
    throw new TokenKeyError(file, `无法读取（${code}）`, `cannot be read (${code})`);
  }
  if (text.startsWith('-----BEGIN')) {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw privateKeyError(file);
    try {
      createPublicKey(text);
    } catch {
      throw new TokenKeyError(file, '不是有效的 PEM 公钥', 'is not a valid PEM public key');
    }
    return { key: text };
  }
  let json: Jwk & { keys?: Jwk[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new TokenKeyError(
      file,
      `既不是 PEM 公钥，也不是 JWK 或 JWKS（JSON）；${MAKE_A_KEY.zh}`,
      `is neither a PEM public key nor a JWK or JWKS (JSON); ${MAKE_A_KEY.en}`,
    );
  }
  const keys = Array.isArray(json.keys) ? json.keys : [json];
  for (const key of keys) checkPublicJwk(file, key);
  return Array.isArray(json.keys) ? { jwks: { keys: json.keys } } : { key: json };
}

function privateKeyError(file: string): TokenKeyError {
  return new TokenKeyError(
    file,
    '是私钥：服务只接受公钥（如 ruralkit keygen --jwt 生成的 .pub 文件），私钥只留给签发令牌的一方',
    'is a private key: the service expects a public key (such as the .pub file of ruralkit keygen --jwt); keep the private key with whoever signs tokens',
  );
}

/** A JWK the service may verify with: RSA, EC or OKP, public. */
function checkPublicJwk(file: string, key: Jwk): void {
  if (key?.kty === 'oct') {
    throw new TokenKeyError(
      file,
      `是共享密钥（kty "oct"，HS256）：服务不接受文件中的共享密钥，因为能验证令牌的一方也能伪造令牌；${MAKE_A_KEY.zh}`,
      `holds a shared secret (kty "oct", HS256): shared secrets are not accepted from a file, since whoever can verify a token could also forge one; ${MAKE_A_KEY.en}`,
    );
  }
  if (!['RSA', 'EC', 'OKP'].includes(String(key?.kty))) {
    throw new TokenKeyError(
      file,
      `JWK 的 kty 应为 RSA、EC 或 OKP（得到 ${JSON.stringify(key?.kty)}）`,
      `a JWK's kty must be RSA, EC or OKP (got ${JSON.stringify(key?.kty)})`,
    );
  }
  if ('d' in key) throw privateKeyError(file);
  try {
    createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new TokenKeyError(
      file,
      `不是有效的 JWK：${(error as Error).message}`,
      `is not a valid JWK: ${(error as Error).message}`,
    );
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
    throw new RuralkitError('invalid-token-lifetime', {
      zh: `令牌有效期应为 1–${MAX_DEVELOPMENT_TOKEN_SECONDS} 秒（得到 ${lifetime}）`,
      en: `a token's lifetime must be 1–${MAX_DEVELOPMENT_TOKEN_SECONDS} s (got ${lifetime})`,
    });
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
  throw new RuralkitError('invalid-token-key', {
    zh: `私钥类型 ${type ?? '?'}${curve ? `（${curve}）` : ''} 不能签发令牌：应为 Ed25519、P-256 或 RSA`,
    en: `a ${type ?? '?'}${curve ? ` (${curve})` : ''} private key cannot sign tokens: use Ed25519, P-256 or RSA`,
  });
}
