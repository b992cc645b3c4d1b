/**
 * The `ruralkit` command (命令行). `run` takes the arguments and returns the exit code, so it
 * can be tested in-process. Each subcommand lives in `commands/` and is listed here once.
 */
import { readFileSync } from 'node:fs';
import { errorEntry, InputError, PluginError, RuralkitError } from '@ruralkit/core';
import { processIo, suggest, UsageError, type Command, type Io } from './io.js';
import { cliMessage, label } from './locales/index.js';

/**
 * The subcommands, each loaded when it runs: `screen` does not wait for the spreadsheet and
 * SQLite libraries that other commands use.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  keygen: async () => (await import('./commands/keygen.js')).keygenCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  relay: async () => (await import('./commands/relay.js')).relayCommand,
  screen: async () => (await import('./commands/screen.js')).screenCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  template: async () => (await import('./commands/template.js')).templateCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  token: async () => (await import('./commands/token.js')).tokenCommand,
  workflow: async () => (await import('./commands/workflow.js')).workflowCommand,
};

const EVERY_COMMAND = `  --help, -h  本帮助 / this help
  --debug     出错时显示调用栈 / show the stack trace of an error`;

/** The help of the whole command: each subcommand's summary and usage. */
async function help(): Promise<string> {
  const lines: string[] = [];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    lines.push(
      `  ${name.padEnd(9)} ${command.summary}`,
      ...command.usage
        .split('\n')
        .map((l) => `${l.trim().startsWith('ruralkit') ? '      ' : '          '}${l.trim()}`),
    );
  }
  return `ruralkit — 乡村振兴方案评估与流程 / rural revitalization plan evaluation and workflows

Usage: ruralkit <command> [options]   (ruralkit <command> --help: the command's options / 命令选项)
${lines.join('\n')}
  ruralkit --help | --version
`;
}

/** One subcommand's help: what it does, its usage and its options. */
function commandHelp(command: Command): string {
  return `${command.summary}\n\nUsage:\n  ${command.usage}\n\nOptions:\n${command.options}\nEvery command:\n${EVERY_COMMAND}\n`;
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Run the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...args] = argv.filter((a) => a !== '--debug');
  try {
    if (name === undefined || isHelp(name) || (name === 'help' && args.length === 0)) {
      io.stdout(await help());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    // `ruralkit help evaluate` is `ruralkit evaluate --help`.
    const [commandName, commandArgs] = name === 'help' ? [args[0]!, ['--help']] : [name, args];
    const load = Object.hasOwn(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
    if (!load) {
      throw new UsageError(
        'ruralkit',
        cliMessage('usage.unknown-command', {
          command: commandName,
          suggestion: suggest(commandName, Object.keys(COMMANDS)),
        }),
      );
    }
    const command = await load();
    if (commandArgs.some(isHelp)) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(commandArgs, io);
  } catch (error) {
    return failed(error, debug, io);
  }
}

/**
 * Exit codes (退出码): 0 done; 1 refused or a check failed (the command says so itself); 2 bad
 * usage, input or environment — an error ruralkit raises on purpose (its code's exit in the error
 * catalogue), or the system's (a file that cannot be written, a port in use); 70 an internal
 * error, a fault of ruralkit to report.
 */
const EXIT = Object.freeze({ done: 0, refused: 1, usage: 2, internal: 70 });

/** Say what went wrong on stderr; the exit code for it. */
function failed(error: unknown, debug: boolean, io: Io): number {
  const known = error instanceof UsageError || error instanceof InputError || error instanceof PluginError;
  const message = error instanceof Error ? error.message : String(error);
  const internal = !(error instanceof RuralkitError) && !isSystemError(error);
  const text =
    debug && error instanceof Error
      ? error.stack
      : known
        ? message
        : internal
          ? `ruralkit: ${label('error.internal')}: ${message}\n` + label('error.internal-advice')
          : `ruralkit: ${message}`;
  io.stderr(`${text}\n`);
  if (error instanceof UsageError) {
    const where = error.command === 'ruralkit' ? 'ruralkit' : error.command.split(' ').slice(0, 2).join(' ');
    io.stderr(`${label('usage.see-help')}: ${where} --help\n`);
  }
  if (internal) return EXIT.internal;
  return error instanceof RuralkitError ? (errorEntry(error.code)?.exit ?? EXIT.usage) : EXIT.usage;
}

/** An error of the operating system (a file, a port, a permission): `code` EXXX and `syscall`. */
const isSystemError = (error: unknown): boolean =>
  error instanceof Error && /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code)) && 'syscall' in error;

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
