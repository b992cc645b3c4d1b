/**
 * Running scenarios: evaluate each one and compare what came out with what it expects.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  evaluate,
  getPlan,
  InputError,
  PluginError,
  resolvePlan,
  type HouseholdResult,
  type Plan,
  type RuleResult,
} from '@ruralkit/core';
import { loadPlugins } from './plugins.js';
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
      plan = resolvePlan(plan, await loadPlugins(scenario.plugins.map((p) => resolve(base, p))));
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
    report = evaluate(plan, scenario.input, { asOf: scenario.asOf });
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

/** Run a scenario file. */
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

/** Scenario files under the given files or folders (`.yaml`, `.yml`, `.json`), sorted. */
export function findScenarioFiles(paths: string[], base = process.cwd()): string[] {
  const files: string[] = [];
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      throw new ScenarioFileError(`找不到场景文件或文件夹 / scenario file or folder not found: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else if (/\.(ya?ml|json)$/.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) visit(resolve(base, path));
  return files;
}

/** Run every scenario under the given paths, one after another. */
export async function runScenarios(paths: string[], options: RunOptions = {}): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const file of findScenarioFiles(paths)) outcomes.push(await runScenarioFile(file, options));
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
