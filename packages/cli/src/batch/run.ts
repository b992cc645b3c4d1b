/**
 * A batch run (批量运行): read the input as jobs, run them (here or in workers), write their
 * output in input order to a temporary file that becomes `out` only when every line was
 * valid. The first invalid line stops the run: nothing half-written is left behind.
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { InputError } from '@ruralkit/core';
import type { Io } from '../io.js';
import { cliMessage, englishFirst } from '../locales/index.js';
import { formatCsvRow } from './csv.js';
import { CSV_HEADER, type JobCounts, type JobSettings } from './job.js';
import { createPool } from './pool.js';
import { createProgress } from './progress.js';
import { planFromOptions } from '../plan-options.js';
import { earlierLineOf, openSource } from './source.js';
import { createIdRegistry } from './unique.js';

export interface BatchRun {
  input: string;
  out: string;
  settings: JobSettings;
  workers: number;
  io: Io;
}

/** The run's totals. */
export interface BatchTotals extends JobCounts {
  seconds: number;
}

export async function runBatch({ input, out, settings, workers, io }: BatchRun): Promise<BatchTotals> {
  const start = performance.now();
  const plan = await planFromOptions({ plan: settings.planId, plugin: settings.plugins });
  const source = openSource(input, settings.mode, plan);
  const partial = `${out}.partial-${process.pid}`;
  const file = createWriteStream(partial);
  // A write error is thrown by the next write; one that comes after a failed run has nothing to stop.
  let writeFailure: Error | undefined;
  file.on('error', (error) => (writeFailure ??= error));
  const stopWatching = removeOnSignal(partial, io);
  const pool = createPool(settings, workers);
  const progress = createProgress(io.progress === true, source.size, io.stderr);
  const totals: JobCounts = { subjects: 0, flagged: 0, byKey: {} };
  const ids = createIdRegistry(settings.mode === 'screen' ? 'household' : 'village', (id, line) =>
    earlierLineOf(input, settings.mode, plan, id, line),
  );
  // Lines of the byte ranges before the next output: a range's lines count from 1 at its start.
  let linesBefore = 0;
  const write = async () => {
    if (writeFailure) throw writeFailure;
    for (const output of pool.drain()) {
      const judged = output.lines.length > 0 ? output.ids.split('\n') : [];
      for (let i = 0; i < judged.length; i++) {
        // Only a fingerprint seen before waits, while the earlier line is read again.
        const confirming = ids.check(judged[i]!, output.lines[i]! + linesBefore);
        if (confirming) await confirming;
      }
      if (!output.ok) {
        throw new InputError(
          output.issues.map((i) => (i.line === undefined ? i : { ...i, line: i.line + linesBefore })),
        );
      }
      linesBefore += output.rangeLines ?? 0;
      totals.subjects += output.counts.subjects;
      totals.flagged += output.counts.flagged;
      for (const [key, n] of Object.entries(output.counts.byKey)) totals.byKey[key] = (totals.byKey[key] ?? 0) + n;
      if (!file.write(output.text)) await once(file, 'drain');
    }
    progress.update(source.bytesRead, totals.subjects);
  };
  try {
    if (settings.format === 'csv') file.write(formatCsvRow(CSV_HEADER[settings.mode]));
    for await (const job of source.jobs) {
      await pool.submit(job);
      await write();
    }
    await pool.settle();
    await write();
    progress.end(source.bytesRead, totals.subjects);
    file.end();
    await once(file, 'finish');
    renameSync(partial, out);
  } catch (error) {
    file.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    stopWatching();
    progress.end();
    await pool.close();
  }
  return { ...totals, seconds: (performance.now() - start) / 1000 };
}

/**
 * While the run writes `partial`, SIGINT (Ctrl-C) or SIGTERM removes it and ends the process
 * with the signal's usual code (130, 143): an interrupted run leaves nothing behind.
 */
function removeOnSignal(partial: string, io: Io): () => void {
  const stop = (signal: NodeJS.Signals) => {
    rmSync(partial, { force: true });
    io.stderr(`\nruralkit: ${englishFirst(cliMessage('batch.interrupted', { signal }))}\n`);
    process.exit(128 + constants.signals[signal]);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}
