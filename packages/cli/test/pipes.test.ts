// `ruralkit … | head` (issue 22, point 9): a reader that closes the pipe early ends no command
// with EPIPE and a stack trace; the command finishes as it would have.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmp } from './helpers.js';

const bin = join(root, 'packages/cli/bin/ruralkit.js');

/** Run the built command with its stdout closed by the reader before it prints. */
function closedEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('node', [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('a pipe closed early', () => {
  it.each([
    ['workflow verify', ['workflow', 'verify', '--db', join(tmp(), 'w.db'), '--create']],
    ['evaluate', ['evaluate', join(root, 'examples/changjiang-2021/data.yaml'), '--as-of', '2025-12-31']],
  ])('ends %s quietly, with its own exit code', async (_name, args) => {
    const { code, stderr } = await closedEarly(args);
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error'|at .*node:/);
    expect(code).toBe(0);
  });
});
