// `ruralkit serve --relay URL`: the service delivers the domain events of the workflows it runs
// to a signed webhook as they commit, and shows the relay's figures in /metrics.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { testJwks } from './helpers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SECRET, waitFor, webhookReceiver } from '../../relay/test/support.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

it('delivers the events of a started workflow to the webhook and counts them in /metrics', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-serve-relay-'));
  const { jwks, token: tokenOf } = await testJwks(dir);
  const token = await tokenOf();
  const hook = await webhookReceiver();
  const child = spawn(
    'node',
    [bin, 'serve', '--port', '0', '--db', join(dir, 'w.db'), '--jwks', jwks, '--relay', hook.url],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, RURALKIT_WEBHOOK_SECRET: SECRET },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain(`relaying domain events to ${hook.url}`);
    const started = await fetch(`${url}/plans/changjiang-2021/workflows/poverty-monitoring`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: { village: 'liuyang', household: 'lh-001' },
        event: { type: 'FLAG', payload: { channel: 'department-alert', riskTypes: ['income'], note: '' } },
      }),
    });
    expect(started.status).toBe(201);
    const { instanceId: id } = (await started.json()) as { instanceId: string };
    await waitFor(() => hook.received.length > 0);
    expect(hook.received[0]).toMatchObject({
      type: 'ruralkit.poverty-monitoring.started',
      subject: id,
      data: { instanceId: id, tenant: 'changjiang', event: 'FLAG' },
    });
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(metrics).toMatch(new RegExp(`^ruralkit_relay_delivered_total ${hook.received.length}$`, 'm'));
    expect(metrics).toMatch(/^ruralkit_relay_pending 0$/m);
    expect(metrics).toMatch(/^ruralkit_relay_failures_total 0$/m);
    // another tenant's figures count none of changjiang's events
    const other = await tokenOf('other');
    const theirs = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${other}` } })).text();
    expect(theirs).toMatch(/^ruralkit_relay_delivered_total 0$/m);
    expect(theirs).toMatch(/^ruralkit_relay_last_position 0$/m);
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await hook.close();
  }
});
