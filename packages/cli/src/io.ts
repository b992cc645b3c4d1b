/**
 * What every command shares: where it writes (`Io`), usage errors, argument parsing and
 * reading data files.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { isRealDate, nearest, RuralkitError, today, type Message } from '@ruralkit/core';
import { cliMessage, said } from './locales/index.js';

/** Where the command writes; a test passes its own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that shows colour. */
  colour: boolean;
  /** Today's date, the default `--as-of`. */
  today: () => string;
  /** Whether standard error is a terminal: batch commands show a progress bar there. */
  progress?: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  today: () => today(),
  progress: Boolean(process.stderr.isTTY),
};

/**
 * A mistake in how the command was called, or in what it was given: exit 2, no stack trace.
 * The message is said in Chinese and English, each line naming the command, and says how to fix it.
 */
export class UsageError extends RuralkitError {
  override readonly name: string = 'UsageError';
  constructor(
    /** The command it concerns, as typed: `ruralkit evaluate`. */
    readonly command: string,
    /** What is wrong, a message of the command line's (`cliMessage`). */
    readonly what: Message,
  ) {
    const { zh, en } = saidByCommand(command, what);
    super('usage', { zh, en }, `${zh}\n${en}`);
  }
}

/** A usage message in both languages, each starting with the command. */
function saidByCommand(command: string, message: Message): { zh: string; en: string } {
  const { zh, en } = said(message);
  return { zh: `${command}: ${zh}`, en: `${command}: ${en}` };
}

/** The valid name nearest a mistyped one, with its `prefix` (`--`), for "did you mean …?". */
export function suggest(word: string, candidates: readonly string[], prefix = ''): string | undefined {
  const match = nearest(word, candidates);
  return match === undefined ? undefined : `${prefix}${match}`;
}

/** A subcommand: its help, and what it does. Returns the exit code. */
export interface Command {
  /** What it does, in one line: Chinese / English. */
  summary: string;
  /** Its usage lines, the first starting `ruralkit <name>`. */
  usage: string;
  /** Its options, one per line: `--name   what it does`. */
  options: string;
  run: (args: string[], io: Io) => number | Promise<number>;
}

/** What parseArgs is given for a command's options. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse options strictly: an unknown option names the nearest valid one, an option that needs a
 * value and has none says so; both in Chinese and English.
 */
export function parseOptions(
  command: string,
  args: string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) {
      const suggestion = suggest(
        token.name,
        Object.keys(options).filter((name) => name.length > 1),
        '--',
      );
      throw new UsageError(command, cliMessage('usage.unknown-option', { option: token.rawName, command, suggestion }));
    }
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (spec.type === 'string' && missing) {
      throw new UsageError(
        command,
        cliMessage('usage.option-needs-value', { option: token.rawName, placeholder: valueHint(token.name) }),
      );
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw new UsageError(command, cliMessage('usage.option-takes-no-value', { option: token.rawName }));
    }
  }
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** The placeholder shown for an option's value in messages. */
function valueHint(name: string): string {
  if (name === 'as-of' || name === 'at') return 'YYYY-MM-DD';
  if (name === 'workers') return 'N';
  return 'VALUE';
}

/** An option that takes one of a few values. */
export function oneOf<T extends string>(
  command: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new UsageError(
      command,
      cliMessage('usage.one-of', {
        option: name,
        allowed,
        value: String(value),
        suggestion: suggest(String(value), allowed),
      }),
    );
  }
  return value as T;
}

/**
 * A whole number of seconds above 0 given to `--name` (at most `maxDigits` digits): undefined
 * when absent, else the number, or a usage error naming the option.
 */
export function secondsOption(command: string, name: string, value: unknown, maxDigits = 6): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !new RegExp(`^[1-9]\\d{0,${maxDigits - 1}}$`).test(value)) {
    throw new UsageError(command, cliMessage('usage.seconds', { option: name, value: String(value) }));
  }
  return Number(value);
}

/** A `YYYY-MM-DD` option (`--as-of`, `--at`): its value, `fallback` when absent, or a usage error. */
export function dateOption(command: string, name: string, value: unknown, fallback: string): string {
  const date = (value as string | undefined) ?? fallback;
  if (!isRealDate(date)) {
    throw new UsageError(command, cliMessage('usage.date', { option: name, value: date }));
  }
  return date;
}

/**
 * Read a file's bytes; a missing file says "not found", a folder says so, anything else
 * "cannot read", each naming the file.
 */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileError(file, error);
  }
}

/** The usage error for a file that could not be opened. */
export function fileError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError('ruralkit', cliMessage('file.not-found', { file }));
  if (code === 'EISDIR') return new UsageError('ruralkit', cliMessage('file.folder', { file }));
  return new UsageError('ruralkit', cliMessage('file.unreadable', { file, code: code ?? 'error' }));
}

/** Read a YAML or JSON input file; a parse error names the file and the line and column. */
export function readDataFile(file: string): unknown {
  const text = readBytes(file).toString('utf8');
  const json = file.endsWith('.json');
  try {
    return json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const problem = json
      ? jsonProblem(text, (error as Error).message)
      : cliMessage('file.parser-says', { text: (error as Error).message });
    throw new UsageError('ruralkit', cliMessage('file.invalid', { file, format: json ? 'JSON' : 'YAML', problem }));
  }
}

/** JSON.parse's complaint with its character position turned into a line and column (from 1). */
function jsonProblem(text: string, message: string): Message {
  const match = / (?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!match) return cliMessage('file.parser-says', { text: message });
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return cliMessage('file.parser-says-at', { line, column, text: message.replace(match[0], '') });
}
