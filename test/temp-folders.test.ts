// Issue 25, point 5: a test run leaves the temporary folder as it was. Every temporary file of
// a test file, and of the processes it starts, is made in the file's own folder inside the run's
// folder (test/support/temp-run.ts, temp-file.ts); the run fails when anything is left.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers } from './support/temp-run.js';

describe('the temporary folder of a test run', () => {
  it('points into this file’s own folder within the run’s folder, for child processes too', () => {
    const run = process.env.RURALKIT_TEST_RUN_TMP;
    expect(run).toMatch(/ruralkit-test-run-/);
    expect(dirname(tmpdir())).toBe(run);
    expect(tmpdir()).toMatch(/temp-folders\.test\.ts-/);
    const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())']);
    expect(child.toString()).toBe(tmpdir());
  });

  it('names what was left in the run’s folder and new ruralkit entries of the system’s folder', () => {
    const system = mkdtempSync(join(tmpdir(), 'system-'));
    try {
      mkdirSync(join(system, 'older'));
      const before = new Set(['older']);
      const run = join(system, 'ruralkit-test-run-x');
      mkdirSync(run);
      expect(leftovers(system, run, before)).toEqual([]);
      writeFileSync(join(run, 'db.sqlite'), '');
      mkdirSync(join(system, 'ruralkit-cli-abc'));
      mkdirSync(join(system, 'someone-else'));
      expect(leftovers(system, run, before).sort()).toEqual(
        [join(run, 'db.sqlite'), join(system, 'ruralkit-cli-abc')].sort(),
      );
    } finally {
      rmSync(system, { recursive: true, force: true });
    }
  });
});
