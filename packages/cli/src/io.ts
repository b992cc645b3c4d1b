/**
 * What every command shares: where it writes (`Io`), usage errors, argument parsing and
 * reading data files.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { didYouMean, isRealDate, RuralkitError, today } from '@ruralkit/core';

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
 * The message is in Chinese and English, each line naming the command, and says how to fix it.
 */
export class UsageError extends RuralkitError {
  override readonly name: string = 'UsageError';
  constructor(
    /** The command it concerns, as typed: `ruralkit evaluate`. */
    readonly command: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super('usage', { zh: `${command}: ${zh}`, en: `${command}: ${en}` }, `${command}: ${zh}\n${command}: ${en}`);
  }
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
      const hint = didYouMean(
        token.name,
        Object.keys(options).filter((name) => name.length > 1),
        '--',
      );
      throw new UsageError(
        command,
        `未知选项 ${token.rawName}${hint.zh}（全部选项见 ${command} --help）`,
        `unknown option ${token.rawName}${hint.en} (${command} --help lists them all)`,
      );
    }
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (spec.type === 'string' && missing) {
      throw new UsageError(
        command,
        `选项 ${token.rawName} 缺少取值：写作 ${token.rawName} ${valueHint(token.name)}`,
        `option ${token.rawName} needs a value: ${token.rawName} ${valueHint(token.name)}`,
      );
    }
    if (spec.type === 'boolean' && token.inlineValue) {
      throw new UsageError(
        command,
        `选项 ${token.rawName} 不带取值`,
        `option ${token.rawName} takes no value: write ${token.rawName} alone`,
      );
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
    const hint = didYouMean(String(value), allowed);
    throw new UsageError(
      command,
      `--${name} 只能取 ${allowed.join('、')}（得到 "${String(value)}"）${hint.zh}`,
      `--${name} must be one of ${allowed.join(', ')} (got "${String(value)}")${hint.en}`,
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
    throw new UsageError(
      command,
      `--${name} 应为正整数秒数（得到 "${String(value)}"）`,
      `--${name} must be a whole number of seconds above 0 (got "${String(value)}")`,
    );
  }
  return Number(value);
}

/** A `YYYY-MM-DD` option (`--as-of`, `--at`): its value, `fallback` when absent, or a usage error. */
export function dateOption(command: string, name: string, value: unknown, fallback: string): string {
  const date = (value as string | undefined) ?? fallback;
  if (!isRealDate(date)) {
    throw new UsageError(
      command,
      `--${name} 须为实际存在的日期 YYYY-MM-DD，如 --${name} 2025-12-31（得到 "${date}"）`,
      `--${name} must be a real date YYYY-MM-DD, e.g. --${name} 2025-12-31 (got "${date}")`,
    );
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
  if (code === 'ENOENT') {
    return new UsageError('ruralkit', `找不到文件 "${file}"：请检查路径`, `file not found: "${file}" (check the path)`);
  }
  if (code === 'EISDIR') {
    return new UsageError('ruralkit', `"${file}" 是文件夹，请给出文件`, `"${file}" is a folder: give a file`);
  }
  return new UsageError(
    'ruralkit',
    `无法读取文件 "${file}"（${code ?? 'error'}）：请检查权限`,
    `cannot read "${file}" (${code ?? 'error'}): check its permissions`,
  );
}

/** Read a YAML or JSON input file; a parse error names the file and the line and column. */
export function readDataFile(file: string): unknown {
  const text = readBytes(file).toString('utf8');
  const json = file.endsWith('.json');
  try {
    return json ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const why = json
      ? jsonProblem(text, (error as Error).message)
      : { zh: (error as Error).message, en: (error as Error).message };
    const format = json ? 'JSON' : 'YAML';
    throw new UsageError(
      'ruralkit',
      `"${file}" 不是有效的 ${format}，请改正后重试：${why.zh}`,
      `"${file}" is not valid ${format}; correct it and retry: ${why.en}`,
    );
  }
}

/** JSON.parse's complaint with its character position turned into a line and column (from 1). */
function jsonProblem(text: string, message: string): { zh: string; en: string } {
  const match = / (?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!match) return { zh: message, en: message };
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what = message.replace(match[0], '');
  return { zh: `第 ${line} 行第 ${column} 列：${what}`, en: `line ${line}, column ${column}: ${what}` };
}
