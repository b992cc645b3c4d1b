/**
 * What every command shares: where it writes (`Io`), usage errors, argument parsing and
 * reading data files.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getPlan, listPlans, type Plan } from '@ruralkit/core';
import { parse as parseYaml } from 'yaml';

/** Where the command writes; a test passes its own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that shows colour. */
  colour: boolean;
  /** Today's date, the default `--as-of`. */
  today: () => string;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  today: () => new Date().toISOString().slice(0, 10),
};

/** A mistake in how the command was called, or in what it was given: exit 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A subcommand: its usage lines for `--help`, and what it does. Returns the exit code. */
export interface Command {
  usage: string;
  run: (args: string[], io: Io) => number | Promise<number>;
}

/** Parse options strictly; an unknown option is a usage error. */
export function parseOptions(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`ruralkit: ${(error as Error).message}`);
  }
}

/** An option that takes one of a few values. */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new UsageError(`ruralkit: --${name} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
  }
  return value as T;
}

/** The plan named by `--plan` (default changjiang-2021); an unknown id is a usage error. */
export function planOption(value: unknown): Plan {
  const planId = (value as string | undefined) ?? 'changjiang-2021';
  if (!listPlans().includes(planId)) {
    throw new UsageError(`ruralkit: unknown plan "${planId}" (未知方案); built-in plans: ${listPlans().join(', ')}`);
  }
  return getPlan(planId);
}

/** Read a YAML or JSON input file; a parse error names the file (and line, for YAML). */
export function readDataFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`ruralkit: cannot read "${file}" (无法读取文件)`);
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new UsageError(`ruralkit: "${file}" is not valid ${format} (文件格式有误): ${(error as Error).message}`);
  }
}
