// Shared by the CLI tests: run the command in-process with captured output, and temp folders.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { run } from '../src/cli.js';
import type { Io } from '../src/io.js';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A new empty temp folder. */
export const tmp = () => mkdtempSync(join(tmpdir(), 'ruralkit-cli-'));

/** Run `ruralkit argv` in-process: exit code and what it wrote. */
export async function capture(
  argv: string[],
  options: { today?: string; colour?: boolean; progress?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    colour: options.colour ?? false,
    today: () => options.today ?? '2025-12-31',
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * A JWKS file (`name` in `dir`) of a new ES256 key, for `serve --jwks`, and a department's token
 * of `tenant` signed with that key (five minutes).
 */
export async function testJwks(dir: string, name = 'jwks.json') {
  const keys = await generateKeyPair('ES256');
  const jwks = join(dir, name);
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'ES256' }] }));
  const token = (tenant = 'changjiang') =>
    new SignJWT({ tenant, roles: ['department'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('dept')
      .setExpirationTime('5m')
      .sign(keys.privateKey);
  return { jwks, token };
}
