// First contact for integrators: `keygen --jwt` makes a key pair, `token` signs a development
// token that serve's checks accept, and serve refuses key files that cannot verify tokens.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { jwtAuthenticator, readKeyFile } from '@ruralkit/http';
import { capture, tmp } from './helpers.js';

type Request = Parameters<ReturnType<typeof jwtAuthenticator>>[0];
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as Request;

describe('ruralkit keygen --jwt and ruralkit token', () => {
  const dir = tmp();
  const key = join(dir, 'jwt.pem');

  it('makes a key pair: the private key owner-only, the public key beside it; never overwrites', async () => {
    const made = await capture(['keygen', '--jwt', '--out', key]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`${key}\n${key}.pub\n`);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(existsSync(`${key}.pub`)).toBe(true);
    const again = await capture(['keygen', '--jwt', '--out', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const what = await capture(['keygen', '--out', join(dir, 'other.pem')]);
    expect(what.code).toBe(2);
    expect(what.stderr).toContain('--jwt');
  });

  it('signs a token for a principal that the service verifies, expiring in 1 h by default', async () => {
    const signed = await capture([
      'token',
      '--key',
      key,
      '--tenant',
      'changjiang',
      '--roles',
      'township-official,department',
      '--township',
      'nianyushan',
      '--sub',
      'official-1',
    ]);
    expect(signed.code, signed.stderr).toBe(0);
    const token = signed.stdout.trim();
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(3600);
    const principal = await jwtAuthenticator(readKeyFile(`${key}.pub`))(bearer(token));
    expect(principal).toEqual({
      id: 'official-1',
      tenant: 'changjiang',
      roles: ['township-official', 'department'],
      township: 'nianyushan',
    });
    const day = await capture(['token', '--key', key, '--tenant', 't', '--roles', 'supervisor', '--expires', '24h']);
    expect(day.code).toBe(0);
    const long = decodeJwt(day.stdout.trim());
    expect(long.exp! - long.iat!).toBe(86400);
  });

  it('refuses a lifetime over 24 h, an unknown role, a missing claim and a key that is not private', async () => {
    const cases: [string[], string][] = [
      [['--expires', '25h'], 'at most 24h'],
      [['--expires', 'forever'], '--expires must be'],
      [['--roles', 'mayor'], 'roles'],
      [['--key', `${key}.pub`], 'is not a PEM private key'],
    ];
    for (const [change, message] of cases) {
      const args = { '--key': key, '--tenant': 'changjiang', '--roles': 'department' } as Record<string, string>;
      for (let i = 0; i < change.length; i += 2) args[change[i]!] = change[i + 1]!;
      const result = await capture(['token', ...Object.entries(args).flat()]);
      expect(result.code, change.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const noTenant = await capture(['token', '--key', key, '--roles', 'department']);
    expect(noTenant.code).toBe(2);
    expect(noTenant.stderr).toContain('--tenant is required');
  });
});

describe('ruralkit serve refuses key files that cannot verify tokens', () => {
  const dir = tmp();

  it('refuses a private key given to --jwt-key, naming the file and asking for the public key', async () => {
    const key = join(dir, 'private.pem');
    expect((await capture(['keygen', '--jwt', '--out', key])).code).toBe(0);
    const result = await capture(['serve', '--db', join(dir, 'a.db'), '--port', '0', '--jwt-key', key]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`token key file ${key}: is a private key: the service expects a public key`);
    expect(result.stderr).toContain(`令牌密钥文件 ${key}：是私钥`);
    const jwk = join(dir, 'private.jwk');
    const { createPrivateKey } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    writeFileSync(jwk, JSON.stringify(createPrivateKey(readFileSync(key)).export({ format: 'jwk' })));
    const fromJwk = await capture(['serve', '--db', join(dir, 'a.db'), '--port', '0', '--jwks', jwk]);
    expect(fromJwk.code).toBe(2);
    expect(fromJwk.stderr).toContain('is a private key');
  });

  it('refuses an oct JWK, explaining that shared secrets are not accepted and how to make a key', async () => {
    const jwk = join(dir, 'secret.jwk');
    writeFileSync(jwk, JSON.stringify({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA' }));
    const result = await capture(['serve', '--db', join(dir, 'b.db'), '--port', '0', '--jwt-key', jwk]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`token key file ${jwk}: holds a shared secret (kty "oct", HS256)`);
    expect(result.stderr).toContain('ruralkit keygen --jwt');
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, 'not a key');
    const bad = await capture(['serve', '--db', join(dir, 'b.db'), '--port', '0', '--jwt-key', garbage]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`token key file ${garbage}: is neither a PEM public key nor a JWK or JWKS`);
    const missing = await capture([
      'serve',
      '--db',
      join(dir, 'b.db'),
      '--port',
      '0',
      '--jwt-key',
      join(dir, 'no.pem'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot be read (ENOENT)');
  });

  it('says a port in use is taken and suggests --port, in Chinese and English', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const result = await capture(['serve', '--db', join(dir, 'c.db'), '--port', port]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use: choose another with --port`);
      expect(result.stderr).toContain(`端口 ${port}（127.0.0.1）已被占用`);
      expect(result.stderr).not.toContain('EADDRINUSE');
    } finally {
      taken.close();
    }
  });
});
