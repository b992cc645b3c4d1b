// The test run's temporary folder (临时目录): every temporary file of the run — the tests', and
// those of the processes they start — is made under one folder of the system's temporary
// folder, each test file in its own subfolder (temp-file.ts) that is removed after the file.
// At the end the run's folder must be empty and the system's temporary folder as it was; a
// leftover fails the run, naming what was left.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Entries of a folder, or none when it is gone. */
const entries = (folder: string): string[] => {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
};

/** What was left behind: entries of the run's folder, and new `ruralkit` entries of the system's. */
export function leftovers(system: string, run: string, before: ReadonlySet<string>): string[] {
  const inRun = entries(run).map((name) => join(run, name));
  const inSystem = entries(system)
    .filter((name) => !before.has(name) && name !== run.slice(system.length + 1) && /ruralkit/i.test(name))
    .map((name) => join(system, name));
  return [...inRun, ...inSystem];
}

export default function setup(): () => void {
  // each project of the run runs the global setup: the first one makes the run's folder
  if (process.env.RURALKIT_TEST_RUN_TMP) return () => undefined;
  const system = tmpdir();
  const before = new Set(entries(system));
  const run = mkdtempSync(join(system, 'ruralkit-test-run-'));
  process.env.RURALKIT_TEST_RUN_TMP = run;
  process.env.TMPDIR = run;
  return () => {
    delete process.env.RURALKIT_TEST_RUN_TMP;
    process.env.TMPDIR = system;
    const left = leftovers(system, run, before);
    rmSync(run, { recursive: true, force: true, maxRetries: 3 });
    // Another run at the same time (a second checkout) may make entries of its own in the system's
    // folder: leftovers fail the run in CI, where it runs alone, and are a warning elsewhere.
    if (left.length) {
      // an error thrown here is printed but does not fail the run: fail it by the exit code
      if (process.env.CI === 'true') process.exitCode = 1;
      console.error(
        `测试留下了临时文件 / the tests left temporary files behind (${left.length}):\n${left.slice(0, 20).join('\n')}`,
      );
    }
  };
}
