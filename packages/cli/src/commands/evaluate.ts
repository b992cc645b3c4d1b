/** `ruralkit evaluate`: judge a district's data against a plan and write the report. */
import { writeFileSync } from 'node:fs';
import { evaluate, isRealDate, type Lang } from '@ruralkit/core';
import { oneOf, parseOptions, readDataFile, UsageError, type Command } from '../io.js';
import { planFromOptions, planOptions } from '../plan-options.js';
import { formatMarkdown, formatTable } from '../report-text.js';
import { evaluateBatch, EVALUATE_BATCH_USAGE } from './evaluate-batch.js';

export const evaluateCommand: Command = {
  usage: `ruralkit evaluate <input.yaml|input.json> [--plan ID] [--plugin FILE]... [--as-of YYYY-MM-DD]
                    [--format table|json|md] [--lang zh|en] [--out FILE]
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
    if (positionals.length !== 1) throw new UsageError('ruralkit evaluate: give one input file (YAML or JSON)');
    const asOf = (values['as-of'] as string | undefined) ?? io.today();
    if (!isRealDate(asOf)) throw new UsageError(`ruralkit: --as-of must be a date YYYY-MM-DD (got "${asOf}")`);
    const format = oneOf('format', values.format, ['table', 'json', 'md'] as const, 'table');
    const lang: Lang = oneOf('lang', values.lang, ['zh', 'en'] as const, 'zh');
    const out = values.out as string | undefined;
    const plan = await planFromOptions(values);
    const report = evaluate(plan, readDataFile(positionals[0]!), { asOf });
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
  },
};
