/**
 * Scenario files as vitest tests (`@ruralkit/testing/vitest`): one test per scenario, failing
 * with every mismatch spelled out.
 */
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFailure, runScenarioFile, scenarioFilesWithRoots, type RunOptions } from './run.js';
import { loadScenario } from './scenario.js';

/**
 * Register a vitest `describe` with one test per scenario file under `paths`. Relative paths
 * (and `options.pluginRoot`) are relative to the test file that calls it (`['./scenarios']`
 * beside `plugin.test.ts`), wherever vitest is started from. Scenarios load plugins only from
 * inside `options.pluginRoot` (by default the folder given), and code plugins only with
 * `allowCodePlugins: true`.
 */
export function scenarioSuite(title: string, paths: string[], options: RunOptions = {}): void {
  const testFile = expect.getState().testPath;
  const base = testFile ? dirname(testFile) : process.cwd();
  describe(title, () => {
    const files = scenarioFilesWithRoots(paths, options.pluginRoot, base);
    if (files.length === 0) throw new Error(`no scenario files under ${paths.join(', ')}`);
    for (const { file, pluginRoot } of files) {
      it(testName(file), async () => {
        const outcome = await runScenarioFile(file, { ...options, pluginRoot });
        if (!outcome.passed) throw new Error(formatFailure(outcome));
      });
    }
  });
}

function testName(file: string): string {
  try {
    return `${loadScenario(file).name} (${basename(file)})`;
  } catch {
    return basename(file);
  }
}
