/**
 * Scenario files (场景文件, catalog §8): one evaluation and what must come out of it. The same
 * files serve the project's tests, plugin authors' tests and acceptance checks.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { IsoDateSchema, PROGRESS_VALUES, RuralkitError, STATUSES } from '@ruralkit/core';
import { englishFirst, scenarioMessage } from './locales/index.js';

const StatusSchema = z.enum(STATUSES as [string, ...string[]]);

/** What one rule must give: a status, or a status with progress, headline year, years and lapses. */
export const RuleExpectationSchema = z.union([
  StatusSchema,
  z
    .object({
      status: StatusSchema.optional(),
      progress: z.enum(PROGRESS_VALUES as [string, ...string[]]).optional(),
      year: z.number().int().optional(),
      years: z.record(z.string().regex(/^\d{4}$/), StatusSchema).optional(),
      /** The years not met (未达标年份), ascending; `[]` asserts none. */
      lapses: z.array(z.number().int()).optional(),
    })
    .strict(),
]);
export type RuleExpectation = z.infer<typeof RuleExpectationSchema>;

const RulesExpectationSchema = z.record(z.string(), RuleExpectationSchema);

export const HouseholdExpectationSchema = z
  .object({ risks: z.array(z.string()).optional(), category: z.string().nullable().optional() })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    plan: z.string().default('changjiang-2021'),
    /** Plugin files, relative to the scenario file. */
    plugins: z.array(z.string().min(1)).default([]),
    asOf: IsoDateSchema,
    input: z.unknown(),
    expect: z
      .object({
        villages: z.record(z.string(), RulesExpectationSchema).optional(),
        district: RulesExpectationSchema.optional(),
        households: z.record(z.string(), HouseholdExpectationSchema).optional(),
      })
      .strict()
      .optional(),
    /** The evaluation must fail with an input error whose message contains this text. */
    expectError: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => (s.expect === undefined) !== (s.expectError === undefined), {
    message: 'a scenario gives either expect or expectError',
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A scenario file that cannot be read or does not follow the format. */
export class ScenarioFileError extends RuralkitError {
  override readonly name = 'ScenarioFileError';
  constructor(message: string) {
    super('invalid-scenario', { zh: message, en: message }, message);
  }
}

/** Read and check a scenario file (YAML or JSON). */
export function loadScenario(file: string): Scenario {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const unreadable = englishFirst(scenarioMessage('file.unreadable', {}));
    throw new ScenarioFileError(`${file}: ${unreadable}: ${(error as Error).message}`);
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ScenarioFileError(
      `${file}: ${englishFirst(scenarioMessage('file.invalid', {}))}:\n${problems.join('\n')}`,
    );
  }
  return parsed.data;
}
