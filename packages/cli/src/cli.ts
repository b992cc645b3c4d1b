/**
 * The `ruralkit` command (命令行): evaluate a district's data, run scenario files.
 * `run` takes the arguments and returns the exit code, so it can be tested in-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { evaluate, getPlan, InputError, isRealDate, listPlans, type Lang } from '@ruralkit/core';
import { formatOutcomes, runScenarios } from '@ruralkit/testing';
import { formatMarkdown, formatTable } from './report-text.js';

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

const HELP = `ruralkit — 乡村振兴方案评估 / rural revitalization plan evaluation

Usage:
  ruralkit evaluate <input.yaml|input.json> [--plan ID] [--as-of YYYY-MM-DD]
                    [--format table|json|md] [--lang zh|en] [--out FILE]
  ruralkit test <scenario files or folders>...
  ruralkit --help | --version

Options:
  --plan      built-in plan id (default changjiang-2021)
  --as-of     the date to judge at (default: today)
  --format    table (default, for a terminal), json (for programs), md (for documents)
  --lang      zh (default) or en
  --out       write the report to FILE instead of standard output
  --debug     show the stack trace of an error
`;

export function run(argv: string[], io: Io = processIo): number {
  const debug = argv.includes('--debug');
  try {
    return dispatch(
      argv.filter((a) => a !== '--debug'),
      io,
    );
  } catch (error) {
    const known = error instanceof UsageError || error instanceof InputError;
    io.stderr(
      `${debug && error instanceof Error ? error.stack : known ? (error as Error).message : `ruralkit: ${(error as Error).message}`}\n`,
    );
    if (error instanceof UsageError) io.stderr('Run "ruralkit --help" for usage.\n');
    return 2;
  }
}

function dispatch(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'evaluate':
      return evaluateCommand(rest, io);
    case 'test':
      return testCommand(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${version()}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(HELP);
      return 0;
    default:
      throw new UsageError(`ruralkit: unknown command "${command}" (未知命令)`);
  }
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`ruralkit: ${(error as Error).message}`);
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`ruralkit: --${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
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
    throw new UsageError(
      `ruralkit: "${file}" is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'} (文件格式有误): ${(error as Error).message}`,
    );
  }
}

function evaluateCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    plan: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('ruralkit evaluate: give one input file (YAML or JSON)');
  const planId = (values.plan as string | undefined) ?? 'changjiang-2021';
  if (!listPlans().includes(planId)) {
    throw new UsageError(`ruralkit: unknown plan "${planId}" (未知方案); built-in plans: ${listPlans().join(', ')}`);
  }
  const asOf = (values['as-of'] as string | undefined) ?? io.today();
  if (!isRealDate(asOf)) throw new UsageError(`ruralkit: --as-of must be a date YYYY-MM-DD (got "${asOf}")`);
  const format = oneOf('format', values.format as string | undefined, ['table', 'json', 'md'] as const, 'table');
  const lang = oneOf('lang', values.lang as string | undefined, ['zh', 'en'] as const, 'zh') as Lang;
  const out = values.out as string | undefined;
  const report = evaluate(getPlan(planId), readDataFile(positionals[0]!), { asOf });
  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'md'
        ? formatMarkdown(report, lang)
        : formatTable(report, lang, io.colour && !out);
  if (out) {
    writeFileSync(out, text);
    io.stderr(`ruralkit: wrote ${out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

function testCommand(args: string[], io: Io): number {
  const { positionals } = parse(args, {});
  if (positionals.length === 0) throw new UsageError('ruralkit test: give scenario files or folders');
  let outcomes;
  try {
    outcomes = runScenarios(positionals);
  } catch (error) {
    throw new UsageError(`ruralkit test: ${(error as Error).message}`);
  }
  io.stdout(`${formatOutcomes(outcomes)}\n`);
  return outcomes.every((o) => o.passed) && outcomes.length > 0 ? 0 : 1;
}
