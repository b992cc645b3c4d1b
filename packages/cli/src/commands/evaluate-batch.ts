/**
 * `ruralkit evaluate --batch`: batch evaluation (批量评估) of village records, one per line of
 * an NDJSON or CSV file, writing each village's results; `--district` gives the district's
 * data (its reference values are what growth rules compare with).
 */
import { refuseOverwritingInput } from '../input-files.js';
import { parseOptions, UsageError, type Io } from '../io.js';
import { cliMessage } from '../locales/index.js';
import { BATCH_OPTIONS, batchSettings, summaryLine } from '../batch/options.js';
import { runBatch } from '../batch/run.js';
import { readable } from './screen.js';

export const EVALUATE_BATCH_USAGE = `ruralkit evaluate --batch <villages.ndjson|.csv> --out FILE [--district FILE] [--plugin FILE]...
                    [--as-of YYYY-MM-DD] [--explain not-met|all|none] [--format ndjson|csv] [--workers N]`;

export const EVALUATE_BATCH_OPTIONS_HELP = `--batch 的选项 / Options of --batch (one village per line, NDJSON or CSV):
  --out       输出文件（必填），每行都有效才写出 / the output file, .ndjson or .csv (required); written only if every line is valid
  --workers   工作线程数（默认每核一个） / worker threads (default: one per core); the output order is the input order
  --district  区级数据（YAML 或 JSON），供增速规则 / the district's data (YAML or JSON), for growth rules
  --explain   哪些结果附提示语 / not-met (default), all or none: which results carry messages`;

const NAME = 'ruralkit evaluate --batch';

export async function evaluateBatch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(NAME, args, {
    ...BATCH_OPTIONS,
    batch: { type: 'string' },
    district: { type: 'string' },
    explain: { type: 'string' },
  });
  if (positionals.length > 0 || typeof values.batch !== 'string') {
    throw new UsageError(NAME, cliMessage('batch.villages-file', {}));
  }
  const { settings, out, workers } = batchSettings(NAME, values, io, 'evaluate', {
    district: values.district as string | undefined,
    explain: values.explain,
  });
  refuseOverwritingInput(out, [values.batch as string, values.district as string | undefined, ...settings.plugins]);
  const totals = await runBatch({ input: readable(values.batch), out, settings, workers, io });
  io.stderr(summaryLine('evaluate', totals, out));
  return 0;
}
