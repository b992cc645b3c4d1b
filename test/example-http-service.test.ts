// The embedding example runs as its comment says: started with a free port, it mounts ruralkit
// under /ruralkit beside the district's own route, and the curl call it prints starts a workflow.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../examples/http-service/server.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'ruralkit-example-service-'));
const child = spawn(process.execPath, [server, join(folder, 'workflows.db')], {
  env: { ...process.env, PORT: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
afterAll(() => {
  child.kill('SIGTERM');
});

/** The address and the token the example prints once it listens. */
const started = new Promise<{ address: string; token: string }>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const address = /ruralkit at (http:\/\/[^/\s]+)\/ruralkit\/docs/.exec(out)?.[1];
    const token = /TOKEN=(\S+)/.exec(out)?.[1];
    if (address && token) resolve({ address, token });
  });
  child.once('exit', (code) => reject(new Error(`the example exited (${code}) before listening:\n${out}`)));
});

describe('the HTTP service example (examples/http-service)', () => {
  it('answers under /ruralkit, and leaves the root to the district', async () => {
    const { address } = await started;
    const document = await fetch(`${address}/ruralkit/openapi.json`);
    expect(document.status).toBe(200);
    expect((await fetch(`${address}/openapi.json`)).status).toBe(404);
    expect(await (await fetch(`${address}/`)).json()).toEqual({
      service: 'district platform',
      ruralkit: '/ruralkit/docs',
    });
  });

  it('starts a village plan with the token and the call it prints', async () => {
    const { address, token } = await started;
    const response = await fetch(`${address}/ruralkit/plans/changjiang-2021/workflows/village-plan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: { village: 'jianglian' }, event: { type: 'START' } }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ event: 'START', from: null, to: 'drafting', version: 1 });
  });
}, 60_000);
