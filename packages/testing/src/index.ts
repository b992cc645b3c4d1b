/**
 * @ruralkit/testing — run scenario files (场景文件) against a plan, from vitest or the CLI.
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
  formatOutcomes,
  type Mismatch,
  type ScenarioOutcome,
  type RunOptions,
} from './run.js';
