// Each test file's temporary folder: os.tmpdir() points into it while the file runs (and so
// do the processes the file starts), and it is removed after the file's last hook.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect } from 'vitest';

const run = process.env.RURALKIT_TEST_RUN_TMP ?? tmpdir();
const file = basename(expect.getState().testPath ?? 'test').replace(/[^\w.-]/g, '_');
const folder = mkdtempSync(join(run, `${file}-`));
process.env.TMPDIR = folder;

// Registered before the file's own hooks, so it runs after them (hooks run as a stack).
afterAll(() => {
  process.env.TMPDIR = run;
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
});
