/**
 * Running scenarios: evaluate each one and compare what came out with what it expects.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  evaluate,
  getPlan,
  InputError,
  PluginError,
  resolvePlan,
  type HouseholdResult,
  type Plan,
  type RuleResult,
  type EvaluationInput,
} from '@ruralkit/core';
import { loadPlugins } from '@ruralkit/core/node';
import { inBoth, said, scenarioMessage } from './locales/index.js';
import { loadScenario, ScenarioFileError, type RuleExpectation, type Scenario } from './scenario.js';

/** One difference between what a scenario expects and what the evaluation gave. */
export interface Mismatch {
  subject: string;
  rule: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface ScenarioOutcome {
  file: string;
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
  /** Set when the scenario could not run at all (unreadable file, unknown plan, unexpected error). */
  error?: string;
}

export interface RunOptions {
  /** Resolve a plan id; defaults to the built-in plans. */
  getPlan?: (id: string) => Plan;
  /**
   * The folder a scenario's `plugins:` must lie in. By default, the folder given to
   * `runScenarios` or `scenarioSuite` that holds the scenario (for a single file, its own
   * folder; for an inline scenario, the working directory).
   */
  pluginRoot?: string;
  /** Let scenarios load code plugins (`.ts`, `.js`), which run with your rights. Off by default. */
  allowCodePlugins?: boolean;
}

/** Run one parsed scenario; its plugin files are read relative to `file`. */
export async function runScenario(
  scenario: Scenario,
  file = '(inline)',
  options: RunOptions = {},
): Promise<ScenarioOutcome> {
  const outcome: ScenarioOutcome = { file, name: scenario.name, passed: false, mismatches: [] };
  let plan: Plan;
  try {
    plan = (options.getPlan ?? getPlan)(scenario.plan);
    if (scenario.plugins.length > 0) {
      const base = file === '(inline)' ? process.cwd() : dirname(file);
      const files = scenario.plugins.map((p, i) => scenarioPlugin(p, i, base, options.pluginRoot ?? base));
      plan = resolvePlan(plan, await loadPlugins(files, { allowCode: options.allowCodePlugins ?? false }));
    }
  } catch (error) {
    if (
      error instanceof PluginError &&
      scenario.expectError !== undefined &&
      error.message.includes(scenario.expectError)
    ) {
      return { ...outcome, passed: true };
    }
    return { ...outcome, error: (error as Error).message };
  }
  let report;
  try {
    // The scenario's input as written: `evaluate` checks it (an InputError is expected or not).
    report = evaluate(plan, scenario.input as EvaluationInput, { asOf: scenario.asOf });
  } catch (error) {
    if (!(error instanceof InputError)) return { ...outcome, error: (error as Error).stack ?? String(error) };
    if (scenario.expectError === undefined) return { ...outcome, error: error.message };
    if (!error.message.includes(scenario.expectError)) {
      outcome.mismatches.push({
        subject: '-',
        rule: '-',
        field: 'error',
        expected: scenario.expectError,
        actual: error.message,
      });
    }
    return { ...outcome, passed: outcome.mismatches.length === 0 };
  }
  if (scenario.expectError !== undefined) {
    outcome.mismatches.push({
      subject: '-',
      rule: '-',
      field: 'error',
      expected: scenario.expectError,
      actual: 'no error',
    });
    return outcome;
  }
  const expect = scenario.expect ?? {};
  for (const [villageId, rules] of Object.entries(expect.villages ?? {})) {
    for (const [ruleId, expected] of Object.entries(rules)) {
      const result = report.results.find(
        (r) => r.subject.type === 'village' && r.subject.id === villageId && r.ruleId === ruleId,
      );
      compareRule(outcome.mismatches, `village ${villageId}`, ruleId, expected, result);
    }
  }
  for (const [ruleId, expected] of Object.entries(expect.district ?? {})) {
    const result = report.results.find((r) => r.subject.type === 'district' && r.ruleId === ruleId);
    compareRule(outcome.mismatches, 'district', ruleId, expected, result);
  }
  for (const [householdId, expected] of Object.entries(expect.households ?? {})) {
    const result = report.households.find((h) => h.subject.id === householdId);
    compareHousehold(outcome.mismatches, householdId, expected, result);
  }
  return { ...outcome, passed: outcome.mismatches.length === 0 };
}

/**
 * The file of a scenario's `plugins[index]`, refused (as a `PluginError`) when it lies outside
 * `root`: a scenario is data, and names plugins only inside its own folder tree.
 */
function scenarioPlugin(plugin: string, index: number, base: string, root: string): string {
  const file = resolve(base, plugin);
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path; // a missing file is reported when it is loaded
    }
  };
  const inside = relative(real(resolve(root)), real(file));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    const { zh, en } = said(scenarioMessage('plugin.outside-root', { root }));
    throw new PluginError(plugin, `plugins[${index}]`, zh, en);
  }
  return file;
}

function compareRule(
  mismatches: Mismatch[],
  subject: string,
  rule: string,
  expected: RuleExpectation,
  result: RuleResult | undefined,
): void {
  if (!result) {
    mismatches.push({ subject, rule, field: 'result', expected: 'a result', actual: 'no such subject or rule' });
    return;
  }
  const want = typeof expected === 'string' ? { status: expected } : expected;
  const check = (field: string, wanted: unknown, actual: unknown) => {
    if (wanted !== undefined && wanted !== actual) mismatches.push({ subject, rule, field, expected: wanted, actual });
  };
  check('status', want.status, result.status);
  check('progress', want.progress, result.progress);
  check('year', want.year, result.year);
  for (const [year, status] of Object.entries(want.years ?? {})) {
    check(`years.${year}`, status, result.years?.find((y) => y.year === Number(year))?.status);
  }
  if (want.lapses) check('lapses', want.lapses.join(', '), (result.lapses ?? []).join(', '));
}

function compareHousehold(
  mismatches: Mismatch[],
  id: string,
  expected: { risks?: string[] | undefined; category?: string | null | undefined },
  result: HouseholdResult | undefined,
): void {
  const subject = `household ${id}`;
  if (!result) {
    mismatches.push({ subject, rule: '-', field: 'result', expected: 'a result', actual: 'no such household' });
    return;
  }
  if (expected.risks) {
    const want = [...expected.risks].sort().join(', ');
    const got = [...result.risks].sort().join(', ');
    if (want !== got)
      mismatches.push({ subject, rule: '-', field: 'risks', expected: want || '(none)', actual: got || '(none)' });
  }
  if (expected.category !== undefined && expected.category !== (result.category ?? null)) {
    mismatches.push({
      subject,
      rule: '-',
      field: 'category',
      expected: expected.category,
      actual: result.category ?? null,
    });
  }
}

/** Run a scenario file; its plugins must lie in `options.pluginRoot`, by default the file's folder. */
export async function runScenarioFile(file: string, options: RunOptions = {}): Promise<ScenarioOutcome> {
  let scenario: Scenario;
  try {
    scenario = loadScenario(file);
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error;
    return { file, name: file, passed: false, mismatches: [], error: error.message };
  }
  return runScenario(scenario, file, options);
}

/**
 * Scenario files under the given files or folders (`.yaml`, `.yml`, `.json`), sorted; relative
 * paths are resolved against `base`. In a folder, plugin files (`*.plugin.yaml`,
 * `*.plugin.json`) and `node_modules` are passed over.
 */
export function findScenarioFiles(paths: string[], base = process.cwd()): string[] {
  const files: string[] = [];
  const visit = (path: string, named: boolean) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      throw new ScenarioFileError(`${inBoth(scenarioMessage('file.not-found', {}))}: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry !== 'node_modules') visit(join(path, entry), false);
      }
    } else if (/\.(ya?ml|json)$/.test(path) && (named || !/\.plugin\.(ya?ml|json)$/.test(path))) {
      files.push(path);
    }
  };
  for (const path of paths) visit(resolve(base, path), true);
  return files;
}

/**
 * Each scenario file under `paths` with the folder its plugins must lie in: `pluginRoot` when
 * given, else the folder given in `paths` that holds it (the file's own folder for a file).
 * Relative paths are resolved against `base`.
 */
export function scenarioFilesWithRoots(
  paths: string[],
  pluginRoot?: string,
  base = process.cwd(),
): { file: string; pluginRoot: string }[] {
  return paths.flatMap((path) => {
    const files = findScenarioFiles([path], base);
    const given = resolve(base, path);
    const root = pluginRoot ?? (statSync(given).isDirectory() ? given : dirname(given));
    return files.map((file) => ({ file, pluginRoot: resolve(base, root) }));
  });
}

/** Run every scenario under the given paths, one after another. */
export async function runScenarios(paths: string[], options: RunOptions = {}): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const { file, pluginRoot } of scenarioFilesWithRoots(paths, options.pluginRoot))
    outcomes.push(await runScenarioFile(file, { ...options, pluginRoot }));
  return outcomes;
}

/** A readable report: each failure with its mismatches, then `N passed, M failed`. */
export function formatOutcomes(outcomes: ScenarioOutcome[], cwd = process.cwd()): string {
  const lines = outcomes.filter((o) => !o.passed).map((o) => formatFailure(o, cwd));
  const passed = outcomes.filter((o) => o.passed).length;
  lines.push(`${passed} passed, ${outcomes.length - passed} failed`);
  return lines.join('\n');
}

/** One failed scenario: its file and name, then each mismatch or the error. */
export function formatFailure(outcome: ScenarioOutcome, cwd = process.cwd()): string {
  const lines = [`FAIL ${relative(cwd, outcome.file)} — ${outcome.name}`];
  if (outcome.error) lines.push(...outcome.error.split('\n').map((l) => `  ${l}`));
  for (const m of outcome.mismatches) {
    lines.push(
      m.field === 'error'
        ? `  error: expected a message containing ${show(m.expected)}, got: ${show(m.actual)}`
        : `  ${m.subject} · ${m.rule} · ${m.field}: expected ${show(m.expected)}, got ${show(m.actual)}`,
    );
  }
  return lines.join('\n');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
