/**
 * `ruralkit evaluate --batch`: batch evaluation (批量评估) of village records, one per line of
 * an NDJSON or CSV file, writing each village's results; `--district` gives the district's
 * data (its reference values are what growth rules compare with).
 */
import { refuseOverwritingInput } from '../input-files.js';
import { parseOptions, UsageError, type Io } from '../io.js';
import { BATCH_OPTIONS, batchSettings, summaryLine } from '../batch/options.js';
import { runBatch } from '../batch/run.js';
import { readable } from './screen.js';

export const EVALUATE_BATCH_USAGE = `ruralkit evaluate --batch <villages.ndjson|.csv> --out FILE [--district FILE] [--plugin FILE]...
                    [--as-of YYYY-MM-DD] [--explain not-met|all|none] [--format ndjson|csv] [--workers N]`;

export async function evaluateBatch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...BATCH_OPTIONS,
    batch: { type: 'string' },
    district: { type: 'string' },
    explain: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('ruralkit evaluate --batch: give the villages file after --batch');
  const { settings, out, workers } = batchSettings('evaluate --batch', values, io, 'evaluate', {
    district: values.district as string | undefined,
    explain: values.explain,
  });
  refuseOverwritingInput(out, [values.batch as string, values.district as string | undefined, ...settings.plugins]);
  const totals = await runBatch({ input: readable(values.batch as string), out, settings, workers, io });
  io.stderr(summaryLine('evaluate', totals, out));
  return 0;
}
