// The HTTP guide's first contact, run as written: its shell block (key → serve → token → curl)
// with bash against a real `ruralkit serve` on a free port, then its Python standard-library
// snippet in the same shell. Needs the built CLI, as the guide does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluate, getPlan } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

/** The fenced blocks of `language` in the guide's section that starts with `heading`. */
function blocks(markdown: string, heading: string, language: string): string[] {
  const section = markdown.slice(markdown.indexOf(heading)).split(/\n## /)[0]!;
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('docs/guides/http.md, first contact', () => {
  it('runs verbatim: a key, the service, a token, curl, then Python', { timeout: 90_000 }, async () => {
    const guide = readFileSync(join(root, 'docs/guides/http.md'), 'utf8');
    const [shell] = blocks(guide, '## First contact', 'sh');
    const [python] = blocks(guide, '## First contact', 'python');
    expect(shell).toContain('ruralkit keygen --jwt');
    expect(shell).toContain('ruralkit token');
    const script = `${shell}\npython3 - <<'PY'\n${python}PY\n`;
    const port = await freePort();
    // Its own process group, so that the service it starts in the background is stopped with it.
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: root,
      detached: true,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // the group has already gone
    }
    expect(code, stderr).toBe(0);
    // curl: the plans the token's tenant may use.
    expect(stdout).toContain('"key":"changjiang-2021"');
    // Python: each target not met, as evaluating the same data here says.
    const data = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8'));
    const notMet = evaluate(getPlan('changjiang-2021'), data, { asOf: '2025-12-31' })
      .results.filter((r) => r.status === 'not-met')
      .map((r) => r.message.en);
    expect(notMet.length).toBeGreaterThan(0);
    // The service started in the background logs to the same stdout, at any point of a line of Python's.
    const withoutLog = stdout.replace(/\{"level":\d+,[^\n]*?"msg":"[^"\n]*"\}/g, '');
    const printed = withoutLog.split('\n').filter((line) => line !== '' && !line.startsWith('{"level"'));
    expect(printed.slice(-notMet.length)).toEqual(notMet);
  });
});
