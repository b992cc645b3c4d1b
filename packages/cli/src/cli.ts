/**
 * The `ruralkit` command (命令行). `run` takes the arguments and returns the exit code, so it
 * can be tested in-process. Each subcommand lives in `commands/` and is listed here once.
 */
import { readFileSync } from 'node:fs';
import { InputError, PluginError } from '@ruralkit/core';
import { processIo, UsageError, type Command, type Io } from './io.js';

/**
 * The subcommands, each loaded when it runs: `screen` does not wait for the spreadsheet and
 * SQLite libraries that other commands use.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  screen: async () => (await import('./commands/screen.js')).screenCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  template: async () => (await import('./commands/template.js')).templateCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  workflow: async () => (await import('./commands/workflow.js')).workflowCommand,
};

const OPTIONS = `Options of evaluate:
  --plan      built-in plan id (default changjiang-2021)
  --plugin    a county plugin file (.yaml, .json, .ts, .js); repeat for several
  --as-of     the date to judge at (default: today)
  --format    table (default, for a terminal), json (for programs), md (for documents),
              html (a self-contained report with charts), xlsx (one row per result; needs --out)
  --lang      zh (default) or en
  --out       write the report to FILE instead of standard output
Options of screen and evaluate --batch (one subject per line, NDJSON or CSV):
  --out       the output file, .ndjson or .csv (required); written only if every line is valid
  --workers   worker threads (default: one per core); the output order is the input order
  --district  evaluate --batch: the district's data (YAML or JSON), for growth rules
  --explain   evaluate --batch: not-met (default), all or none: which results carry messages
Options of template (and --plan, --plugin as for evaluate):
  --data      fill the template with this YAML or JSON input
  --out       the workbook to write (.xlsx)
Options of workflow:
  --db        the SQLite workflow database (created if missing)
  --event     an event {type, payload?, actor?, idempotencyKey?}: a JSON/YAML file or inline JSON
  --as        the principal {id, roles, tenant, township?, village?, ...}: file or inline JSON
  --at        act at this date-time instead of now (simulations, back-office entry)
Options of serve (the HTTP service; see docs/guides/http.md):
  --db, --database-url  the workflow store: a SQLite file, or PostgreSQL (@ruralkit/store-postgres)
  --port, --host        where to listen (default 8080 on 127.0.0.1)
  --county    TENANT=FILE[,FILE]: a county's plugins, served to that tenant only; repeat for several
  --jwt-key, --jwks     the key (PEM or JWK) or JWKS file that bearer tokens are checked with
Every command:
  --debug     show the stack trace of an error`;

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const usage = commands.map((c) => `  ${c.usage}`);
  return `ruralkit — 乡村振兴方案评估与流程 / rural revitalization plan evaluation and workflows\n\nUsage:\n${usage.join('\n')}\n  ruralkit --help | --version\n\n${OPTIONS}\n`;
}

/** Run the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...args] = argv.filter((a) => a !== '--debug');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(await help());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new UsageError(`ruralkit: unknown command "${name}" (未知命令)`);
    return await (await load()).run(args, io);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof InputError || error instanceof PluginError;
    const text =
      debug && error instanceof Error
        ? error.stack
        : known
          ? (error as Error).message
          : `ruralkit: ${(error as Error).message}`;
    io.stderr(`${text}\n`);
    if (error instanceof UsageError) io.stderr('Run "ruralkit --help" for usage.\n');
    return 2;
  }
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
