// Shared by the CLI tests: run the command in-process with captured output, and temp folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
