/** The options `screen` and `evaluate --batch` share, checked, and the summary line they end with. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ExplainLevel } from '@ruralkit/core';
import { basePlan, PLAN_OPTIONS_HELP, planOptions } from '../plan-options.js';
import { dateOption, oneOf, readDataFile, UsageError, type Io } from '../io.js';
import { cliMessage, englishFirst } from '../locales/index.js';
import type { JobSettings } from './job.js';
import type { BatchTotals } from './run.js';

/** The option definitions (node:util parseArgs) of a batch command. */
export const BATCH_OPTIONS = {
  ...planOptions,
  'as-of': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  workers: { type: 'string' },
} as const;

/** The help lines of the options every batch command takes. */
export const BATCH_OPTIONS_HELP = `${PLAN_OPTIONS_HELP}
  --as-of     评估日期 YYYY-MM-DD（默认今天） / the date to judge at, YYYY-MM-DD (default: today)
  --out       输出文件（必填），每行都有效才写出 / the output file, .ndjson or .csv (required); written only if every line is valid
  --format    输出格式 ndjson 或 csv / ndjson or csv (default: from the --out file's extension)
  --workers   工作线程数（默认每核一个） / worker threads (default: one per core); the output order is the input order`;

/** Settings from parsed options; `district` and `explain` only apply to villages. */
export function batchSettings(
  command: string,
  values: Record<string, unknown>,
  io: Io,
  mode: JobSettings['mode'],
  villages: { district?: string; explain?: unknown } = {},
): { settings: JobSettings; out: string; workers: number } {
  const planId = basePlan(values.plan).id;
  const plugins = ((values.plugin as string[] | undefined) ?? []).map((file) => resolve(file));
  const asOf = dateOption(command, 'as-of', values['as-of'], io.today());
  const out = values.out as string | undefined;
  if (!out) {
    throw new UsageError(command, cliMessage('batch.out-required', {}));
  }
  const formats = ['ndjson', 'csv'] as const;
  const format = oneOf(command, 'format', values.format, formats, out.endsWith('.csv') ? 'csv' : 'ndjson');
  const explain: ExplainLevel = oneOf(
    command,
    'explain',
    villages.explain,
    ['all', 'not-met', 'none'] as const,
    'not-met',
  );
  const settings: JobSettings = { mode, planId, plugins, asOf, explain, format };
  if (villages.district) settings.district = readDataFile(villages.district) as JobSettings['district'];
  return { settings, out, workers: workerCount(command, values.workers, io) };
}

/**
 * `--workers N`, a whole number ≥ 1; by default one per core, and never more than the cores:
 * each worker holds its own compiled plan, and more threads than cores only add memory.
 */
function workerCount(command: string, value: unknown, io: Io): number {
  const cores = availableParallelism();
  if (value === undefined) return cores;
  const n = Number(value);
  if (!/^\d+$/.test(String(value)) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(command, cliMessage('batch.workers', { value: String(value) }));
  }
  if (n > cores) {
    io.stderr(`ruralkit: ${englishFirst(cliMessage('batch.workers-capped', { workers: n, cores }))}\n`);
    return cores;
  }
  return n;
}

const number = (n: number) => n.toLocaleString('en-US');

/** The line a batch command ends with: what was done, how fast, where it went. */
export function summaryLine(mode: JobSettings['mode'], totals: BatchTotals, out: string): string {
  const rate = totals.seconds > 0 ? Math.round(totals.subjects / totals.seconds) : totals.subjects;
  const breakdown = Object.entries(totals.byKey)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${key} ${number(n)}`)
    .join(' · ');
  const what = englishFirst(
    cliMessage(mode === 'screen' ? 'batch.screened' : 'batch.evaluated', {
      subjects: number(totals.subjects),
      flagged: number(totals.flagged),
    }),
  );
  return `ruralkit: ${what}${breakdown ? ` [${breakdown}]` : ''} in ${totals.seconds.toFixed(1)} s (${number(rate)}/s) → ${out}\n`;
}
