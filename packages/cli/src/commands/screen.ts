/**
 * `ruralkit screen`: household screening (部门筛查预警) of an NDJSON or CSV file, one household
 * per line, writing only the households with a risk: their risk types, suggested category and
 * reasons.
 */
import { accessSync, constants } from 'node:fs';
import { refuseOverwritingInput } from '../input-files.js';
import { parseOptions, UsageError, type Command } from '../io.js';
import { BATCH_OPTIONS, batchSettings, summaryLine } from '../batch/options.js';
import { runBatch } from '../batch/run.js';

export const screenCommand: Command = {
  usage: `ruralkit screen <households.ndjson|.csv> --out FILE [--as-of YYYY-MM-DD] [--plan ID] [--plugin FILE]...
                    [--format ndjson|csv] [--workers N]`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, BATCH_OPTIONS);
    if (positionals.length !== 1) throw new UsageError('ruralkit screen: give one households file (NDJSON or CSV)');
    const { settings, out, workers } = batchSettings('screen', values, io, 'screen');
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
  } catch {
    throw new UsageError(`ruralkit: cannot read "${file}" (无法读取文件)`);
  }
  return file;
}
