/** `ruralkit evaluate`: judge a district's data against a plan and write the report. */
import { evaluate, isRealDate, type EvaluationInput, type Lang } from '@ruralkit/core';
import { readInputFiles, refuseOverwritingInput, writeOutput } from '../input-files.js';
import { oneOf, parseOptions, UsageError, type Command } from '../io.js';
import { planFromOptions, planOptions } from '../plan-options.js';
import { loadHtmlReport, loadXlsx } from '../optional.js';
import { formatMarkdown, formatTable } from '../report-text.js';
import { evaluateBatch, EVALUATE_BATCH_USAGE } from './evaluate-batch.js';

const FORMATS = ['table', 'json', 'md', 'html', 'xlsx'] as const;

/**
 * The most villages and households one report holds: a report is built in memory, and 2,000
 * villages already make a 228 MB one. Larger data goes through `--batch` and `screen`, which stream.
 */
export const REPORT_LIMITS = { villages: 500, households: 50_000 } as const;

/** Refuse an input too large for one report, with the streaming command to use instead. */
function checkReportSize(input: unknown): void {
  for (const [field, max] of Object.entries(REPORT_LIMITS)) {
    const list = (input as Record<string, unknown> | null)?.[field];
    if (!Array.isArray(list) || list.length <= max) continue;
    const advice =
      field === 'villages'
        ? 'ruralkit evaluate --batch villages.ndjson --out results.ndjson'
        : 'ruralkit screen households.ndjson --out alerts.ndjson';
    throw new UsageError(
      `ruralkit evaluate: ${list.length.toLocaleString('en-US')} ${field} are more than one report holds (${max.toLocaleString('en-US')}); ` +
        `use ${advice}, which streams one line per subject (数据量过大，请用批量命令)`,
    );
  }
}

export const evaluateCommand: Command = {
  usage: `ruralkit evaluate <input.yaml|input.json|input.xlsx|sheet.csv...> [--plan ID] [--plugin FILE]...
                    [--as-of YYYY-MM-DD] [--format table|json|md|html|xlsx] [--lang zh|en] [--out FILE]
  ${EVALUATE_BATCH_USAGE}`,
  async run(args, io) {
    if (args.includes('--batch')) return evaluateBatch(args, io);
    const { values, positionals } = parseOptions(args, {
      ...planOptions,
      'as-of': { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length === 0) {
      throw new UsageError('ruralkit evaluate: give an input file (YAML, JSON, xlsx, or CSV files)');
    }
    const asOf = (values['as-of'] as string | undefined) ?? io.today();
    if (!isRealDate(asOf)) throw new UsageError(`ruralkit: --as-of must be a date YYYY-MM-DD (got "${asOf}")`);
    const format = oneOf('format', values.format, FORMATS, 'table');
    const lang: Lang = oneOf('lang', values.lang, ['zh', 'en'] as const, 'zh');
    const out = values.out as string | undefined;
    if (format === 'xlsx' && !out) throw new UsageError('ruralkit evaluate: --format xlsx needs --out FILE.xlsx');
    if (out) refuseOverwritingInput(out, [...positionals, ...((values.plugin as string[] | undefined) ?? [])]);
    const plan = await planFromOptions(values);
    const input = await readInputFiles(plan, positionals, io.stderr);
    checkReportSize(input);
    const report = evaluate(plan, input, { asOf });
    const content =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'md'
          ? formatMarkdown(report, lang)
          : format === 'html'
            ? // evaluate accepted the input, so it has the shape of an evaluation input.
              (await loadHtmlReport()).renderHtmlReport(report, { plan, input: input as EvaluationInput, lang })
            : format === 'xlsx'
              ? await (await loadXlsx()).buildResultsWorkbook(plan, report, lang)
              : formatTable(report, lang, io.colour && !out);
    if (out) {
      writeOutput(out, content);
      io.stderr(`ruralkit: wrote ${out}\n`);
    } else {
      io.stdout(content as string);
    }
    return 0;
  },
};
