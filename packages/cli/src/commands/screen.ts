/**
 * `ruralkit screen`: household screening (部门筛查预警) of an NDJSON or CSV file, one household
 * per line, writing only the households with a risk: their risk types, suggested category and
 * reasons.
 */
import { accessSync, constants } from 'node:fs';
import { refuseOverwritingInput } from '../input-files.js';
import { fileError, parseOptions, UsageError, type Command } from '../io.js';
import { cliMessage } from '../locales/index.js';
import { BATCH_OPTIONS, BATCH_OPTIONS_HELP, batchSettings, summaryLine } from '../batch/options.js';
import { runBatch } from '../batch/run.js';

const NAME = 'ruralkit screen';

export const screenCommand: Command = {
  summary: '农户防止返贫监测筛查 / screen households for relapse risks (NDJSON or CSV, one per line)',
  usage: `ruralkit screen <households.ndjson|.csv> --out FILE [--as-of YYYY-MM-DD] [--plan ID] [--plugin FILE]...
                    [--format ndjson|csv] [--workers N]`,
  options: BATCH_OPTIONS_HELP,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, BATCH_OPTIONS);
    if (positionals.length !== 1) {
      throw new UsageError(NAME, cliMessage('screen.households-file', {}));
    }
    const { settings, out, workers } = batchSettings(NAME, values, io, 'screen');
    refuseOverwritingInput(out, [positionals[0], ...settings.plugins]);
    const totals = await runBatch({ input: readable(positionals[0]!), out, settings, workers, io });
    io.stderr(summaryLine('screen', totals, out));
    return 0;
  },
};

/** The input file, or a usage error naming it. */
export function readable(file: string): string {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw fileError(file, error);
  }
  return file;
}
