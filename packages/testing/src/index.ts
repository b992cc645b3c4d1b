/**
 * @ruralkit/testing — run scenario files (场景文件) against a plan and its plugins, from the
 * CLI or from code; `@ruralkit/testing/vitest` registers them as vitest tests.
 * @packageDocumentation
 */
export {
  ScenarioSchema,
  RuleExpectationSchema,
  HouseholdExpectationSchema,
  ScenarioFileError,
  loadScenario,
  type Scenario,
  type RuleExpectation,
} from './scenario.js';
export {
  runScenario,
  runScenarioFile,
  runScenarios,
  findScenarioFiles,
  scenarioFilesWithRoots,
  formatOutcomes,
  formatFailure,
  type Mismatch,
  type ScenarioOutcome,
  type RunOptions,
} from './run.js';
// plugin files are read by core's Node entry; exported here too, as before
export { loadPlugin, loadPlugins, isCodePlugin, type LoadPluginOptions } from '@ruralkit/core/node';
